"""Demo progress on the actions of released responses, so the officer's, worker's and board
pages look like a real year: most past their date are done, some in progress, a few not
going ahead, and a few of those due in the last two months left overdue. Deterministic (seeded by the action's id) and safe to
run again: an action that already has updates is left as it is."""

import random
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from voice import clock
from voice.actions.services import move
from voice.extensions import db
from voice.responses.models import Action, ActionStatus, Response, ResponseStatus

RECENT_DAYS = 60  # only actions due in the last two months may be left overdue
IN_PROGRESS, DONE, NOT_GOING_AHEAD = (
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.NOT_GOING_AHEAD,
)
# Written for the demo as an officer would write to a young person; no real case.
NOTES = {
    IN_PROGRESS: [
        "We have talked to the team and work has started. We'll update you here.",
        "We have asked for this and are waiting to hear back. A meeting is booked for next week.",
        "The first part is done. The rest needs a manager to agree, and we have asked.",
    ],
    DONE: [
        "This is done. Thank you for raising it.",
        "Done: it has been in place since last week. Tell us if it is not working for you.",
        "Finished. If anything is still not right, ask a follow-up question and we will look "
        "again.",
    ],
    NOT_GOING_AHEAD: [
        "We can't do this after all, because this year's budget for it has been spent. We "
        "will look at it again in April and tell you here.",
        "This isn't going ahead because the provider has closed. We are looking for another "
        "way to do it.",
    ],
}


def load_demo_progress():
    """Give released actions with no updates a believable history. Returns how many got
    one (an action left planned is looked at again next run, and stays planned)."""
    today = clock.utcnow().date()
    actions = db.session.scalars(
        select(Action)
        .join(Action.response)
        .where(Response.status == ResponseStatus.RELEASED, ~Action.updates.any())
        # Read with it: its response (for the dates), and its updates (none yet), so that
        # move() appends without a read, and a flush, for each.
        .options(contains_eager(Action.response), selectinload(Action.updates))
        .order_by(Action.id)
    ).all()
    moved = sum(_progress(action, random.Random(action.id), today) for action in actions)
    db.session.flush()
    return moved


def _plan(days_late, rng):
    """The statuses the action goes through, in order ([] stays planned)."""
    roll = rng.random()
    if days_late > RECENT_DAYS:  # a council keeping up has long since finished or said no
        return [IN_PROGRESS, DONE] if roll < 0.92 else [NOT_GOING_AHEAD]
    if days_late > 0:
        # About one in eight recently past its date is left overdue, for the pages to show.
        return (
            [IN_PROGRESS, DONE]
            if roll < 0.80
            else [NOT_GOING_AHEAD]
            if roll < 0.87
            else [IN_PROGRESS]
            if roll < 0.94
            else []
        )
    return [IN_PROGRESS] if roll < 0.45 else [IN_PROGRESS, DONE] if roll < 0.55 else []


def _progress(action, rng, today):
    steps = _plan((today - action.due_on).days, rng)
    start = action.response.released_at or clock.utcnow()
    end = min(datetime.combine(min(action.due_on, today), time(16, 30)), clock.utcnow())
    span = max(end - start, timedelta(0))  # never before the answer went out
    for number, status in enumerate(steps, start=1):
        at = start + span * number / (len(steps) + 1)
        move(action, status, action.response.officer_id, rng.choice(NOTES[status]), at=at)
    return bool(steps)
