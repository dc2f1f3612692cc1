"""The board's running totals (BoardCount), kept in the same transaction as every change.

Each message's *facts* are what it adds to the totals: ("sub"), its kind, its age band, its
outcome, each action's progress, each rating, each "me too" tap, the working days it took to
answer, ... each on a day (the day it was sent; a tap's own day) and for theme 0 (all
messages) and for each of its themes. When anything about a message changes, its facts are
worked out again from the raw tables and the difference is added to the totals, so the
totals are always the sum of every message's facts: exact, whatever the order of changes.

What changed is noticed without the services saying so: the ORM's flush tells us which
messages, answers, actions, ratings and taps were added, changed or deleted, and the
totals are brought up to date just before the commit. A statement that bypasses the ORM
(create_submission's INSERT ... RETURNING) calls `changed()` itself.
"""

import json
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import delete, event, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, load_only

from voice.board.models import BoardCount, BoardFacts
from voice.clock import working_days_between
from voice.extensions import db
from voice.published.models import MeToo
from voice.responses.models import Action, Decision, Rating, Response, ResponseStatus
from voice.submissions.models import Status, Submission, submission_promise, submission_theme

ALL = 0  # the theme number of "every message"
WAITING = {Status.NEW, Status.MODERATED, Status.WITH_OFFICER, Status.RESPONSE_READY}
WAITING.add(Status.FOLLOW_UP)
OPEN = {"planned", "in_progress"}
KEY = ("figure", "theme", "day", "k1", "k2", "k3")
STALE = "board_stale"
# Only what the facts need, so the migration that fills the totals can load messages
# before later migrations add columns.
MESSAGE_COLUMNS = [
    getattr(Submission, name)
    for name in (
        "created_at",
        "status",
        "safeguarding",
        "kind",
        "audience",
        "age_band",
        "care_status",
        "due_on",
        "routed_at",
        "service_area_id",
    )
]


def _text(value):
    """A key as stored: '' for nothing, an enum's value, a date as ISO (so it sorts)."""
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def _first_answer(released):
    """The first released response that answers (a "we're looking into it" holding reply
    does not: the young person is still waiting)."""
    answers = [r for r in released if r.decision != Decision.LOOKING_INTO]
    return min(answers, key=lambda r: (r.released_at, r.id)) if answers else None


def _counted(sub):
    return not sub.safeguarding and sub.status not in (Status.SAFEGUARDING, Status.WITHDRAWN)


def _message_facts(sub, released, actions, ratings, promises):
    """(figure, day, k1, k2, k3) for a message counted by the board, before themes."""
    day = sub.created_at.date()
    latest = max(released, key=lambda r: r.id).decision if released else None
    facts = [("sub", day), ("kind", day, sub.kind), ("audience", day, sub.audience)]
    facts += [("age", day, sub.age_band), ("care", day, sub.care_status)]
    facts.append(("decision", day, latest))
    if sub.status in WAITING:
        facts.append(("waiting", day, sub.due_on))
    answer = _first_answer(released) if sub.routed_at is not None else None
    if answer is not None:
        sent, routed, answered = sub.created_at.date(), sub.routed_at.date(), answer.released_at
        answered = answered.date()
        facts.append(("answer", day, sub.service_area_id, working_days_between(sent, answered)))
        facts.append(("in_moderation", day, working_days_between(sent, routed)))
        facts.append(("with_officer", day, working_days_between(routed, answered)))
    for status, due_on in actions:
        facts.append(("action", day, status, due_on if status in OPEN else None))
    for answer_given in ratings:
        facts.append(("rating", day, answer_given))
        facts.append(("rating_area", day, sub.service_area_id, answer_given))
    for promise_id in promises:
        facts.append(("promise", day, promise_id))
        facts.append(("promise_decision", day, promise_id, latest))
        for status, due_on in actions:
            facts.append(
                ("promise_action", day, promise_id, status, due_on if status in OPEN else None)
            )
    return facts


def _as_keys(facts, themes):
    """Each fact once for every message (theme 0) and once for each of its themes."""
    keys = []
    for figure, day, *parts in facts:
        parts = [_text(p) for p in parts] + [""] * (3 - len(parts))
        for theme in (ALL, *themes):
            keys.append((figure, theme, day.isoformat(), *parts))
    return keys


def facts_for(ids, session):
    """{submission id: Counter of BoardCount keys} worked out from the raw tables."""
    ids = list(ids)
    found = {i: Counter() for i in ids}
    subs = session.scalars(
        select(Submission).options(load_only(*MESSAGE_COLUMNS)).where(Submission.id.in_(ids))
    ).all()
    themes, promises = (
        _pairs(submission_theme, ids, session),
        _pairs(submission_promise, ids, session),
    )
    released = defaultdict(list)
    for response in session.execute(
        select(Response.id, Response.submission_id, Response.decision, Response.released_at).where(
            Response.submission_id.in_(ids), Response.status == ResponseStatus.RELEASED
        )
    ):
        released[response.submission_id].append(response)
    actions, ratings, taps = defaultdict(list), defaultdict(list), defaultdict(list)
    for sid, status, due_on in session.execute(
        select(Response.submission_id, Action.status, Action.due_on)
        .join(Action, Action.response_id == Response.id)
        .where(Response.submission_id.in_(ids), Response.status == ResponseStatus.RELEASED)
    ):
        actions[sid].append((_text(status), due_on))
    for sid, answer in session.execute(
        select(Rating.submission_id, Rating.answer).where(Rating.submission_id.in_(ids))
    ):
        ratings[sid].append(answer)
    for sid, at in session.execute(
        select(MeToo.submission_id, MeToo.at).where(MeToo.submission_id.in_(ids))
    ):
        taps[sid].append(at)
    for sub in subs:
        facts = []
        if sub.safeguarding or sub.status == Status.SAFEGUARDING:
            facts.append(("held", sub.created_at.date()))
        if _counted(sub):
            facts += _message_facts(
                sub, released[sub.id], actions[sub.id], ratings[sub.id], promises[sub.id]
            )
        if not sub.safeguarding:
            facts += [("me_too", at.date()) for at in taps[sub.id]]
        found[sub.id] = Counter(_as_keys(facts, themes[sub.id]))
    return found


def _pairs(table, ids, session):
    found = defaultdict(list)
    columns = list(table.c)
    for sid, other in session.execute(select(columns[0], columns[1]).where(columns[0].in_(ids))):
        found[sid].append(other)
    return found


def refresh(ids, session):
    """Bring the totals up to date for these messages: add what each adds now, take away
    what it added before."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        now = facts_for(chunk, session)
        before = {
            row.submission_id: row
            for row in session.scalars(
                select(BoardFacts).where(BoardFacts.submission_id.in_(chunk))
            )
        }
        delta = Counter()
        for sid in chunk:
            old = before.get(sid)
            delta.update(now[sid])
            delta.subtract(Counter({tuple(k): n for k, n in json.loads(old.facts)}) if old else {})
            if old is None:
                session.add(BoardFacts(submission_id=sid, facts=_dump(now[sid])))
            else:
                old.facts = _dump(now[sid])
        _add(delta, session)


def _dump(facts):
    return json.dumps(sorted([list(key), n] for key, n in facts.items()))


def _add(delta, session):
    rows = [dict(zip(KEY, key), n=n) for key, n in sorted(delta.items()) if n]
    if not rows:
        return
    for row in rows:
        row["day"] = _date(row["day"])
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(BoardCount)
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY), set_={"n": BoardCount.n + statement.excluded.n}
    )
    session.execute(statement, rows)


def _date(text):
    return date.fromisoformat(text)


def rebuild(session):
    """Every total again from the raw tables: after a bulk load, or to check."""
    session.execute(delete(BoardCount))
    session.execute(delete(BoardFacts))
    ids = session.scalars(select(Submission.id).order_by(Submission.id)).all()
    for start in range(0, len(ids), 2000):
        refresh(ids[start : start + 2000], session)
        session.flush()
        session.expunge_all()


def changed(submission_id, session=None):
    """Mark a message as changed by a statement the ORM's flush does not see."""
    (session or db.session).info.setdefault(STALE, set()).add(submission_id)


def _submission_of(obj, session):
    if isinstance(obj, Submission):
        return obj.id
    if isinstance(obj, (Rating, MeToo, Response)):
        return obj.submission_id
    if isinstance(obj, Action):  # its answer's message (asked by id: the flush is under way)
        return session.scalar(select(Response.submission_id).where(Response.id == obj.response_id))
    return None


@event.listens_for(Session, "after_flush")
def _note_changes(session, _context):
    for obj in (*session.new, *session.dirty, *session.deleted):
        sid = _submission_of(obj, session)
        if sid is not None:
            changed(sid, session)


@event.listens_for(Session, "before_commit")
def _bring_up_to_date(session):
    session.flush()
    for _ in range(3):  # the refresh's own flush notices nothing; one more pass at most
        stale = session.info.pop(STALE, set())
        if not stale:
            return
        refresh(stale, session)
        session.flush()


@event.listens_for(Session, "after_rollback")
def _forget(session):
    session.info.pop(STALE, None)
