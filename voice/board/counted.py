"""The board's counts read from the running totals (voice.board.rollup): the same answers
as voice.board.figures gives from the raw tables, in the same shapes, so the summary can
use either and a property test can hold one against the other.

Each figure is one small GROUP BY over BoardCount rows of the period and the one before:
hundreds or a few thousand rows, however many messages the period had. The totals are kept
by month, so a period that is not whole months is counted from the raw tables instead.
"""

import functools
from datetime import date, timedelta

from sqlalchemy import bindparam, func, select

from voice.board import figures, sums
from voice.board import first_read as first_read_raw
from voice.board.models import BoardCount as C
from voice.board.rollup import ALL, month_of
from voice.board.timing import Histogram
from voice.clock import add_working_days
from voice.extensions import db
from voice.responses.models import ActionStatus, Decision, RatingAnswer
from voice.submissions.models import AgeBand, Audience, CareStatus, Feeling, Kind

KINDS = {
    "kind": Kind,
    "audience": Audience,
    "age_band": AgeBand,
    "care_status": CareStatus,
    "feeling": Feeling,
}
FIGURE_OF = {
    "kind": "kind",
    "audience": "audience",
    "age_band": "age",
    "care_status": "care",
    "feeling": "feeling",
}


def _or_none(kind):
    return lambda text: kind(text) if text else None


def _int_or_none(text):
    return int(text) if text else None


def whole_months(period):
    after = period.end + timedelta(days=1)
    return period.start.day == 1 and after.day == 1


def _or_raw(read):
    """Read the totals when both periods are whole months; else the raw tables. A scope
    the totals do not keep (one group's messages: voice.digests.groups) reads for itself."""

    @functools.wraps(read)
    def either(scope, *args, **kwargs):
        if hasattr(scope, "read"):
            return scope.read(read.__name__, *args, **kwargs)
        scope_ = scope if hasattr(scope, "before") else figures.Scope(scope)
        if whole_months(scope_.now) and whole_months(scope_.before):
            return read(scope, *args, **kwargs)
        return getattr(figures, read.__name__)(scope, *args, **kwargs)

    return either


_sums = sums.sums


def _pair(rows):
    return (rows[0][-2], rows[0][-1]) if rows else (0, 0)


@_or_raw
def total(scope):
    return _pair(_sums(scope, "sub"))


@_or_raw
def by_column(scope, column):
    convert = _or_none(KINDS[column.key])
    return {convert(k): (n, b) for k, n, b in _sums(scope, FIGURE_OF[column.key], ("k1",))}


@_or_raw
def by_theme(scope):
    return {theme: (n, b) for theme, n, b in _sums(scope, "sub", themes=True)}


@_or_raw
def safeguarding(period):
    return _pair(_sums(figures.Scope(period), "held"))


# Conditions on a figure's first key, kept so that their statements are built once (sums).
BEFORE_DAY = C.k1 < bindparam("day")
BEFORE_MONTH = C.k1 < bindparam("month")
MONTH_BEFORE_DAY = (C.k1 >= bindparam("month")) & (C.k1 < bindparam("day"))


@_or_raw
def overdue_now(scope, today):
    rows = _sums(scope, "waiting", (), BEFORE_DAY, young=False, values={"day": today.isoformat()})
    return _pair(rows)


@_or_raw
def by_decision(scope):
    convert = _or_none(Decision)
    return {convert(k): (n, b) for k, n, b in _sums(scope, "decision", ("k1",))}


@_or_raw
def answer_histograms(scope, by_area=False, part="answer"):
    """{(area or 0, is_now): Histogram of working days}; part: "answer" (sent to answered),
    "in_moderation" (sent to routed) or "with_officer" (routed to answered)."""
    keys = ("k1", "k2") if part == "answer" else ("k1",)
    found = {}
    for *key, now, before in _sums(scope, part, keys, young=False):
        area = _int_or_none(key[0]) if by_area and part == "answer" else 0
        days = int(key[-1])
        for is_now, cases in ((True, now), (False, before)):
            if cases:
                histogram = found.setdefault((area, is_now), Histogram({}))
                histogram.days[days] = histogram.days.get(days, 0) + cases
    return found


def _overdue(scope, figure, today, keys=()):
    """Open actions due before today: every due month before today's, and today's month
    by day."""
    values = {"month": month_of(today).isoformat(), "day": today.isoformat()}
    by_month = _sums(scope, f"{figure}_month", keys, BEFORE_MONTH, young=False, values=values)
    by_day = _sums(scope, f"{figure}_day", keys, MONTH_BEFORE_DAY, young=False, values=values)
    found = {}
    for *key, now, before in by_month + by_day:
        pair = found.get(tuple(key), (0, 0))
        found[tuple(key)] = (pair[0] + now, pair[1] + before)
    return found


@_or_raw
def actions(scope, today):
    counts = {"promised": (0, 0), **{s.value: (0, 0) for s in ActionStatus}}
    for status, now, before in _sums(scope, "action", ("k1",), young=False):
        counts[status] = (now, before)
        counts["promised"] = (counts["promised"][0] + now, counts["promised"][1] + before)
    counts["overdue"] = _overdue(scope, "open_due", today).get((), (0, 0))
    return counts


@_or_raw
def by_promise(scope):
    convert = _or_none(Decision)
    table = {
        int(pid): {"raised": (n, b), "outcomes": {}}
        for pid, n, b in _sums(scope, "promise", ("k1",))
    }
    for pid, decision, n, b in _sums(scope, "promise_decision", ("k1", "k2")):
        table[int(pid)]["outcomes"][convert(decision)] = (n, b)
    return table


@_or_raw
def actions_by_promise(scope, today):
    table = {}
    for pid, status, n, b in _sums(scope, "promise_action", ("k1", "k2"), young=False):
        row = table.setdefault(int(pid), {"promised": (0, 0), "done": (0, 0), "overdue": (0, 0)})
        row["promised"] = (row["promised"][0] + n, row["promised"][1] + b)
        if status == ActionStatus.DONE.value:
            row["done"] = (n, b)
    for (pid,), pair in _overdue(scope, "promise_due", today, ("k2",)).items():
        table[int(pid)]["overdue"] = pair
    return table


def overdue_window(scope, today, limit):
    """(first, last) due dates of the `limit` most overdue open actions of the period, from
    the totals, so the list reads only actions due between them; None when there are none
    or the period is not whole months."""
    if not (whole_months(scope.now) and whole_months(scope.before)):
        return None
    query = (
        select(C.k1, func.sum(C.n))
        .where(
            C.figure == "open_due_day",
            C.theme == (scope.theme_id or ALL),
            C.month >= scope.now.start,
            C.month <= scope.now.end,
            C.k1 < today.isoformat(),
        )
        .group_by(C.k1)
        .order_by(C.k1)
    )
    seen, first = 0, None
    for due, n in db.session.execute(query):
        if n:
            first = first or due
            seen += n
            if seen >= limit:
                return first, due
    return (first, today.isoformat()) if first else None


def first_read(period, today):
    """(now, before): Histograms of {working days from sent to first read: messages}, as
    voice.board.first_read counts them from the raw tables; an unread message whose working
    day is over counts as late, one still inside it not at all."""
    scope = figures.Scope(period)
    if not (whole_months(scope.now) and whole_months(scope.before)):
        return first_read_raw.histograms(period, today)
    found = (Histogram({}), Histogram({}))
    rows = [
        (int(days), now, before) for days, now, before in _sums(scope, "read", ("k1",), young=False)
    ]
    for sent, now, before in _sums(scope, "unread", ("k1",), young=False):
        if add_working_days(date.fromisoformat(sent), 1) < today:
            rows.append((first_read_raw.NOT_READ, now, before))
    for days, *pair in rows:
        for histogram, cases in zip(found, pair):
            if cases:
                histogram.days[days] = histogram.days.get(days, 0) + cases
    return found


@_or_raw
def ratings(scope):
    return {RatingAnswer(k): (n, b) for k, n, b in _sums(scope, "rating", ("k1",))}


@_or_raw
def ratings_by_theme(scope):
    table = {}
    for theme, answer, n, b in _sums(scope, "rating", ("k1",), themes=True):
        if scope.theme_id in (None, theme):  # a theme's page: its own row only
            table.setdefault(theme, {})[RatingAnswer(answer)] = (n, b)
    return table


@_or_raw
def ratings_by_area(scope):
    table = {}
    for area, answer, n, b in _sums(scope, "rating_area", ("k1", "k2")):
        table.setdefault(_int_or_none(area), {})[RatingAnswer(answer)] = (n, b)
    return table


@_or_raw
def me_too(scope, by_theme=False):
    if by_theme:
        return {theme: (n, b) for theme, n, b in _sums(scope, "me_too", themes=True)}
    rows = _sums(scope, "me_too")
    return {None: _pair(rows)} if rows else {}
