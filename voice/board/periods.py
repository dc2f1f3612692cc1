"""The stretch of time the board looks at, and the equal stretch just before it.

Quarters and years are calendar ones (January to March is the first quarter). A period is
whole days, start and end included; the database is asked with [start, day after end).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from voice.errors import Refused

CHOICES = [
    ("this_quarter", "This quarter"),
    ("last_quarter", "Last quarter"),
    ("this_year", "This year"),
    ("custom", "Choose dates"),
]
LONGEST = timedelta(days=3 * 366)  # a custom period longer than this is a typing slip


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
        end = self.start - timedelta(days=1)
        start = end - timedelta(days=self.days - 1)
        return Period(start, end, f"{start:%-d %b %Y} to {end:%-d %b %Y}")


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
    """this_quarter, last_quarter or this_year, as a Period around `today`."""
    if choice == "this_quarter":
        start = _quarter_start(today)
        return Period(start, _quarter_end(start), _quarter_label(start))
    if choice == "last_quarter":
        start = _quarter_start(_quarter_start(today) - timedelta(days=1))
        return Period(start, _quarter_end(start), _quarter_label(start))
    if choice == "this_year":
        return Period(date(today.year, 1, 1), date(today.year, 12, 31), str(today.year))
    raise PeriodRefused("Choose a period.")


def custom(start, end):
    if start is None or end is None:
        raise PeriodRefused("Give both dates: the first day and the last day.")
    if end < start:
        raise PeriodRefused("The last day must be on or after the first day.")
    if end - start > LONGEST:
        raise PeriodRefused("Choose a period of three years or less.")
    return Period(start, end, f"{start:%-d %b %Y} to {end:%-d %b %Y}")
