"""Due dates in working days: weekends and England and Wales bank holidays do not count."""

from datetime import date, datetime, timedelta

import pytest

from voice.clock import add_working_days, long_date, next_staffed_day, working_days_between


@pytest.mark.parametrize(
    "start, days, due",
    [
        (date(2026, 6, 1), 0, date(2026, 6, 1)),  # no days asked for: the same day
        (date(2026, 6, 1), 1, date(2026, 6, 2)),  # Monday → Tuesday
        (date(2026, 6, 5), 1, date(2026, 6, 8)),  # Friday → Monday, over the weekend
        (date(2026, 6, 1), 5, date(2026, 6, 8)),  # a whole week is five working days
        (date(2026, 6, 1), 10, date(2026, 6, 15)),
    ],
    ids=["zero days", "next day", "over a weekend", "one week", "two weeks"],
)
def test_weekends_are_skipped(start, days, due):
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(
    "start, due",
    [
        # Thursday 25 and Friday 26 December 2025, then the weekend.
        (date(2025, 12, 24), date(2025, 12, 29)),
        # Good Friday 26 March and Easter Monday 29 March 2027.
        (date(2027, 3, 25), date(2027, 3, 30)),
        # Easter Monday on its own, counted from Easter Sunday.
        (date(2027, 3, 28), date(2027, 3, 30)),
        # The August bank holiday, Monday 30 August 2027.
        (date(2027, 8, 27), date(2027, 8, 31)),
    ],
    ids=[
        "christmas and boxing day",
        "good friday and easter monday",
        "easter monday",
        "august bank holiday",
    ],
)
def test_bank_holidays_are_skipped(start, due):
    assert add_working_days(start, 1) == due


def test_twenty_working_days_over_christmas_2026():
    # From Friday 18 December 2026, not counting that day:
    #   Mon 21 – Thu 24 December                   1–4
    #   Fri 25 Christmas, Mon 28 Boxing Day (substitute, the 26th is a Saturday)  skipped
    #   Tue 29 – Thu 31 December                   5–7
    #   Fri 1 January 2027, New Year's Day         skipped
    #   Mon 4 – Fri 8 January                      8–12
    #   Mon 11 – Fri 15 January                    13–17
    #   Mon 18, Tue 19, Wed 20 January             18–20
    assert add_working_days(date(2026, 12, 18), 20) == date(2027, 1, 20)


def test_a_start_on_a_saturday_counts_from_monday():
    saturday = date(2026, 6, 6)
    assert add_working_days(saturday, 1) == date(2026, 6, 8)
    assert add_working_days(saturday, 5) == date(2026, 6, 12)


def test_a_start_on_a_bank_holiday_counts_from_the_next_working_day():
    assert add_working_days(date(2027, 3, 29), 1) == date(2027, 3, 30)


def test_another_calendar_can_be_given():
    # A council that also closes on its own training day, Tuesday 2 June 2026.
    closed = {date(2026, 6, 2)}
    assert add_working_days(date(2026, 6, 1), 1, closed) == date(2026, 6, 3)
    assert working_days_between(date(2026, 6, 1), date(2026, 6, 3), closed) == 1


@pytest.mark.parametrize(
    "start, end, count",
    [
        (date(2026, 6, 1), date(2026, 6, 1), 0),  # the due date itself: no days left
        (date(2026, 6, 1), date(2026, 6, 2), 1),
        (date(2026, 6, 5), date(2026, 6, 8), 1),  # Friday to Monday
        (date(2026, 6, 5), date(2026, 6, 7), 0),  # Friday to Sunday
        (date(2026, 6, 6), date(2026, 6, 7), 0),  # a weekend alone
        (date(2025, 12, 24), date(2025, 12, 31), 3),  # over Christmas: 29, 30, 31
        (date(2026, 6, 2), date(2026, 6, 1), -1),  # a day overdue
        (date(2026, 6, 8), date(2026, 6, 5), -1),  # Monday back to Friday
        (date(2027, 1, 20), date(2026, 12, 18), -20),
    ],
    ids=[
        "same day",
        "next day",
        "over a weekend",
        "friday to sunday",
        "weekend only",
        "over christmas",
        "a day overdue",
        "overdue over a weekend",
        "overdue over christmas",
    ],
)
def test_working_days_between(start, end, count):
    assert working_days_between(start, end) == count


@pytest.mark.parametrize("days", [0, 1, 3, 7, 20, 60])
def test_working_days_between_undoes_add_working_days(days):
    # Every start over two years, weekends and bank holidays included: the days left on the
    # day a case arrives must equal the target it was given.
    first = date(2025, 12, 1)
    for offset in range(0, 730, 3):
        start = first + timedelta(days=offset)
        due = add_working_days(start, days)
        assert working_days_between(start, due) == days
        assert working_days_between(due, start) == -days


def test_negative_days_and_datetimes_are_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 6, 1), -1)
    # A datetime never equals a date, so bank holidays would be missed silently.
    with pytest.raises(TypeError):
        add_working_days(datetime(2025, 12, 24, 9, 0), 1)
    with pytest.raises(TypeError):
        working_days_between(date(2025, 12, 24), datetime(2025, 12, 31))


@pytest.mark.parametrize(
    "sent_utc, read_on",
    [
        (datetime(2026, 12, 2, 10, 0), date(2026, 12, 2)),  # a Wednesday morning: that day
        (datetime(2026, 12, 2, 6, 30), date(2026, 12, 2)),  # before the office opens: still today
        (datetime(2026, 12, 2, 16, 59), date(2026, 12, 2)),
        (datetime(2026, 12, 2, 17, 0), date(2026, 12, 3)),  # the office day is over
        (datetime(2026, 12, 4, 22, 0), date(2026, 12, 7)),  # 10 pm on a Friday: Monday
        (datetime(2026, 12, 5, 11, 0), date(2026, 12, 7)),  # a Saturday: Monday
        (datetime(2026, 6, 3, 16, 30), date(2026, 6, 4)),  # 17:30 in summer time: the next day
        (datetime(2027, 3, 25, 18, 0), date(2027, 3, 30)),  # before Easter: after Easter Monday
        (
            datetime(2026, 12, 24, 23, 30),
            date(2026, 12, 29),
        ),  # Christmas Eve night: after Boxing Day's
    ],
)
def test_the_day_staff_will_read_a_message_sent_out_of_hours(sent_utc, read_on):
    assert next_staffed_day(sent_utc, day_ends_at=17) == read_on


@pytest.mark.parametrize(
    "stored, said",
    [
        (datetime(2026, 6, 30, 23, 30), "Wednesday 1 July 2026"),  # 00:30 in summer, UK time
        ("2026-06-30T23:30:00", "Wednesday 1 July 2026"),  # the young person's copy, UTC
        (datetime(2026, 12, 31, 23, 30), "Thursday 31 December 2026"),  # UK time is UTC then
        (date(2026, 6, 30), "Tuesday 30 June 2026"),  # a date is already a day
    ],
    ids=["summer night", "copy's text", "winter night", "a date"],
)
def test_a_stored_time_is_dated_by_the_councils_clock(stored, said):
    """A message sent at half past midnight in a UK summer is dated that day on every page,
    not the day before (its UTC date), as staff and the young person read the calendar."""
    assert long_date(stored) == said
