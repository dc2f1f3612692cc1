"""A young person's data request, made through a worker: find every submission linked to them,
give them a copy of all of it, or erase all of it.

Matching is exact on purpose: a near match ("Sam" for "Sammy", one digit off a phone number)
could hand one young person's words to another, or erase someone else's.
"""

from dataclasses import dataclass

import phonenumbers
from sqlalchemy import or_, select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation.services import find as find_by_reference
from voice.privacy import services
from voice.responses.models import FollowUp, Rating
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Contact, Submission
from voice.submissions.words_rule import reads_original

WITHHELD = (
    "Held for safeguarding: only the safeguarding lead can read or copy this. Ask them to "
    "add it to the young person's copy."
)


@dataclass
class Found:
    submission: Submission
    why: str
    # Surely theirs (their reference, code or contact detail), so ticked at first. A link a
    # worker made ("says the same as") or a name alone may be someone else: not ticked.
    theirs: bool


def find(reference="", code="", name="", contact=""):
    """Everything linked to what the young person gave, theirs first, oldest first."""
    found = {}

    def add(submission, why, theirs):
        if submission is not None and submission.id not in found:
            found[submission.id] = Found(submission, why, theirs)

    if reference:
        add(find_by_reference(reference), f"Reference {reference.strip().upper()}", True)
    if code:
        add(submissions.find_case(code), "Their reference code", True)
    if contact:
        for submission in _with_contacts(as_stored(contact), name=name.strip() or None):
            add(submission, "Same name and contact" if name.strip() else "Same contact", True)
    elif name:
        for submission in _named(name.strip()):
            add(submission, "Same name (names are not unique: check)", False)
    _add_links(found, add)
    return sorted(found.values(), key=lambda f: (not f.theirs, f.submission.id))


def _add_links(found, add):
    """The same contact detail as one of theirs, then the worker's "says the same as" links."""
    sure = [f.submission for f in found.values() if f.theirs]
    values = {s.contact.value for s in sure if s.contact is not None}
    for submission in _with_contacts(values):
        add(submission, f"Same contact as {_first_with(sure, submission.contact.value)}", True)
    ids = [f.submission.id for f in found.values() if f.theirs]
    roots = {f.submission.same_as_id for f in found.values() if f.theirs} - {None}
    if not ids:
        return
    for submission in db.session.scalars(
        select(Submission)
        .where(
            or_(
                Submission.same_as_id.in_(ids),
                Submission.id.in_(roots),
                Submission.same_as_id.in_(roots),
            )
        )
        .order_by(Submission.id)
    ):
        add(submission, "Linked by a worker as saying the same thing (may be someone else)", False)


def as_stored(typed):
    """The ways the share form could have stored what the worker typed: a UK number in
    +44 form, an e-mail address normalised, or just as typed."""
    typed = typed.strip()
    forms = {typed}
    try:
        number = phonenumbers.parse(typed, "GB")
        if phonenumbers.is_possible_number(number):
            forms.add(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    except phonenumbers.NumberParseException:
        pass
    from email_validator import EmailNotValidError, validate_email  # on first use, not at start-up

    try:
        forms.add(validate_email(typed, check_deliverability=False).normalized)
    except EmailNotValidError:
        pass
    return forms


def _first_with(sure, value):
    return next(s.reference for s in sure if s.contact is not None and s.contact.value == value)


def _with_contacts(values, name=None):
    if not values:
        return []
    query = select(Submission).join(Contact).where(Contact.value.in_(values))
    if name is not None:
        query = query.where(Submission.name == name)
    return db.session.scalars(query.order_by(Submission.id)).all()


def _named(name):
    return db.session.scalars(
        select(Submission).where(Submission.name == name).order_by(Submission.id)
    ).all()


def chosen(ids):
    """The submissions a worker ticked, by id; unknown ids are left out."""
    wanted = sorted({int(i) for i in ids if str(i).isdecimal() and len(str(i)) <= 9})
    if not wanted:
        return []
    return db.session.scalars(
        select(Submission).where(Submission.id.in_(wanted)).order_by(Submission.id)
    ).all()


def copy_of(chosen_submissions, by):
    """One copy of everything about these submissions that is the young person's own, as
    plain data; each export is logged (which submissions, never what they said)."""
    copies = []
    for submission in chosen_submissions:
        if not reads_original(submission, by):
            # Held (or once held) for safeguarding: only the lead may copy its words.
            copies.append({"reference": submission.reference, "withheld": WITHHELD})
            continue
        copy = services.copy_for_young_person(submission)
        # The young person's own copy may list these already (voice.responses grew them).
        copy.setdefault(
            "follow_ups",
            [
                {"asked_on": _day(f.created_at), "question": f.message}
                for f in _rows(FollowUp, submission)
            ],
        )
        copy.setdefault(
            "ratings",
            [
                {"on": _day(r.created_at), "answer": r.answer.value, "comment": r.comment}
                for r in _rows(Rating, submission)
            ],
        )
        copies.append(copy)
        audit("data_export", by=by, submission=submission, detail="Copy made on request")
    return {"made_on": _day(utcnow()), "submissions": copies}


def erase_all(chosen_submissions, by):
    """Erase each one (services.erase logs what went). Returns {reference: [what went]}."""
    return {s.reference: services.erase(s, by=by) for s in chosen_submissions}


def _rows(model, submission):
    return db.session.scalars(
        select(model).where(model.submission_id == submission.id).order_by(model.id)
    ).all()


def _day(moment):
    return moment.isoformat(timespec="minutes") if moment else None
