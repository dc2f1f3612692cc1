from sqlalchemy import select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation.services import ModerationRefused, redact
from voice.safeguarding.models import SafeguardingAction, SafeguardingRecord
from voice.submissions import life_cycle
from voice.submissions.models import Status, Submission


def records_for(submission):
    return db.session.scalars(
        select(SafeguardingRecord)
        .where(SafeguardingRecord.submission_id == submission.id)
        .order_by(SafeguardingRecord.id)
    ).all()


def recently_handled(limit=20):
    return db.session.scalars(
        select(Submission)
        .where(Submission.safeguarding.is_(True), Submission.status != Status.SAFEGUARDING)
        .order_by(Submission.created_at.desc())
        .limit(limit)
    ).all()


def record_action(submission, by, action, note=""):
    if submission.status != Status.SAFEGUARDING:
        raise ModerationRefused("This message is no longer held for safeguarding.")
    db.session.add(
        SafeguardingRecord(
            submission_id=submission.id,
            by_id=by.id,
            at=utcnow(),
            action=SafeguardingAction(action),
            note=note.strip(),
        )
    )
    audit("safeguarding_record", by=by, submission=submission, detail=action)
    db.session.flush()


def _require_record(submission):
    if not records_for(submission):
        raise ModerationRefused("Record what you did before you close or release it.")


def close(submission, by):
    """It never enters the normal flow."""
    _require_record(submission)
    life_cycle.transition(submission, Status.CLOSED, by=by, note="Closed by safeguarding.")
    submission.contact = None
    db.session.flush()


def release(submission, by, shared_text):
    """Back to the participation team, with anything sensitive taken out first. A held
    follow-up goes back to the follow-up step: the rest of the case was moderated already."""
    from voice.responses.follow_ups import pending  # responses builds on safeguarding's users

    _require_record(submission)
    waiting = pending(submission)
    if waiting is not None:
        # The held words were the follow-up's: the lead's version is what the worker passes on.
        waiting.shared_text = shared_text
        audit("redaction", by=by, submission=submission, detail="follow-up, by safeguarding")
    else:
        redact(submission, shared_text, by)
    back_to = Status.FOLLOW_UP if waiting is not None else Status.NEW
    life_cycle.transition(
        submission, back_to, by=by, note="Released to moderation by safeguarding."
    )
    db.session.flush()
