"""The stretch of time the board looks at, and the stretch before it to compare.

Every period the board can ask for is whole calendar quarters (January to March is the
first): a quarter, a calendar year, or the last twelve months (the last four whole
quarters). Two periods the board can ask for therefore differ by whole quarters, and a
young people's figure over several quarters is hidden wherever one of its quarters is
small (voice.board.counted), so no subtraction of one period from another gives away a
small number (issue 17; tests/test_board_differencing.py plays that attacker over every
period offered on every day of two years).

A period that moved by a day, or by a month, would be that attacker's tool: subtract
"January to May" from "January to June" and June is left, with its small numbers. So the
last twelve months move on a whole quarter at a time, and a period still running is
counted to the end of its last whole quarter ("2026 so far: January to September"),
compared with the same quarters of the year before. The quarter running now has no figures
until it ends.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from voice.errors import Refused

# The default is the last whole quarter, not the last 12 months: a young people's figure
# over several quarters is hidden ("not shown") wherever one of its quarters is small, so at
# a council's size most of a year's topics would read "not shown", where a quarter shows
# the big ones and says "fewer than 5" of the rest (tests/test_board_same_figures.py).
DEFAULT = "last_quarter"
CHOICES = [
    ("last_quarter", "Last quarter"),
    ("last_12", "The last 12 months"),
    ("this_year", "This year so far"),
    ("last_year", "Last year"),
    ("quarter", "Choose a quarter"),
]
QUARTERS_BACK = 12  # how many past quarters "Choose a quarter" offers


class PeriodRefused(Refused, ValueError):
    """The dates typed do not make a period; the message says why in plain words."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included
    label: str = ""
    back: int = 0  # months back to the period compared with; 0: the same length just before

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def starts_at(self):
        return datetime.combine(self.start, time.min)

    @property
    def ends_before(self):
        return datetime.combine(self.end + timedelta(days=1), time.min)

    @property
    def so_far(self):
        return self.back != 0

    def previous(self):
        """The period compared with: for one still running, the same months `back` months
        earlier; for whole quarters and years a whole quarter or year before, so
        October–December compares with July–September, not with a stretch of 92 days."""
        months = whole_months(self.start, self.end)
        if self.back:
            return months_period(add_months(self.start, -self.back), months)
        if _is_quarter(self.start, self.end):
            start = _quarter_start(self.start - timedelta(days=1))
            return Period(start, self.start - timedelta(days=1), _quarter_label(start))
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            year = self.start.year - 1
            return Period(date(year, 1, 1), date(year, 12, 31), str(year))
        if months:  # the same number of whole months just before
            return months_period(add_months(self.start, -months), months)
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return Period(start, end, f"{start:%-d %b %Y} to {end:%-d %b %Y}")


def add_months(first, count):
    """The first day of the month `count` months after the month starting `first`."""
    index = first.year * 12 + first.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def whole_months(start, end):
    """How many whole months start..end is (0 if it is not whole months)."""
    after = end + timedelta(days=1)
    if start.day != 1 or after.day != 1:
        return 0
    return (after.year - start.year) * 12 + after.month - start.month


def months_period(start, count):
    end = add_months(start, count) - timedelta(days=1)
    label = f"{start:%B %Y}" if count == 1 else f"{start:%B %Y} to {end:%B %Y}"
    return Period(start, end, label)


def _quarter_start(day):
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _quarter_end(start):
    following = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
    return following - timedelta(days=1)


def _is_quarter(start, end):
    return start == _quarter_start(start) and end == _quarter_end(start)


def _quarter_label(start):
    return f"{start:%B} to {_quarter_end(start):%B %Y}"


def named(choice, today):
    """One of CHOICES (but "quarter": see quarter()), as a Period around `today`."""
    this = _quarter_start(today)
    if choice in ("last_12", "last_four"):  # last_four: its old name, in old bookmarks
        found = months_period(add_months(this, -12), 12)
        return Period(found.start, found.end, f"The last 12 months ({found.label})")
    if choice == "last_quarter":
        start = add_months(this, -3)
        return Period(start, _quarter_end(start), _quarter_label(start))
    if choice == "this_year":
        year = Period(date(today.year, 1, 1), date(today.year, 12, 31), str(today.year))
        return _so_far(year, today)
    if choice == "last_year":
        year = today.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    if choice == "this_quarter":  # offered until issue 17: a part quarter gives too much away
        raise PeriodRefused(
            f"The figures for {_quarter_label(this)} start when it ends. "
            "Here is the last whole quarter."
        )
    raise PeriodRefused("Choose a period.")


def _so_far(period, today):
    """A year still running: its whole quarters so far, compared with the same quarters of
    the year before. Refused in its first quarter, which has no whole quarter yet."""
    if not period.start <= today <= period.end:
        return period
    done = _quarter_start(today) - timedelta(days=1)
    if done < period.start:
        raise PeriodRefused(
            f"{period.label} has no whole quarter yet: its figures start on "
            f"{_quarter_end(period.start) + timedelta(days=1):%-d %B}. "
            "Here is the last whole quarter."
        )
    upto = f"{period.start:%B} to {done:%B}"
    return Period(period.start, done, f"{period.label} so far ({upto})", back=12)


def _offered_quarters(today):
    """The first days of the quarters "Choose a quarter" offers, newest first."""
    start = _quarter_start(today)
    return [add_months(start, -3 * back) for back in range(1, QUARTERS_BACK + 1)]


def quarter_choices(today):
    """(value, label) for the quarters "Choose a quarter" offers, newest first: whole ones
    only (the quarter running now is not offered until it ends)."""
    return [(f"{q:%Y-%m}", _quarter_label(q)) for q in _offered_quarters(today)]


def quarter(value, today):
    """The quarter a "Choose a quarter" value (its first month, 2026-07) names. Only the
    chosen quarter is labelled: labels are the costly part, and the list needs none."""
    offered = {f"{q:%Y-%m}": q for q in _offered_quarters(today)}
    if value not in offered:
        raise PeriodRefused("Choose one of the quarters in the list.")
    start = offered[value]
    return Period(start, _quarter_end(start), _quarter_label(start))
