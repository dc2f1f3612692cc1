"""The share of messages read by a person within one working day: the safety net the board
can see. Read within one working day means opened by a participation worker or the
safeguarding lead by the end of the working day after the day it was sent (a message sent
on Friday evening or at the weekend: by the end of Monday, or Tuesday after a bank holiday).

Every message counts, held ones too (only as part of this share, never on their own); a
message taken back before anyone read it does not, nor one still inside its day."""

from sqlalchemy import Date, case, func, or_, select

from voice.board.scope import Scope, run
from voice.board.timing import Histogram, _working_days
from voice.clock import add_working_days
from voice.submissions.models import Status, Submission

# Not read, and its day is over: counted as late, however late.
NOT_READ = 10_000


def histograms(period, today):
    """(now, before): Histograms of {working days from sent to first read: messages}."""
    result = (Histogram({}), Histogram({}))
    for is_now, sent, read, messages in run(Scope(period), _read_days):
        if read is not None:
            days = _working_days(sent, read)
        elif add_working_days(sent, 1) < today:
            days = NOT_READ
        else:
            continue  # still inside its working day: neither on time nor late yet
        histogram = result[0 if is_now else 1]
        histogram.days[days] = histogram.days.get(days, 0) + messages
    return result


def _read_days(scope):
    # The period test once, in a subquery: PostgreSQL will not group by an expression whose
    # bound parameters differ from the one selected.
    messages = (
        select(
            case((scope.in_now(), 1), else_=0).label("is_now"),
            func.date(Submission.created_at, type_=Date).label("sent_on"),
            func.date(Submission.first_read_at, type_=Date).label("read_on"),
        )
        .where(
            scope.in_either(),
            or_(Submission.status != Status.WITHDRAWN, Submission.first_read_at.is_not(None)),
        )
        .subquery()
    )
    columns = (messages.c.is_now, messages.c.sent_on, messages.c.read_on)
    return select(*columns, func.count()).group_by(*columns)
