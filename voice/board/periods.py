"""The stretch of time the board looks at, and the equal stretch just before it.

Every period the board can ask for is whole calendar quarters (January to March is the
first): a quarter, a calendar year, or the last four whole quarters. Two periods the board
can ask for therefore differ by whole quarters, and a young people's figure over several
quarters is hidden wherever one of its quarters is small (voice.board.counted), so no
subtraction of one period from another gives away a small number (issue 17;
tests/test_board_differencing.py plays that attacker). A period still running is "so far".
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from voice.errors import Refused

CHOICES = [
    ("this_quarter", "This quarter so far"),
    ("last_quarter", "Last quarter"),
    ("last_four", "The last 12 months (four whole quarters)"),
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

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def starts_at(self):
        return datetime.combine(self.start, time.min)

    @property
    def ends_before(self):
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def previous(self):
        """The same number of days, ending the day before this one starts. Whole quarters
        and years step back a whole quarter or year, so October–December compares with
        July–September, not with a stretch of exactly 92 days."""
        if _is_quarter(self.start, self.end):
            start = _quarter_start(self.start - timedelta(days=1))
            return Period(start, self.start - timedelta(days=1), _quarter_label(start))
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            year = self.start.year - 1
            return Period(date(year, 1, 1), date(year, 12, 31), str(year))
        months = whole_months(self.start, self.end)
        if months:  # the same number of whole months just before
            start = add_months(self.start, -months)
            return months_period(start, months)
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
    if choice == "this_quarter":
        return _so_far(Period(this, _quarter_end(this), _quarter_label(this)), today)
    if choice == "last_quarter":
        start = add_months(this, -3)
        return Period(start, _quarter_end(start), _quarter_label(start))
    if choice == "last_four":
        return months_period(add_months(this, -12), 12)
    if choice == "this_year":
        year = Period(date(today.year, 1, 1), date(today.year, 12, 31), str(today.year))
        return _so_far(year, today)
    if choice == "last_year":
        year = today.year - 1
        return Period(date(year, 1, 1), date(year, 12, 31), str(year))
    raise PeriodRefused("Choose a period.")


def _so_far(period, today):
    if period.start <= today <= period.end:
        return Period(period.start, period.end, f"{period.label} (so far)")
    return period


def quarter_choices(today):
    """(value, label) for the quarters "Choose a quarter" offers, newest first."""
    start = _quarter_start(today)
    return [
        (f"{q:%Y-%m}", _quarter_label(q))
        for q in (add_months(start, -3 * back) for back in range(QUARTERS_BACK + 1))
    ]


def quarter(value, today):
    """The quarter a "Choose a quarter" value (its first month, 2026-07) names."""
    offered = dict(quarter_choices(today))
    if value not in offered:
        raise PeriodRefused("Choose one of the quarters in the list.")
    start = date(int(value[:4]), int(value[5:7]), 1)
    return _so_far(Period(start, _quarter_end(start), offered[value]), today)
