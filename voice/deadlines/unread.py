"""The first-read safety net in `tick`: every message is read by a person within one working
day, whatever the disclosure check made of it. At the start of each working day, every
participation worker and the safeguarding lead are told (once that day, however often tick
runs) if any message sent before the previous working day ended has still not been opened.
The notice says nothing about the messages: not their words, not even how many."""

from flask import current_app
from sqlalchemy import func, select

from voice.clock import end_of_working_day, is_working_day, previous_working_day
from voice.extensions import db
from voice.submissions.models import Status, Submission

# Waiting to be opened by a worker (new) or by the lead (held). A message that moved on was
# opened first, or taken back by the young person.
TO_OPEN = (Status.NEW, Status.SAFEGUARDING)
# Who is told, and the page each is sent to: workers read new messages, the lead held ones.
TOLD = (("role:worker", "/moderation"), ("role:safeguarding", "/safeguarding"))


def unread_since(cutoff):
    """How many messages sent before `cutoff` (UTC) nobody has opened yet."""
    return db.session.scalar(
        select(func.count()).where(
            Submission.status.in_(TO_OPEN),
            Submission.first_read_at.is_(None),
            Submission.created_at < cutoff,
        )
    )


def tell_about_unread(today):
    """One step of tick: the morning notice, on working days only, once per day."""
    from voice.deadlines.services import once  # services runs this step

    if not is_working_day(today):
        return
    day_before = previous_working_day(today)
    waiting = unread_since(
        end_of_working_day(day_before, current_app.config["WORKING_DAY_ENDS_AT"])
    )
    if not waiting:
        return
    told = [(recipient, {"path": path}) for recipient, path in TOLD]
    if once("unread_waiting", "unread", today, told):
        yield (
            f"Told the workers and the safeguarding lead: {waiting} message"
            f"{'' if waiting == 1 else 's'} sent by the end of {day_before:%a %d %b} not read yet."
        )
