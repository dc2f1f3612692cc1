"""For the board: how many messages came from each source in a period."""

from sqlalchemy import func, select

from voice.extensions import db
from voice.gathered.words import SOURCE_LABELS
from voice.submissions.models import Submission


def by_source(start, end):
    """[(label, count)] for messages sent (or typed in) in [start, end), most first; sources
    with none are left out."""
    rows = db.session.execute(
        select(Submission.source, func.count())
        .where(Submission.created_at >= start, Submission.created_at < end)
        .group_by(Submission.source)
    ).all()
    counted = [(SOURCE_LABELS[source.value], count) for source, count in rows]
    return sorted(counted, key=lambda row: (-row[1], row[0]))


def for_board(period):
    """Where messages came from and how advocacy referrals went, in the period, each count
    below the board's threshold shown as "fewer than N" (small counts could pick out a child
    at a small meeting)."""
    from voice.advocacy import services as advocacy
    from voice.board.summary import threshold
    from voice.board.suppress import group, hide_small

    limit = threshold()
    start, end = period.starts_at, period.ends_before
    sources = dict(by_source(start, end))
    cells, total = group(sources, sum(sources.values()), limit)
    referrals = advocacy.figures(start, end)
    return {
        "threshold": limit,
        "sources": list(cells.items()),
        "total": total,
        "referrals": {name: hide_small(value, limit) for name, value in referrals.items()},
    }
