"""What Voice holds about one message, erasing it on request, and clearing old free text.

Erasure and purging keep the submission row with its theme, dates, status, kind, age band and
care status, so the board's counts stay true; only words and ways to reach someone go."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.influence import services as influence
from voice.moderation import similar
from voice.notifications import outbox
from voice.privacy import linked
from voice.published import services as publishing
from voice.responses.models import FollowUp, Rating
from voice.safeguarding.models import SafeguardingRecord
from voice.submissions.models import Status, StatusChange, Submission

ERASED = "[erased on request]"
PURGED = "[cleared after the retention period]"
FINISHED = (Status.CLOSED, Status.DECLINED, Status.WITHDRAWN)


# --- The young person's copy ------------------------------------------------------------


def released_responses(submission):
    """Answers released to the young person, as plain dicts: the team's name, never an
    officer's. Returns [] if voice.responses has no Response model (it was built alongside)."""
    try:
        from voice.responses.models import Response, ResponseStatus
    except ImportError:
        return []
    released = db.session.scalars(
        select(Response)
        .where(Response.submission_id == submission.id, Response.status == ResponseStatus.RELEASED)
        .order_by(Response.id)
    ).all()
    return [
        {
            "released_on": _day(response.released_at),
            "decision": response.decision_words,
            "answer": response.explanation,
            "from": response.team_name,
            "actions": [
                {
                    "what": action.what,
                    "team": action.team,
                    "by": action.due_on.isoformat(),
                    "status": action.status.value,
                }
                for action in response.actions
            ],
        }
        for response in released
    ]


def _day(moment):
    return moment.isoformat(timespec="minutes") if moment else None


def _advocacy_status(submission):
    from voice.advocacy.services import referral_for

    referral = referral_for(submission)
    return referral.status.value if referral else None


def copy_for_young_person(submission):
    """Everything held about this message that is the young person's own: their words and
    choices, where it went and when. No staff names, no other young person's data."""
    contact = submission.contact
    return {
        "reference": submission.reference,
        "sent_on": submission.created_at.isoformat(timespec="minutes"),
        "kind": submission.kind.value,
        "message": submission.message,
        "themes": [theme.name for theme in submission.themes],
        "choices": {
            "who_should_hear_it": submission.audience.value,
            "name": submission.name,
            "age_band": _value(submission.age_band),
            "care_status": _value(submission.care_status),
            "reply_by": submission.reply_by.value,
            "contact": contact.value if contact else None,
            "ok_to_publish": submission.consent_publish,
            "ok_to_quote": submission.consent_quote,
            "wants_an_advocate": submission.wants_advocate,
            # The face picked on the short form ("worried"), kept apart from their words.
            "feeling": _value(submission.feeling),
        },
        "status": _value(submission.status),
        "reply_due_by": submission.due_on.isoformat(),
        # Given at a meeting, on paper or the phone and typed in by a worker: where and when.
        "given_at": submission.source.value,
        "given_on": submission.given_on.isoformat() if submission.given_on else None,
        "advocate": _advocacy_status(submission),
        "history": [
            {
                "from": _value(change.from_status),
                "to": _value(change.to_status),
                "on": change.at.isoformat(timespec="minutes"),
            }
            for change in submission.changes
        ],
        "shared_version": submission.shared_text,
        "decline_reason": _value(submission.decline_reason),
        "decline_note": submission.decline_note,
        "responses": released_responses(submission),
        "follow_ups": [
            {"asked_on": _day(f.created_at), "question": f.message} for f in _follow_ups(submission)
        ],
        "ratings": [
            {"on": _day(r.created_at), "answer": r.answer.value, "comment": r.comment}
            for r in _ratings(submission)
        ],
        "what_changed": influence.copy_of(submission),
    }


def _value(choice):
    """A choice's code; a hold for safeguarding reads as neutrally as it does on /check."""
    if choice == Status.SAFEGUARDING:
        return NEUTRAL_HOLD
    return getattr(choice, "value", choice)


NEUTRAL_HOLD = "with_a_member_of_staff"


# --- Erasure on request -----------------------------------------------------------------


def what_erasure_removes(submission):
    """The names of the things erasing would clear: [] when nothing is left to erase."""
    found = []
    if submission.message != ERASED:
        found.append("message")
    for field in ("shared_text", "name", "decline_note"):
        if getattr(submission, field) not in (None, ERASED):
            found.append(field)
    if submission.contact is not None:
        found.append("contact")
    if any(r.before != ERASED or r.after != ERASED for r in submission.redactions):
        found.append("redaction history")
    if any(change.note for change in submission.changes):
        found.append("status notes")
    if any(record.note for record in _safeguarding_records(submission)):
        found.append("safeguarding notes")
    found += linked.what_is_held(submission, ERASED)
    if publishing.publication_of(submission) is not None:
        found.append("public summary")
    unsent, sent = outbox.held_for(submission.id)
    if unsent:
        found.append("unsent notifications")
    if sent:
        found.append("links from sent notifications")
    return found


class ErasureRefused(Refused):
    """Not now; the message is safe to show the worker."""


HELD = (
    "{reference} is held for safeguarding. It can be erased once the safeguarding lead has "
    "closed or released it."
)


def refuse_if_held(submission):
    """The lead's work on a held message must not be wiped from under them."""
    if submission.status == Status.SAFEGUARDING:
        raise ErasureRefused(HELD.format(reference=submission.reference))


def erase(submission, by):
    """Clear everything that could say who sent it or what they said, on the young person's
    request. Logged with the names of what went, never the content. Returns those names."""
    refuse_if_held(submission)
    removed = what_erasure_removes(submission)
    _clear_words(submission, ERASED)
    submission.name = None
    submission.contact = None
    for change in submission.changes:
        change.note = ""
    for record in _safeguarding_records(submission):
        record.note = ""
    linked.clear(submission, ERASED)
    publishing.remove(submission)
    outbox.forget(submission.id)
    audit(
        "erasure",
        by=by,
        submission=submission,
        detail="Erased: " + (", ".join(removed) or "nothing was left"),
    )
    db.session.flush()
    return removed


def _clear_words(submission, marker):
    similar.forget(submission)  # terms drawn from the words go with them
    submission.message = marker
    if submission.shared_text is not None:
        submission.shared_text = marker
    if submission.decline_note:
        submission.decline_note = None
    for redaction in submission.redactions:
        redaction.before = redaction.after = marker
    # A follow-up or a comment on an answer is the young person's own words too (erasure
    # clears them with the other linked rows; purging needs this).
    for follow_up in _follow_ups(submission):
        follow_up.message = marker
        if follow_up.shared_text is not None:
            follow_up.shared_text = marker
    for rating in _ratings(submission):
        rating.comment = None
    influence.forget_words(submission)


def _follow_ups(submission):
    return db.session.scalars(
        select(FollowUp).where(FollowUp.submission_id == submission.id).order_by(FollowUp.id)
    ).all()


def _ratings(submission):
    return db.session.scalars(
        select(Rating).where(Rating.submission_id == submission.id).order_by(Rating.id)
    ).all()


def _safeguarding_records(submission):
    return db.session.scalars(
        select(SafeguardingRecord).where(SafeguardingRecord.submission_id == submission.id)
    ).all()


# --- Retention --------------------------------------------------------------------------


def due_for_purge(now=None):
    """Finished submissions whose last change is older than RETENTION_DAYS."""
    cutoff = (now or utcnow()) - timedelta(days=int(current_app.config["RETENTION_DAYS"]))
    last_change = (
        select(StatusChange.submission_id, func.max(StatusChange.at).label("at"))
        .group_by(StatusChange.submission_id)
        .subquery()
    )
    return db.session.scalars(
        select(Submission)
        .join(last_change, last_change.c.submission_id == Submission.id)
        .where(Submission.status.in_(FINISHED), last_change.c.at < cutoff)
        .order_by(Submission.id)
    ).all()


PURGE_COUNTS = (
    "messages cleared",
    "shared versions cleared",
    "redactions cleared",
    "decline notes cleared",
    "names removed",
    "contact details deleted",
    "follow-ups cleared",
    "rating comments cleared",
    "public summaries removed",
    "board quotes removed",
    "unsent notifications removed",
    "sent notifications unlinked",
)


def purge(dry_run=False, now=None):
    """Clear free text and contact details of finished, old submissions. Returns counts by
    kind; with dry_run, the counts of what would go and nothing changed. Safe to run again."""
    counts = dict.fromkeys(PURGE_COUNTS, 0)
    for submission in due_for_purge(now):
        found = _purgeable(submission)
        for kind, number in found.items():
            counts[kind] += number
        if dry_run or not any(found.values()):
            continue
        _clear_words(submission, PURGED)
        submission.name = None
        submission.contact = None
        publishing.remove(submission)
        linked.remove_quote(submission)
        outbox.forget(submission.id)
        audit(
            "purge",
            submission=submission,
            detail="Cleared after the retention period: "
            + ", ".join(kind for kind, number in found.items() if number),
        )
    db.session.flush()
    return counts


def _purgeable(submission):
    untouched = (None, ERASED, PURGED)
    unsent, sent = outbox.held_for(submission.id)
    return {
        "messages cleared": int(submission.message not in untouched),
        "shared versions cleared": int(submission.shared_text not in untouched),
        "redactions cleared": sum(
            1
            for r in submission.redactions
            if r.before not in untouched or r.after not in untouched
        ),
        "decline notes cleared": int(bool(submission.decline_note)),
        "names removed": int(submission.name is not None),
        "contact details deleted": int(submission.contact is not None),
        "follow-ups cleared": sum(1 for f in _follow_ups(submission) if f.message not in untouched),
        "rating comments cleared": sum(1 for r in _ratings(submission) if r.comment),
        "public summaries removed": int(publishing.publication_of(submission) is not None),
        "board quotes removed": int(linked.has_quote(submission)),
        "unsent notifications removed": unsent,
        "sent notifications unlinked": sent,
    }
