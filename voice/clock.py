"""Time, as the app keeps it: UTC, stored without a zone so SQLite and PostgreSQL agree.

Due dates count working days, as the council's staff do: Saturdays, Sundays and England and
Wales bank holidays (with their substitute days) do not count.
"""

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

ONE_DAY = timedelta(days=1)
# Times are kept in UTC but shown, and read as days, on the council's clock: the council is in
# England (bank holidays below), and its staff think in the time on the office wall, summer
# time included.
try:
    LOCAL_ZONE, LOCAL_ZONE_NAME = ZoneInfo("Europe/London"), "UK time"
except ZoneInfoNotFoundError:  # a server without time zone data: say so rather than guess
    LOCAL_ZONE, LOCAL_ZONE_NAME = UTC, "UTC"


def utcnow():
    return datetime.now(UTC).replace(tzinfo=None)


@lru_cache(maxsize=64)
def _bank_holidays(year):
    # The holidays package works out a year's dates on demand, and a due date is asked for on
    # every page that lists cases; one frozen set per year keeps that to a set lookup.
    import holidays  # imported when a due date is first worked out, not by every process

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def _is_working_day(day, country_holidays):
    if day.weekday() >= 5:  # Saturday or Sunday
        return False
    if country_holidays is None:
        return day not in _bank_holidays(day.year)
    return day not in country_holidays


def _plain_date(day):
    # A datetime is a date too, but it never equals one, so every holiday would be missed
    # without a word: the caller must say which day it means (UTC or London) first.
    if isinstance(day, datetime) or not isinstance(day, date):
        raise TypeError(f"expected a date, not {type(day).__name__}")
    return day


def add_working_days(start: date, days: int, country_holidays=None) -> date:
    """The date `days` working days after `start`, not counting `start` itself, so a message
    sent on a Saturday with a 1-day target is due on Monday. `country_holidays` is any
    collection of dates to skip instead of England and Wales bank holidays."""
    day = _plain_date(start)
    if days < 0:
        raise ValueError("days must not be negative")
    while days:
        day += ONE_DAY
        if _is_working_day(day, country_holidays):
            days -= 1
    return day


def working_days_between(start: date, end: date, country_holidays=None) -> int:
    """Working days after `start` up to and including `end`: the days left until a due date
    (0 on the day itself), negative once it has passed. The inverse of add_working_days."""
    start, end = _plain_date(start), _plain_date(end)
    if end < start:
        return -working_days_between(end, start, country_holidays)
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += _is_working_day(day, country_holidays)
    return count


def local_time(moment: datetime) -> datetime:
    """A stored UTC time (as utcnow gives) on the council's clock."""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_ZONE)


def council_time(moment, format="%d %b %Y %H:%M"):
    """A stored UTC time as staff read it: on the council's clock (pages name the clock,
    LOCAL_ZONE_NAME, as council_zone)."""
    return local_time(moment).strftime(format) if moment else ""


def council_day(moment):
    """The day a stored UTC time falls on, on the council's clock."""
    return local_time(moment).date()


def next_staffed_day(moment: datetime, day_ends_at: int) -> date:
    """The day staff will read a message sent at `moment` (UTC): that day if it is a working
    day and the office day (ending at `day_ends_at` o'clock, council's clock) is not over,
    else the next working day. What Voice promises a young person who may be at risk must be
    true at 10 pm on a Friday too."""
    local = local_time(moment)
    if _is_working_day(local.date(), None) and local.hour < day_ends_at:
        return local.date()
    return add_working_days(local.date(), 1)


def long_date(value):
    """'Monday 21 December 2026': the way a date is said out loud, never 21/12/26. In the
    young person's language on their pages ('پیر 21 دسمبر 2026' in Urdu). Takes a date, a
    stored UTC time, or the ISO text the young person's copy keeps ('2026-12-21T10:30', UTC);
    a time is said as the day it falls on by the council's clock, as everyone there reads it."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = council_day(value)
    from flask import has_request_context
    from flask_babel import format_date, get_locale

    if has_request_context() and str(get_locale()) != "en":
        # The same order of words, with the language's own day and month names.
        return format_date(value, "EEEE d MMMM y", rebase=False)
    return f"{value:%A} {value.day} {value:%B %Y}"


def is_working_day(day: date) -> bool:
    """Not a Saturday, a Sunday or an England and Wales bank holiday."""
    return _is_working_day(_plain_date(day), None)


def previous_working_day(day: date) -> date:
    """The last working day before `day`."""
    day = _plain_date(day) - ONE_DAY
    while not _is_working_day(day, None):
        day -= ONE_DAY
    return day


def end_of_working_day(day: date, day_ends_at: int) -> datetime:
    """When the office day `day` ends (at `day_ends_at` o'clock, council's clock), in UTC as
    stored: 17:00 in July is 16:00 UTC."""
    local_end = datetime(day.year, day.month, day.day, day_ends_at, tzinfo=LOCAL_ZONE)
    return local_end.astimezone(UTC).replace(tzinfo=None)
