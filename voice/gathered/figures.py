"""For the board: how many messages came from each source in a period."""

from sqlalchemy import func, select

from voice.extensions import db
from voice.gathered.labels import SOURCE_LABELS
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
