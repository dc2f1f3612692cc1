"""What a participation worker does to a submission. Each function checks that the item is
still as the worker saw it (its version), so two workers acting at once get a clear message
instead of one silently overwriting the other."""

from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from voice import errors
from voice.audit.services import record as audit
from voice.auth.models import Role
from voice.clock import LOCAL_ZONE_NAME, council_day, council_time, long_date, utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.moderation import similar
from voice.notifications import outbox
from voice.promises.models import Promise
from voice.submissions import life_cycle
from voice.submissions.models import DeclineReason, Redaction, Status, Submission
from voice.submissions.words_rule import seen_by
from voice.themes.models import Theme


class ModerationRefused(Refused):
    """The action cannot be done; the message is safe to show the worker."""


def check_unchanged(submission, seen_version):
    if seen_version is not None and submission.version != seen_version:
        raise ModerationRefused(
            f"This was changed {last_change(submission)} while you had it open. Nothing you "
            "entered was saved: look at it again before you act."
        )


def last_change(submission):
    """'by Sam Patel on Monday 23 November 2026 at 14:05', for refusals."""
    from voice.auth.models import User

    last = submission.changes[-1] if submission.changes else None
    if last is None:
        return "by someone else"
    user = db.session.get(User, last.by_id) if last.by_id else None
    who = user.display_name if user else "the system"
    when = (
        f"{long_date(council_day(last.at))} at {council_time(last.at, '%H:%M')} {LOCAL_ZONE_NAME}"
    )
    return f"by {who} on {when}"


def flush_or_refuse(submission):
    errors.flush_or_refuse(
        ModerationRefused(
            "Someone else changed this at the same moment. Nothing you "
            "entered was saved; look at it again before you act."
        )
    )


def read_original(submission, by):
    """Reading the young person's own words is recorded, every time."""
    audit("read_original", by=by, submission=submission)
    if by.role in FIRST_READERS:
        first_read(submission)


# Whose opening of a message starts "read by a person": not an officer (who reads only the
# shared version, later) and not an admin looking at the service.
FIRST_READERS = (Role.WORKER, Role.SAFEGUARDING)


def first_read(submission):
    """Stop the first-read clock, once. A plain UPDATE, not a change through the ORM, so it
    does not bump the row's version: the worker who opened it can still save their review."""
    if submission.first_read_at is not None:
        return
    now = utcnow()
    db.session.execute(
        update(Submission)
        .where(Submission.id == submission.id, Submission.first_read_at.is_(None))
        .values(first_read_at=now)
        .execution_options(synchronize_session=False)
    )
    set_committed_value(submission, "first_read_at", now)


def redact(submission, shared_text, by):
    """Set the shared version; an edit is kept in the redaction history."""
    before = submission.shared_text if submission.shared_text is not None else submission.message
    submission.shared_text = shared_text
    if shared_text != before:
        submission.redactions.append(
            Redaction(by_id=by.id, at=utcnow(), before=before, after=shared_text)
        )
        audit("redaction", by=by, submission=submission)


def moderate(submission, by, shared_text, theme_ids, promise_ids, seen_version=None):
    """The worker has read it, redacted it and tagged it (again, if it is not yet routed)."""
    check_unchanged(submission, seen_version)
    if submission.status not in (Status.NEW, Status.MODERATED):
        raise ModerationRefused(f"This has moved on: it was changed {last_change(submission)}.")
    redact(submission, shared_text, by)
    similar.index(submission)
    submission.themes = list(db.session.scalars(select(Theme).where(Theme.id.in_(theme_ids))))
    submission.promises = list(
        db.session.scalars(select(Promise).where(Promise.id.in_(promise_ids)))
    )
    if submission.status == Status.NEW:
        submission.moderated_by_id, submission.moderated_at = by.id, utcnow()
        life_cycle.transition(submission, Status.MODERATED, by=by)
    flush_or_refuse(submission)


def route(submission, by, area, officer, seen_version=None):
    """Send it to the officer who will answer, and tell them (through the outbox)."""
    if seen_version is not None:
        check_unchanged(submission, seen_version)
    if submission.status != Status.MODERATED:
        raise ModerationRefused("Only a moderated submission can be sent to an officer.")
    check_officer_of(area, officer)
    submission.service_area_id, submission.officer_id = area.id, officer.id
    submission.routed_at = utcnow()
    life_cycle.transition(
        submission, Status.WITH_OFFICER, by=by, note=f"To {officer.display_name}, {area.name}"
    )
    audit("routing", by=by, submission=submission, detail=f"{area.name} / {officer.email}")
    outbox.queue("submission_routed", f"user:{officer.id}", {"submission_id": submission.id})
    flush_or_refuse(submission)


def check_officer_of(area, officer):
    """Only an active officer of the chosen area answers for it (the admin says who is in
    each area), whatever the form sent."""
    if area is None or officer is None or not officer.active or officer.role.value != "officer":
        raise ModerationRefused("Choose a service area and an active officer.")
    if not area.active or officer not in area.officers:
        raise ModerationRefused(
            f"{officer.display_name} is not an officer of {area.name}. Choose one of the "
            "officers listed under that area."
        )


def reassign(submission, by, area, officer):
    """Pass a case to another area or officer. The young person's reply date stays as it
    was promised; the new officer is told, and the old one no longer sees it."""
    if submission.status not in (Status.WITH_OFFICER, Status.FOLLOW_UP):
        raise ModerationRefused("Only a case waiting for an officer's answer can be reassigned.")
    check_officer_of(area, officer)
    if (area.id, officer.id) == (submission.service_area_id, submission.officer_id):
        raise ModerationRefused("It is already with that officer in that area.")
    before = f"{submission.service_area.name if submission.service_area else '?'} / " + (
        submission.officer.email if submission.officer else "?"
    )
    submission.service_area_id, submission.officer_id = area.id, officer.id
    audit(
        "reassigned",
        by=by,
        submission=submission,
        detail=f"from {before} to {area.name} / {officer.email}",
    )
    outbox.queue("submission_routed", f"user:{officer.id}", {"submission_id": submission.id})
    flush_or_refuse(submission)


def decline(submission, by, reason, note="", duplicate_of=None, seen_version=None):
    check_unchanged(submission, seen_version)
    reason = DeclineReason(reason)
    if reason == DeclineReason.DUPLICATE and duplicate_of is None:
        raise ModerationRefused("Say which submission this one repeats.")
    if duplicate_of is not None and duplicate_of.id == submission.id:
        raise ModerationRefused("A submission can't repeat itself.")
    if submission.status not in (Status.NEW, Status.MODERATED):
        raise ModerationRefused("This can no longer be declined.")
    submission.decline_reason, submission.decline_note = reason, note.strip() or None
    submission.duplicate_of_id = duplicate_of.id if duplicate_of else None
    life_cycle.transition(submission, Status.DECLINED, by=by, note=reason.value)
    # Declined is news too: the case page says why, and a young person who asked for a text
    # or an e-mail would otherwise never look.
    life_cycle.tell_of_news(submission)
    flush_or_refuse(submission)


def flag_for_safeguarding(submission, by, note, seen_version=None):
    check_unchanged(submission, seen_version)
    if Status.SAFEGUARDING not in life_cycle.TRANSITIONS[submission.status]:
        raise ModerationRefused(
            "This can't be passed to safeguarding from here. Tell the safeguarding lead directly."
        )
    life_cycle.hold_for_safeguarding(submission, by=by, note=note)
    flush_or_refuse(submission)


def link_same_as(submission, other, by):
    """Say that `submission` raises the same thing as `other` ("7 young people said this")."""
    if other.id == submission.id:
        raise ModerationRefused("A submission can't be linked to itself.")
    root = other.same_as_id or other.id
    submission.same_as_id = root
    audit("link", by=by, submission=submission, detail=f"same as V{root:05d}")
    flush_or_refuse(submission)


def looks_similar(submission, by, limit=5):
    """Other messages whose shared versions say much the same, best first: only those whose
    shared version `by` may read (words_rule), never one already linked with this."""
    root = submission.same_as_id or submission.id
    text = submission.shared_text or submission.message
    ids = [other for other, _ in similar.similar_to(text, exclude_id=submission.id, limit=20)]
    found = db.session.scalars(select(Submission).where(Submission.id.in_(ids))).all()
    by_id = {other.id: other for other in found}
    return [
        by_id[i]
        for i in ids
        if i in by_id
        and seen_by(by_id[i], by).shared is not None
        and root not in (by_id[i].id, by_id[i].same_as_id)
    ][:limit]


def raised_by(submission):
    """How many submissions say the same as this one, itself included."""
    root = submission.same_as_id or submission.id
    return db.session.scalar(
        select(func.count())
        .select_from(Submission)
        .where((Submission.id == root) | (Submission.same_as_id == root))
    )


def find(reference):
    """A submission by its staff reference ("V00042", "42"), or None."""
    digits = (reference or "").strip().upper().removeprefix("V")
    # Nine digits at most: a longer number is no reference, and PostgreSQL would refuse it.
    if not (digits.isdecimal() and len(digits) <= 9):
        return None
    return db.session.get(Submission, int(digits))
