"""Sums of the running totals (BoardCount) for a period and the period before it.

The figures of one kind are read together: every young people's count the page shows
(submissions, kinds, ages, outcomes, ratings, promises, ...) in one GROUP BY, the council's
own figures (times to answer, actions, the safety net) in another, the counts by theme in a
third, and kept on the Scope for the rest of the request. The database adds the months up
by quarter and says which quarters are small, so a page reads one row per thing counted:
tens to a few thousand rows, however many messages there were.
"""

from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, bindparam, case, func, literal, or_, select

from voice.board.models import BoardCount as C
from voice.board.scope import built_once, read
from voice.board.suppress import Pooled

ALL = 0  # the theme number of "every message" (voice.board.rollup)

# {family: (by theme, about young people, {figure: the keys it is broken down by})}
FAMILIES = {
    "young": (
        False,
        True,
        {
            "sub": (),
            "kind": ("k1",),
            "audience": ("k1",),
            "age": ("k1",),
            "care": ("k1",),
            "feeling": ("k1",),
            "decision": ("k1",),
            "rating": ("k1",),
            "rating_area": ("k1", "k2"),
            "promise": ("k1",),
            "promise_decision": ("k1", "k2"),
            "me_too": (),
        },
    ),
    "council": (
        False,
        False,
        {
            "answer": ("k1", "k2"),
            "in_moderation": ("k1",),
            "with_officer": ("k1",),
            "action": ("k1",),
            "promise_action": ("k1", "k2"),
            "read": ("k1",),
            "unread": ("k1",),
        },
    ),
    "themed": (True, True, {"sub": (), "rating": ("k1",), "me_too": ()}),
}
CACHE = "_board_sums"


def _family_of(figure, keys, themes, young):
    for name, (by_theme, about_young, members) in FAMILIES.items():
        if by_theme == themes and about_young == young and members.get(figure) == tuple(keys):
            return name
    return None


def sums(scope, figure, keys=(), condition=None, themes=False, young=True, values=None):
    """rows of (theme if themes, *keys, now, before) for one figure in the scope. A figure
    about young people (young) over several quarters is a suppress.Pooled count wherever
    one of its quarters is 1 to threshold-1 (the council's own figures never are).
    condition: a clause kept for the process (its statement is built once), whose bound
    parameters take `values`."""
    family = None if condition is not None else _family_of(figure, keys, themes, young)
    if family is None:
        members = {figure: tuple(keys)}
        return _query(scope, members, themes, young, condition, values).get(figure, [])
    cache = scope.__dict__.setdefault(CACHE, {})
    if family not in cache:
        by_theme, about_young, members = FAMILIES[family]
        cache[family] = _query(scope, members, by_theme, about_young)
    return cache[family].get(figure, [])


class _Bound:
    """A period whose first and last days are bound parameters."""

    def __init__(self, name):
        self.start, self.end = bindparam(f"{name}_start"), bindparam(f"{name}_end")


NOW, BEFORE = _Bound("now"), _Bound("before")


def _in(column, period):
    return and_(column >= period.start, column <= period.end)


def _quarter_starts(now, before):
    """The first day of each quarter after the first, over the months of both periods."""
    start = min(now.start, before.start)
    start = start.replace(month=3 * ((start.month - 1) // 3) + 1)
    found = []
    while start <= now.end:
        start = (start + timedelta(days=93)).replace(day=1)
        found.append(start)
    return found


def _quarter(count):
    """The quarter a month is in, as a number, in SQL: `count` bound first days (q0, ...)."""
    whens = [(C.month < bindparam(f"q{i}"), literal(i)) for i in range(count)]
    return case(*whens, else_=literal(count))


def _grouped(members, themes):
    """The key columns a query groups by, and the names of its k columns."""
    names = [k for k in ("k1", "k2") if any(k in keys for _, keys in members)]
    return [C.figure, *([C.theme] if themes else []), *(getattr(C, k) for k in names)], names


def _query(scope, members, themes, young, condition=None, values=None):
    """{figure: rows} for the figures `members` ({figure: keys}), one query."""
    now, before = scope.now, scope.before
    pooled = young and max(now.days, before.days) > 92
    starts = _quarter_starts(now, before) if pooled else []
    next_to = before.end + timedelta(days=1) == now.start
    grouped, names = _grouped(members.items(), themes)
    quarters = len(starts) if pooled else None
    statement = built_once(_statement, tuple(members.items()), themes, condition, quarters, next_to)
    bound = {
        "now_start": now.start,
        "now_end": now.end,
        "before_start": before.start,
        "before_end": before.end,
        "theme": scope.theme_id or ALL,
        **{f"q{i}": start for i, start in enumerate(starts)},
        **(values or {}),
    }
    if pooled:
        bound["limit"] = int(current_app.config["BOARD_SUPPRESS_BELOW"])
    found = {}
    for row in read(statement, bound):
        figure, *key = row[: len(grouped)]
        values = [int(v) for v in row[len(grouped) : len(grouped) + 2]]  # PostgreSQL: numeric
        if pooled:
            values = [Pooled(v) if small else v for v, small in zip(values, row[-2:])]
        if not any(values):
            continue
        named = dict(zip(names, key[1:] if themes else key))
        kept = (
            (*key[:1], *(named[k] for k in members[figure]))
            if themes
            else tuple(named[k] for k in members[figure])
        )
        rows = found.setdefault(figure, {})
        rows[kept] = [_add(a, b) for a, b in zip(rows.get(kept, (0, 0)), values)]
    return {figure: [(*k, *v) for k, v in rows.items()] for figure, rows in found.items()}


def _statement(members, themes, condition, quarters, next_to):
    """The query of _query, its dates, theme, quarters and threshold bound parameters."""
    grouped = _grouped(members, themes)[0]
    split = C.month >= NOW.start
    sums_ = [
        func.sum(case((split, C.n), else_=0)).label("now"),
        func.sum(case((~split, C.n), else_=0)).label("before"),
    ]
    pooled = quarters is not None
    query = (
        select(*grouped, *(([_quarter(quarters).label("q")]) if pooled else []), *sums_)
        .where(
            C.figure.in_([figure for figure, _ in members]),
            C.month >= BEFORE.start,
            C.month <= NOW.end,
        )
        # theme > 0, not != 0: SQLite reads != by skipping through every theme of the index
        .where((C.theme > ALL) if themes else (C.theme == bindparam("theme")))
    )
    if not next_to:  # "so far": the same quarters a year back
        query = query.where(or_(_in(C.month, NOW), _in(C.month, BEFORE)))
    if condition is not None:
        query = query.where(condition)
    if pooled:
        return _by_quarter(query.group_by(*grouped, "q").subquery())
    return query.group_by(*grouped)


def _add(a, b):
    """A sum of counts, Pooled (hidden) when either is."""
    pooled = isinstance(a, Pooled) or isinstance(b, Pooled)
    return Pooled(a + b) if pooled else a + b


def _by_quarter(inner):
    """Each key's quarters added up, with whether any quarter of each period is small."""
    limit = bindparam("limit")
    keys = [c for c in inner.c if c.name not in ("q", "now", "before")]

    def small(column):
        return func.max(case((and_(column > 0, column < limit), 1), else_=0))

    return select(
        *keys,
        func.sum(inner.c.now),
        func.sum(inner.c.before),
        small(inner.c.now),
        small(inner.c.before),
    ).group_by(*keys)
