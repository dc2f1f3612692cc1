"""The board's running totals (BoardCount), kept in the same transaction as every change.

Each message's *facts* are what it adds to the totals: ("sub"), its kind, its age band, its
outcome, each action's progress, each rating, each "me too" tap, the working days it took to
answer, ... each in a month (the month it was sent; a tap's own month) and for theme 0 (all
messages) and for each of its themes. When anything about a message changes, its facts are
worked out from the raw tables as they were before the change and as they are after it,
and the difference is added to the totals: so the totals are always the sum of every
message's facts, exact whatever the order of changes.

The board's periods are whole months (voice.board.periods), so a month is the finest a
total needs to be: tens of thousands of messages a month add up to a few thousand rows.

What changed is noticed without the services saying so: before each flush, the facts of
the messages it touches are read from the database (not yet changed), and just before the
commit they are read again. A statement that bypasses the ORM (create_submission's INSERT
... RETURNING) calls `changed(id, new=True)` itself. `flask board rebuild` (and the
migration) build every total afresh.
"""

import itertools
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import (
    DateTime,
    Integer,
    String,
    bindparam,
    cast,
    delete,
    insert,
    inspect,
    literal,
    null,
    select,
    union_all,
)

from voice.board.models import BoardCount
from voice.clock import working_days_between
from voice.published.models import MeToo
from voice.responses.models import Action, Decision, Rating, Response, ResponseStatus
from voice.submissions.models import Status, Submission, submission_promise, submission_theme

ALL = 0  # the theme number of "every message"
WAITING = {Status.NEW, Status.MODERATED, Status.WITH_OFFICER, Status.RESPONSE_READY}
WAITING.add(Status.FOLLOW_UP)
OPEN = {"planned", "in_progress"}
KEY = ("figure", "theme", "month", "k1", "k2", "k3")
STALE, BEFORE = "board_stale", "board_before"
# Read as columns, never as ORM objects: before a flush an object already holds its new
# values, and the facts before the change must come from the database.
MESSAGE = [
    getattr(Submission, name)
    for name in (
        "id",
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
        "first_read_at",
        "feeling",
    )
]
NOT_READ = "late"  # read after more than a day, or not read and its day is over


def month_of(moment):
    return date(moment.year, moment.month, 1)


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
    day = month_of(sub.created_at)
    latest = max(released, key=lambda r: r.id).decision if released else None
    facts = [("sub", day), ("kind", day, sub.kind), ("audience", day, sub.audience)]
    facts += [("age", day, sub.age_band), ("care", day, sub.care_status)]
    facts.append(("feeling", day, sub.feeling))
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
        facts.append(("action", day, status))
        if status in OPEN:
            facts += _due(("open_due_day", day, due_on), ("open_due_month", day, month_of(due_on)))
    for answer_given in ratings:
        facts.append(("rating", day, answer_given))
        facts.append(("rating_area", day, sub.service_area_id, answer_given))
    for promise_id in promises:
        facts.append(("promise", day, promise_id))
        facts.append(("promise_decision", day, promise_id, latest))
        for status, due_on in actions:
            facts.append(("promise_action", day, promise_id, status))
            if status in OPEN:
                facts += _due(
                    ("promise_due_day", day, due_on, promise_id),
                    ("promise_due_month", day, month_of(due_on), promise_id),
                )
    return facts


def _read(sub):
    """The safety net's fact (every message, held ones too, but not one taken back unread):
    the working days from sent to first read, or, unread, the day it was sent, so the board
    can tell on the day it asks whether that message's working day is over."""
    if sub.first_read_at is None:
        if sub.status == Status.WITHDRAWN:
            return []
        return [("unread", month_of(sub.created_at), sub.created_at.date())]
    days = working_days_between(sub.created_at.date(), sub.first_read_at.date())
    return [("read", month_of(sub.created_at), days)]


def _due(by_day, by_month):
    """An open action's due date, twice: by month (for every month before today's, where
    all of it is overdue) and by day (read only for today's month, through the index that
    starts with k1)."""
    return [by_day, by_month]


def _as_keys(facts, themes):
    """Each fact once for every message (theme 0) and once for each of its themes."""
    keys = []
    for figure, day, *parts in facts:
        parts = [_text(p) for p in parts] + [""] * (3 - len(parts))
        for theme in (ALL, *themes):
            keys.append((figure, theme, day, *parts))
    return keys


def facts_for(ids, session):
    """{submission id: Counter of BoardCount keys} worked out from the raw tables, in three
    queries whatever the number of messages: every commit that changes a message asks twice
    (before and after), so each query saved is a round trip saved on every change."""
    ids = list(ids)
    found = {i: Counter() for i in ids}
    subs = session.execute(_MESSAGES, {"ids": ids}).all()
    released, actions = _answers(ids, session)
    themes, promises, ratings, taps = (defaultdict(list) for _ in range(4))
    into = {"theme": themes, "promise": promises, "rating": ratings, "tap": taps}
    for kind, sid, number, text, at in session.execute(_BELONGINGS, {"ids": ids}):
        into[kind][sid].append(at if kind == "tap" else text if kind == "rating" else number)
    for sub in subs:
        found[sub.id] = Counter(
            keys_of(
                sub,
                themes[sub.id],
                promises[sub.id],
                released[sub.id],
                actions[sub.id],
                ratings[sub.id],
                taps[sub.id],
            )
        )
    return found


def _answers(ids, session):
    """Each message's released responses, and their actions' (progress, due date), in one
    query: a response with no action comes once, with no action."""
    released, actions, seen = defaultdict(list), defaultdict(list), set()
    for row in session.execute(_RELEASED, {"ids": ids}):
        if row.id not in seen:
            seen.add(row.id)
            released[row.submission_id].append(row)
        if row.action_id is not None:
            actions[row.submission_id].append((_text(row.status), row.due_on))
    return released, actions


def _belongings(ids):
    """(kind, submission id, number, text, at) for each theme and promise a message raises
    (number), each rating of its answers (text: the answer as stored) and each "me too" tap
    (at): one query instead of four."""
    number, text, at = cast(null(), Integer), cast(null(), String), cast(null(), DateTime)
    theme, promise = (list(table.c)[:2] for table in (submission_theme, submission_promise))
    return union_all(
        select(literal("theme"), theme[0], theme[1], text, at).where(theme[0].in_(ids)),
        select(literal("promise"), promise[0], promise[1], text, at).where(promise[0].in_(ids)),
        select(
            literal("rating"), Rating.submission_id, number, cast(Rating.answer, String), at
        ).where(Rating.submission_id.in_(ids)),
        select(literal("tap"), MeToo.submission_id, number, text, MeToo.at).where(
            MeToo.submission_id.in_(ids)
        ),
    )


# The three queries, built once with the ids as a parameter: every commit that changes a
# message runs them twice, and building a statement costs more than running it on a few rows.
_IDS = bindparam("ids", expanding=True)
_MESSAGES = select(*MESSAGE).where(Submission.id.in_(_IDS))
_RELEASED = (
    select(
        Response.id,
        Response.submission_id,
        Response.decision,
        Response.released_at,
        Action.id.label("action_id"),
        Action.status,
        Action.due_on,
    )
    .outerjoin(Action, Action.response_id == Response.id)
    .where(Response.submission_id.in_(_IDS), Response.status == ResponseStatus.RELEASED)
)
_BELONGINGS = _belongings(_IDS)


def keys_of(sub, themes, promises, released, actions, ratings, taps):
    """The BoardCount keys one message adds 1 to, from its rows (read by facts_for, or
    made by a bulk load that writes the totals as it goes: bench/board.py)."""
    facts = []
    if sub.safeguarding or sub.status == Status.SAFEGUARDING:
        facts.append(("held", month_of(sub.created_at)))
    if _counted(sub):
        facts += _message_facts(sub, released, actions, ratings, promises)
    if not sub.safeguarding:
        facts += [("me_too", month_of(at)) for at in taps]
    return _as_keys(facts, themes) + _as_keys(_read(sub), ())


def write(totals, session, chunk=5000):
    """Insert totals ({key: n}) into an empty BoardCount."""
    rows = iter(sorted(totals.items()))
    while batch := list(itertools.islice(rows, chunk)):
        session.execute(
            insert(BoardCount.__table__), [dict(zip(KEY, key), n=n) for key, n in batch if n]
        )


def rebuild(session, batch=2000):
    """Every total again from the raw tables: after a bulk load or a restore, or to check.
    Returns False, building nothing, when the database has not yet every column the totals
    read: a migration that runs before a later one adds a counted column (Submission.feeling)
    leaves the totals to that later migration, which builds them again."""
    if not _has_every_column(session):
        return False
    session.execute(delete(BoardCount))
    totals = Counter()
    ids = session.scalars(select(Submission.id).order_by(Submission.id)).all()
    for start in range(0, len(ids), batch):
        for facts in facts_for(ids[start : start + batch], session).values():
            totals.update(facts)
    write(totals, session)
    return True


def _has_every_column(session):
    columns = {c["name"] for c in inspect(session.connection()).get_columns("submission")}
    return all(column.key in columns for column in MESSAGE)


from voice.board.kept import changed  # noqa: E402,F401  (its old home; and the listeners)
