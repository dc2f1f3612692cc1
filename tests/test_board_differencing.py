"""The differencing attacker (issue 17): a board member who reads every period the board can
choose, beside the period before each, and subtracts, must never learn a number of young
people from 1 to 4.

The attacker knows every figure shown (not the hidden ones' bounds) and how tables add up
(each breakdown's lines make its total, quarter by quarter), and reads the board on every
day of two years, so sees every period offered on any of those days: the last 12 months as
it moves, each year so far as it grows. Every period is whole quarters (the first test
proves it for every day), so what they can work out is a linear combination of per-quarter
counts; the test asks,
for every figure and every run of consecutive quarters, whether its count follows from what
was shown, and if it does, that it is 0 or at least the threshold."""

import itertools
from datetime import timedelta

import pytest

from tests.board_helpers import TODAY, build
from tests.conftest import settings_for
from voice import create_app
from voice.board import periods
from voice.board.summary import summary
from voice.extensions import db

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

PRIME = 2_147_483_647  # ranks over the integers mod a large prime equal those over fractions
PARTITIONS = ("kinds", "audiences", "ages", "care", "outcomes")  # themes overlap: no sum


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every period the board can choose on TODAY, and each quarter on its own (the truth)."""
    app = create_app(settings_for(tmp_path_factory.mktemp("differencing")))
    with app.app_context():
        db.create_all()
        build()
        db.session.commit()
        with app.test_request_context():
            askable = sorted(every_period(), key=lambda p: (p.start, p.end, p.back))
            quarters = sorted(
                {q for p in askable for q in quarters_of(p)} | set(before_all(askable))
            )
            yield {
                "shown": [(p, summary(p, TODAY)) for p in askable],
                "truth": {q: summary(quarter_period(q), TODAY) for q in quarters},
                "quarters": quarters,
            }
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


DAYS = [TODAY - timedelta(days=n) for n in range(0, 2 * 366)]


def offered(today):
    """Every period the board offers on `today`."""
    found = []
    for choice, _ in periods.CHOICES:
        try:
            if choice == "quarter":
                found += [periods.quarter(v, today) for v, _ in periods.quarter_choices(today)]
            else:
                found.append(periods.named(choice, today))
        except periods.PeriodRefused:
            pass  # "this year so far" in its first quarter: nothing offered
    return found


def every_period():
    return {p for today in DAYS for p in offered(today)}


def is_quarters(period):
    return (
        period.start.day == 1
        and period.start.month in (1, 4, 7, 10)
        and (period.end + timedelta(days=1)).day == 1
        and (period.end + timedelta(days=1)).month in (1, 4, 7, 10)
    )


def test_every_period_offered_on_any_day_is_whole_quarters_and_so_is_its_comparison():
    """So the last 12 months move on a quarter at a time, never by a day or a month: on
    every day of two years, each period offered and the one it is compared with start on
    the first day of a quarter and end on the last day of one."""
    moves = set()
    for today in DAYS:
        for period in offered(today):
            assert is_quarters(period) and is_quarters(period.previous()), (today, period)
            assert period.end < today  # nothing still running: it would grow day by day
        rolling = periods.named("last_12", today)
        assert rolling.days in (365, 366) and rolling.previous().end < rolling.start
        moves.add(rolling.start)
    moves = sorted(moves)  # a new last 12 months each quarter, a whole quarter on
    assert len(moves) >= 8
    assert all(periods.add_months(a, 3) == b for a, b in zip(moves, moves[1:]))
    so_far = periods.named("this_year", TODAY)
    assert so_far.label == "2026 so far (January to September)"
    assert (so_far.previous().start, so_far.previous().end) == (
        so_far.start.replace(year=2025),
        so_far.end.replace(year=2025),
    )


def quarters_of(period):
    start, found = period.start, []
    while start <= period.end:
        found.append(start)
        start = periods.add_months(start, 3)
    return found


def before_all(askable):
    return [q for p in askable for q in quarters_of(p.previous())]


def quarter_period(start):
    return periods.Period(start, periods.add_months(start, 3) - periods.timedelta(days=1))


def cells(figures):
    """{(table, line): (now Count, before Count)} for every young people's figure."""
    found = {("total", "Submissions"): (figures["total"].now, figures["total"].before)}
    for table in [*figures["tables"], figures["outcomes"], figures["ratings"]["overall"]]:
        for line in [*table.lines, table.total]:
            found[(table.name, line.label)] = (line.now, line.before)
    me_too = figures["me_too"]["total"]
    found[("me_too", "Me too")] = (me_too.now, me_too.before)
    return found


def equations(pages):
    """(vector {(table, line, quarter): 1}, value) for every shown count, and the sums."""
    found = []
    for period, figures in pages["shown"]:
        spans = (quarters_of(period), quarters_of(period.previous()))
        for key, counts in cells(figures).items():
            for span, count in zip(spans, counts):
                if not count.hidden:
                    found.append(({(*key, q): 1 for q in span}, count.value))
    keys = cells(pages["truth"][pages["quarters"][0]])
    for q in pages["quarters"]:
        for name in PARTITIONS:
            lines = [k for k in keys if k[0] == name]
            vector = {(*k, q): 1 for k in lines if k[1] != "All"}
            vector[(name, "All", q)] = -1
            found.append((vector, 0))
            found.append(({(name, "All", q): 1, ("total", "Submissions", q): -1}, 0))
    return found


def reduced_rows(vectors, columns):
    """Row echelon form mod PRIME: {pivot column: row}. Rows are sparse ({column: value},
    zeros left out): each figure touches a few of the many (figure, line, quarter) columns."""
    number = {c: i for i, c in enumerate(columns)}
    pivots = {}
    for vector in vectors:
        row = reduce({number[c]: v % PRIME for c, v in vector.items() if v % PRIME}, pivots)
        if row:
            lead = min(row)
            inverse = pow(row[lead], PRIME - 2, PRIME)
            pivots[lead] = {c: v * inverse % PRIME for c, v in row.items()}
    return pivots


def reduce(row, pivots):
    """The sparse row less each pivot row in turn, by column: nothing left (an empty dict)
    when the row follows from the pivots. A pivot's row has nothing before its own column,
    so taking it away changes no column an earlier pivot has cleared."""
    row = dict(row)
    for lead, pivot in sorted(pivots.items()):
        factor = row.get(lead)
        if factor:
            for c, b in pivot.items():
                value = (row.get(c, 0) - factor * b) % PRIME
                if value:
                    row[c] = value
                else:
                    row.pop(c, None)
    return row


def test_no_period_the_board_can_choose_gives_away_a_small_number(pages):
    threshold = pages["shown"][0][1]["threshold"]
    found = equations(pages)
    columns = sorted({c for vector, _ in found for c in vector}, key=str)
    number = {c: i for i, c in enumerate(columns)}
    pivots = reduced_rows([vector for vector, _ in found], columns)
    truth = {
        (*key, q): counts[0].value
        for q, figures in pages["truth"].items()
        for key, counts in cells(figures).items()
    }
    quarters = pages["quarters"]
    learned = 0
    for key in cells(pages["truth"][quarters[0]]):
        for first, last in itertools.combinations_with_replacement(range(len(quarters)), 2):
            target = {(*key, q): 1 for q in quarters[first : last + 1]}
            if any(c not in number for c in target):
                continue  # a quarter no shown figure touches: nothing to subtract from
            if reduce({number[c]: 1 for c in target}, pivots):
                continue  # cannot be worked out from what is shown
            learned += 1
            value = sum(truth.get(c, 0) for c in target)
            assert value == 0 or value >= threshold, (key, quarters[first], quarters[last], value)
    assert learned > 50  # the attacker does learn things: the shown figures themselves


def test_a_year_hides_a_figure_one_of_whose_quarters_is_small(pages):
    """2026 so far: one view in March, 12 from July to September, the rest in between; a
    quarter of 1 would follow from the year minus the others, so the year's Views are
    hidden."""
    label = f"{TODAY.year} so far (January to September)"
    year = next(f for p, f in pages["shown"] if p.label == label)
    kinds = next(t for t in year["tables"] if t.name == "kinds")
    views = next(line for line in kinds.lines if line.label == "Views")
    assert views.now.hidden and views.now.shown(5) == "not shown"
    last_quarter = next(f for p, f in pages["shown"] if p.label == "July to September 2026")
    assert last_quarter["total"].now.shown(5) == "20"
