"""Keeping an action's progress: who may update it, what a valid update is, and which
actions are overdue. Plain functions; the route commits."""

from datetime import datetime, time

from sqlalchemy import case, select
from sqlalchemy.orm import contains_eager, selectinload

from voice import clock
from voice.actions.models import ActionUpdate
from voice.audit.services import record as audit
from voice.errors import Refused
from voice.extensions import db
from voice.notifications.models import Notification
from voice.responses import services as responses
from voice.responses.models import (
    ACTION_MOVES,
    ACTION_STATUS_WORDS,
    OPEN_ACTIONS,
    Action,
    ActionStatus,
    Response,
    ResponseStatus,
)
from voice.submissions.models import Submission

# "Not going ahead" is a broken promise: the young person is owed a real reason.
MIN_WHY = 20


class ActionRefused(Refused):
    """The update cannot be saved; the message is safe to show the officer."""


def _for_officer(officer):
    """Actions the officer may update: promised in a released response on a case they can
    see (routed to them, or to an area they lead). Another officer's are not found."""
    cases = responses.visible_to(officer).with_only_columns(Submission.id)
    return (
        select(Action)
        .join(Action.response)
        .where(Response.status == ResponseStatus.RELEASED, Response.submission_id.in_(cases))
    )


def for_officer(officer, today):
    """Overdue first, then by date: what needs doing soonest leads."""
    late = case((Action.overdue_on(today), 0), else_=1)
    # Each row shows its case and its last update: read with the list, not once per row.
    query = _for_officer(officer).options(
        contains_eager(Action.response), selectinload(Action.updates)
    )
    return db.session.scalars(query.order_by(late, Action.due_on, Action.id)).all()


def get_for_officer(officer, action_id):
    return db.session.scalar(_for_officer(officer).where(Action.id == action_id))


def check_update(action, status, note, new_due_on=None):
    """The rules, in words for the officer. Returns the note, tidied."""
    note = (note or "").strip()
    if action.response.status != ResponseStatus.RELEASED:
        raise ActionRefused("Only actions the young person has been told about can be updated.")
    if status == ActionStatus.NOT_GOING_AHEAD and len(note) < MIN_WHY:
        raise ActionRefused(
            "Say why it is not going ahead. The young person was promised "
            "this, so they need the reason in a sentence or two."
        )
    if new_due_on is not None:
        check_new_date(action, status, note, new_due_on)
    elif status == action.status and not note:
        raise ActionRefused("Nothing has changed: choose a new status or write what has happened.")
    return note


def check_new_date(action, status, note, new_due_on):
    """A new date is for an action still to happen, later than today, with a reason the
    young person reads (they were promised the first date)."""
    if status not in OPEN_ACTIONS or action.status not in OPEN_ACTIONS:
        raise ActionRefused("Only an action still to happen can be given a new date.")
    if new_due_on <= clock.utcnow().date():
        raise ActionRefused("Give a new date after today.")
    if len(note) < MIN_WHY:
        raise ActionRefused(
            "Say why the date has moved. The young person reads it, in a sentence or two."
        )


def move(action, to, by_id, note=None, at=None):
    """The one place an action's status changes: refuses a move ACTION_MOVES does not have and
    appends the update, with who and when, to the history the young person reads. A note with
    the same status is an update without a move."""
    to = ActionStatus(to)
    if to != action.status and to not in ACTION_MOVES[action.status]:
        raise ActionRefused(
            f"This action is “{action.status_words}”, so it can't be “{ACTION_STATUS_WORDS[to]}” "
            "now. If something is still not right, the young person can ask a follow-up."
        )
    action.updates.append(
        ActionUpdate(status=to, note=note or None, by_id=by_id, at=at or clock.utcnow())
    )
    action.status = to


def update(action, by, status, note, new_due_on=None):
    """Set the action's status and keep the update, with its date and who made it. Words for
    the young person, or a new date, wait for a worker's check first (voice.actions.checks):
    returns that check then, else None."""
    status = ActionStatus(status)
    note = check_update(action, status, note, new_due_on)
    if note or new_due_on is not None:
        from voice.actions import checks  # it builds on this module

        return checks.propose(action, by, status, note, new_due_on)
    before = action.status
    move(action, status, by.id, note)
    submission = case_of(action)
    audit(
        "action_update",
        by=by,
        submission=submission,
        detail=f"action {action.id}: {before.value} → {status.value}",
    )
    tell_young_person(submission)
    db.session.flush()
    return None


def tell_young_person(submission):
    """Progress is news, but one "there is news" a day is enough: a phone buzzing at every
    update would show whoever is nearby more than the young person chose to share."""
    since = datetime.combine(clock.utcnow().date(), time.min)
    told = db.session.scalar(
        select(Notification.id)
        .where(
            Notification.kind == "news_for_young_person",
            Notification.recipient == f"submission:{submission.id}",
            Notification.created_at >= since,
        )
        .limit(1)
    )
    if told is None:
        responses.tell_young_person(submission)


def for_case(submission, today):
    """Actions of this case's released responses, overdue first."""
    late = case((Action.overdue_on(today), 0), else_=1)
    return db.session.scalars(
        select(Action)
        .join(Action.response)
        .where(Response.submission_id == submission.id, Response.status == ResponseStatus.RELEASED)
        .order_by(late, Action.due_on, Action.id)
    ).all()


def case_of(action):
    return db.session.get(Submission, action.response.submission_id)
