"""For the board: how many of a period's messages a worker linked as saying the same thing,
and in how many groups (issue 18). A group is a message and every message whose
"says the same as" (Submission.same_as_id) points at it; held and taken-back messages are not
counted, as an agenda leaves them out."""

from datetime import datetime, time, timedelta

from sqlalchemy import distinct, func, select

from voice.board.periods import _quarter_end, _quarter_start
from voice.extensions import db
from voice.submissions.models import Status, Submission


def counts(start, end):
    """(messages, groups) for messages sent in [start, end) that are in a linked group."""
    roots = select(Submission.same_as_id).where(Submission.same_as_id.is_not(None))
    group = func.coalesce(Submission.same_as_id, Submission.id)
    messages, groups = db.session.execute(
        select(func.count(), func.count(distinct(group))).where(
            Submission.created_at >= start,
            Submission.created_at < end,
            Submission.safeguarding.is_(False),
            Submission.status != Status.WITHDRAWN,
            Submission.same_as_id.is_not(None) | Submission.id.in_(roots),
        )
    ).one()
    return messages, groups


def for_board(period):
    """ "N messages in M groups saying the same thing", the number of messages (about young
    people) suppressed like the board's other counts: under the threshold it reads "fewer
    than N", and over several quarters it is hidden if one quarter's would be (suppress.Pooled).
    The number of groups is a count of subjects, not of young people."""
    from voice.board.summary import threshold
    from voice.board.suppress import Count, Pooled, hide_small

    limit = threshold()
    messages, groups = counts(period.starts_at, period.ends_before)
    if period.days > 92 and any(
        0 < counts(begin, end)[0] < limit for begin, end in _quarter_bounds(period)
    ):
        messages = Pooled(messages)
    return {"threshold": limit, "messages": hide_small(messages, limit), "groups": Count(groups)}


def _quarter_bounds(period):
    """[start, end) of each calendar quarter the period touches, cut to the period."""
    day, found = period.start, []
    while day <= period.end:
        last = min(_quarter_end(_quarter_start(day)), period.end)
        found.append(
            (datetime.combine(day, time.min), datetime.combine(last + timedelta(days=1), time.min))
        )
        day = last + timedelta(days=1)
    return found
