"""What an officer writes to a young person about an action goes through a participation
worker's check, as an answer does (issue 19); so does a late action's new date and its
reason. A change of status with no words needs no check: it is applied at once."""

from sqlalchemy import select

from voice import clock
from voice.actions import services
from voice.actions.models import ActionCheck
from voice.audit.services import record as audit
from voice.extensions import db
from voice.responses.models import ACTION_MOVES, ACTION_STATUS_WORDS


def waiting_for(action):
    """The officer's update of this action still waiting for a check, or None."""
    return db.session.scalar(
        select(ActionCheck)
        .where(ActionCheck.action_id == action.id, ActionCheck.checked_at.is_(None))
        .limit(1)
    )


def last_checked(action):
    """The most recent check a worker finished on this action, or None."""
    return db.session.scalar(
        select(ActionCheck)
        .where(ActionCheck.action_id == action.id, ActionCheck.checked_at.is_not(None))
        .order_by(ActionCheck.checked_at.desc(), ActionCheck.id.desc())
        .limit(1)
    )


def propose(action, by, status, note, new_due_on=None):
    """Keep the officer's update for a worker's check. A move the action's table does not
    have is refused now, while the officer is here, not later at the worker's desk."""
    if waiting_for(action) is not None:
        raise services.ActionRefused(
            "Your last update is still waiting for a participation worker's check. "
            "It reaches the young person once they have checked it."
        )
    if status != action.status and status not in ACTION_MOVES[action.status]:
        raise services.ActionRefused(
            f"This action is “{action.status_words}”, so it can't be “{ACTION_STATUS_WORDS[status]}” now."
        )
    check = ActionCheck(
        action_id=action.id, status=status, note=note, new_due_on=new_due_on, by_id=by.id
    )
    db.session.add(check)
    audit(
        "action_update",
        by=by,
        submission=services.case_of(action),
        detail=f"action {action.id}: sent for a worker's check",
    )
    db.session.flush()
    return check


def waiting():
    """Every update waiting for a check, oldest first."""
    return db.session.scalars(
        select(ActionCheck).where(ActionCheck.checked_at.is_(None)).order_by(ActionCheck.at)
    ).all()


def _finish(check, by, released):
    if not check.waiting:
        raise services.ActionRefused("Someone has already checked this update.")
    check.checked_at, check.checked_by_id, check.released = clock.utcnow(), by.id, released


def release(check, by):
    """The young person can read it now: the action moves through services.move (its one
    place), with the officer named as the one who wrote it, and a new date is kept."""
    _finish(check, by, released=True)
    action = check.action
    if check.new_due_on is not None:
        action.due_on = check.new_due_on
    services.move(action, check.status, check.by_id, check.note)
    submission = services.case_of(action)
    audit("action_update", by=by, submission=submission, detail=f"action {action.id}: released")
    services.tell_young_person(submission)
    db.session.flush()


def send_back(check, by, comment):
    """Back to the officer with what to change; the young person sees nothing of it."""
    comment = (comment or "").strip()
    if not comment:
        raise services.ActionRefused("Say what the officer should change.")
    _finish(check, by, released=False)
    check.comment = comment
    audit(
        "action_update",
        by=by,
        submission=services.case_of(check.action),
        detail=f"action {check.action_id}: sent back",
    )
    db.session.flush()
