"""Keeping the running totals (voice.board.rollup) up to date, in the same transaction as
every change: before a flush, the facts of the messages it touches are read from the
database (not yet changed); just before the commit they are read again, and the difference
is added to the totals. A statement that bypasses the flush (create_submission's INSERT
... RETURNING) calls `changed(id, new=True)`; an UPDATE of messages that bypasses it (the
first-read clock's) is caught before it runs."""

import functools
from collections import Counter

from sqlalchemy import event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from voice.board.models import BoardCount
from voice.board.rollup import BEFORE, KEY, STALE, facts_for
from voice.extensions import db
from voice.published.models import MeToo
from voice.responses.models import Action, Rating, Response
from voice.submissions.models import Submission


def changed(submission_id, session=None, new=False):
    """Mark a message as changed by a statement the ORM's flush does not see; new: it did
    not exist before this transaction (so it added nothing before)."""
    info = (session or db.session).info
    info.setdefault(STALE, set()).add(submission_id)
    if new:
        info.setdefault(BEFORE, {}).setdefault(submission_id, Counter())


def _submission_of(obj, session):
    """The message a changed object belongs to (None for a message not saved yet)."""
    if isinstance(obj, Submission):
        return obj.id
    if isinstance(obj, (Rating, MeToo, Response)):
        if obj.submission_id is None and isinstance(obj, Response) and obj.submission:
            return obj.submission.id
        return obj.submission_id
    if isinstance(obj, Action):
        if obj.response is not None:
            return _submission_of(obj.response, session)
        return session.scalar(select(Response.submission_id).where(Response.id == obj.response_id))
    return None


def _touched(session):
    for obj in (*session.new, *session.dirty, *session.deleted):
        sid = _submission_of(obj, session)
        if sid is not None:
            yield sid


@event.listens_for(Session, "do_orm_execute")
def _before_bulk_update(state):
    """An UPDATE of messages that bypasses the flush (the first-read clock's): remember the
    facts of the messages it will change, before it does."""
    table = getattr(state.statement, "table", None)
    if not state.is_update or getattr(table, "name", None) != Submission.__tablename__:
        return
    session = state.session
    query = select(Submission.id)
    if state.statement.whereclause is not None:
        query = query.where(state.statement.whereclause)
    ids = set(session.execute(query).scalars())
    before = session.info.setdefault(BEFORE, {})
    before.update(facts_for(ids - set(before), session))
    for sid in ids:
        changed(sid, session)


@event.listens_for(Session, "before_flush")
def _remember_before(session, _context, _instances):
    before = session.info.setdefault(BEFORE, {})
    first_seen = {sid for sid in _touched(session) if sid not in before}
    if first_seen:
        before.update(facts_for(first_seen, session))


@event.listens_for(Session, "after_flush")
def _note_changes(session, _context):
    for obj in session.new:
        if isinstance(obj, Submission):  # it added nothing before: it did not exist
            changed(obj.id, session, new=True)
    for sid in _touched(session):
        changed(sid, session)


@event.listens_for(Session, "before_commit")
def _bring_up_to_date(session):
    session.flush()
    stale, before = session.info.pop(STALE, set()), session.info.pop(BEFORE, {})
    if stale:
        delta = Counter()
        for sid, facts in facts_for(stale, session).items():
            delta.update(facts)
            delta.subtract(before.get(sid, Counter()))
        _add(delta, session)


@event.listens_for(Session, "after_rollback")
def _forget(session):
    session.info.pop(STALE, None)
    session.info.pop(BEFORE, None)


def _add(delta, session):
    rows = [dict(zip(KEY, key), n=n) for key, n in sorted(delta.items()) if n]
    if rows:
        session.execute(_upsert(session.get_bind().dialect.name), rows)


@functools.cache
def _upsert(dialect):
    """Built once per database kind: it runs on every commit that changes a message."""
    upsert = (postgresql if dialect == "postgresql" else sqlite).insert(BoardCount.__table__)
    return upsert.on_conflict_do_update(
        index_elements=list(KEY), set_={"n": BoardCount.__table__.c.n + upsert.excluded.n}
    )
