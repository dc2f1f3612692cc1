"""The board's counts read from the running totals (voice.board.rollup): the same answers
as voice.board.figures gives from the raw tables, in the same shapes, so the summary can
use either and a property test can hold one against the other.

Each figure is one small GROUP BY over BoardCount rows of the period and the one before:
hundreds or a few thousand rows, however many messages the period had.
"""

from sqlalchemy import case, func, select

from voice.board.models import BoardCount as C
from voice.board.rollup import ALL, OPEN
from voice.board.timing import Histogram
from voice.extensions import db
from voice.responses.models import ActionStatus, Decision, RatingAnswer
from voice.submissions.models import AgeBand, Audience, CareStatus, Kind

KINDS = {"kind": Kind, "audience": Audience, "age_band": AgeBand, "care_status": CareStatus}
FIGURE_OF = {"kind": "kind", "audience": "audience", "age_band": "age", "care_status": "care"}


def _or_none(kind):
    return lambda text: kind(text) if text else None


def _int_or_none(text):
    return int(text) if text else None


def _sums(scope, figure, keys=(), condition=None, themes=False):
    """rows of (theme if themes, *keys, now, before) for one figure in the scope."""
    now, before = scope.now, scope.before
    split = C.day >= now.start
    columns = [getattr(C, k) for k in keys]
    theme_test = (C.theme != ALL) if themes else (C.theme == (scope.theme_id or ALL))
    query = (
        select(
            *([C.theme] if themes else []),
            *columns,
            func.sum(case((split, C.n), else_=0)),
            func.sum(case((~split, C.n), else_=0)),
        )
        .where(C.figure == figure, theme_test, C.day >= before.start, C.day <= now.end)
        .group_by(*([C.theme] if themes else []), *columns)
    )
    if condition is not None:
        query = query.where(condition)
    return [tuple(row) for row in db.session.execute(query) if row[-1] or row[-2]]


def _pair(rows):
    return (rows[0][-2], rows[0][-1]) if rows else (0, 0)


def total(scope):
    return _pair(_sums(scope, "sub"))


def by_column(scope, column):
    convert = _or_none(KINDS[column.key])
    return {convert(k): (n, b) for k, n, b in _sums(scope, FIGURE_OF[column.key], ("k1",))}


def by_theme(scope):
    return {theme: (n, b) for theme, n, b in _sums(scope, "sub", themes=True)}


def safeguarding(period):
    from voice.board.figures import Scope

    return _pair(_sums(Scope(period), "held"))


def overdue_now(scope, today):
    return _pair(_sums(scope, "waiting", condition=C.k1 < today.isoformat()))


def by_decision(scope):
    convert = _or_none(Decision)
    return {convert(k): (n, b) for k, n, b in _sums(scope, "decision", ("k1",))}


def answer_histograms(scope, by_area=False, part="answer"):
    """{(area or 0, is_now): Histogram of working days}; part: "answer" (sent to answered),
    "in_moderation" (sent to routed) or "with_officer" (routed to answered)."""
    keys = ("k1", "k2") if part == "answer" else ("k1",)
    found = {}
    for *key, now, before in _sums(scope, part, keys):
        area = _int_or_none(key[0]) if by_area and part == "answer" else 0
        days = int(key[-1])
        for is_now, cases in ((True, now), (False, before)):
            if cases:
                histogram = found.setdefault((area, is_now), Histogram({}))
                histogram.days[days] = histogram.days.get(days, 0) + cases
    return found


def actions(scope, today):
    counts = {"promised": [0, 0], **{s.value: [0, 0] for s in ActionStatus}, "overdue": [0, 0]}
    late = C.k1.in_(OPEN) & (C.k2 != "") & (C.k2 < today.isoformat())
    rows = _sums(scope, "action", ("k1",))
    for status, now, before in rows:
        for name in ("promised", status):
            counts[name][0] += now
            counts[name][1] += before
    counts["overdue"] = list(_pair(_sums(scope, "action", condition=late)))
    return {name: tuple(pair) for name, pair in counts.items()}


def by_promise(scope):
    convert = _or_none(Decision)
    table = {
        int(pid): {"raised": (n, b), "outcomes": {}}
        for pid, n, b in _sums(scope, "promise", ("k1",))
    }
    for pid, decision, n, b in _sums(scope, "promise_decision", ("k1", "k2")):
        table[int(pid)]["outcomes"][convert(decision)] = (n, b)
    return table


def actions_by_promise(scope, today):
    late = C.k2.in_(OPEN) & (C.k3 != "") & (C.k3 < today.isoformat())
    table = {}
    for pid, status, n, b in _sums(scope, "promise_action", ("k1", "k2")):
        row = table.setdefault(int(pid), {"promised": (0, 0), "done": (0, 0), "overdue": (0, 0)})
        row["promised"] = (row["promised"][0] + n, row["promised"][1] + b)
        if status == ActionStatus.DONE.value:
            row["done"] = (n, b)
    for pid, n, b in _sums(scope, "promise_action", ("k1",), condition=late):
        table[int(pid)]["overdue"] = (n, b)
    return table


def ratings(scope):
    return {RatingAnswer(k): (n, b) for k, n, b in _sums(scope, "rating", ("k1",))}


def ratings_by_theme(scope):
    table = {}
    for theme, answer, n, b in _sums(scope, "rating", ("k1",), themes=True):
        if scope.theme_id in (None, theme):  # a theme's page: its own row only
            table.setdefault(theme, {})[RatingAnswer(answer)] = (n, b)
    return table


def ratings_by_area(scope):
    table = {}
    for area, answer, n, b in _sums(scope, "rating_area", ("k1", "k2")):
        table.setdefault(_int_or_none(area), {})[RatingAnswer(answer)] = (n, b)
    return table


def me_too(scope, by_theme=False):
    if by_theme:
        return {theme: (n, b) for theme, n, b in _sums(scope, "me_too", themes=True)}
    rows = _sums(scope, "me_too")
    return {None: _pair(rows)} if rows else {}
