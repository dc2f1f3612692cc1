"""The council's promise, clause by clause, in the council's own words. Changing a clause's
words keeps the old ones (voice/promises PromiseWording), so the board can count a message
under the words in force when it was sent."""

from datetime import datetime

from sqlalchemy import func, select

from voice import clock
from voice.admin.slugs import unique_slug
from voice.audit.services import record as audit
from voice.extensions import db
from voice.promises.models import Promise, PromiseWording
from voice.promises.services import ensure_demo_promises

EARLIEST = datetime(2000, 1, 1)  # "from the beginning", for words older than their record


def all_clauses():
    return db.session.scalars(
        select(Promise).order_by(Promise.active.desc(), Promise.position)
    ).all()


def _new_wording(promise, text, by, at=None):
    db.session.add(
        PromiseWording(
            promise_id=promise.id,
            text=text,
            from_at=at or clock.utcnow(),
            by_id=by.id if by else None,
        )
    )


def add_clause(by, text):
    last = db.session.scalar(select(func.max(Promise.position))) or 0
    promise = Promise(
        slug=unique_slug(text, Promise.slug, "clause"), text=text.strip(), position=last + 1
    )
    db.session.add(promise)
    db.session.flush()
    _new_wording(promise, promise.text, by)
    audit("promise_changed", by=by, detail=f"added clause {promise.position}")
    return promise


def reword(promise, by, text, active=True):
    text = text.strip()
    if text != promise.text:
        _remember_first_wording(promise)
        promise.text = text
        _new_wording(promise, text, by)
        audit("promise_changed", by=by, detail=f"new wording for clause {promise.position}")
    if active != promise.active:
        promise.active = active
        state = "in use again" if active else "no longer used"
        audit("promise_changed", by=by, detail=f"clause {promise.position} {state}")
    db.session.flush()


def _remember_first_wording(promise):
    """A clause made before versions were kept (the demo's) gets its words on record, in
    force from the beginning, before its first change."""
    if not db.session.scalar(
        select(PromiseWording.id).where(PromiseWording.promise_id == promise.id).limit(1)
    ):
        _new_wording(promise, promise.text, None, at=EARLIEST)


def wording_at(promise, when):
    """The words of `promise` in force at `when` (the current words if none is recorded)."""
    text = db.session.scalar(
        select(PromiseWording.text)
        .where(PromiseWording.promise_id == promise.id, PromiseWording.from_at <= when)
        .order_by(PromiseWording.from_at.desc(), PromiseWording.id.desc())
        .limit(1)
    )
    return text or promise.text


def history(promise):
    return db.session.scalars(
        select(PromiseWording)
        .where(PromiseWording.promise_id == promise.id)
        .order_by(PromiseWording.from_at.desc(), PromiseWording.id.desc())
    ).all()


def load_example(by):
    """The demo's example clauses, to edit into the council's own."""
    ensure_demo_promises()
    for promise in all_clauses():
        _remember_first_wording(promise)
    audit("promise_changed", by=by, detail="loaded the example clauses")
