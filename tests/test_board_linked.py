"""The board counts messages linked as saying the same thing, and their groups (issue 18),
with the number of messages suppressed like every count about young people."""

from datetime import date, datetime, time, timedelta

import pytest

from tests.submissions_helpers import WORRYING, make_submission
from voice.board import linked, periods
from voice.board.periods import Period
from voice.board.suppress import POOLED, SMALL
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def worker(make_user):
    return make_user("worker")


def group(worker, size, at=None):
    made = [make_submission(message=f"The wifi goes off at 9pm ({n}).") for n in range(size)]
    for other in made[1:]:
        moderation.link_same_as(other, made[0], worker)
    if at is not None:
        for submission in made:
            submission.created_at = at
    db.session.commit()
    return made


def last_quarter():
    """A moment in the board's default period, the last whole quarter."""
    period = periods.named(periods.DEFAULT, utcnow().date())
    return datetime.combine(period.start + timedelta(days=10), time(12))


def test_the_board_reads_how_many_messages_say_the_same_thing(client, sign_in, make_user, worker):
    at = last_quarter()
    group(worker, 4, at=at)
    group(worker, 2, at=at)
    make_submission(message="Something nobody else said.").created_at = at
    held = group(worker, 1, at=at)[0]
    moderation.link_same_as(held, group(worker, 1, at=at)[0], worker)  # a third group of 2 ...
    moderation.flag_for_safeguarding(held, worker, note=WORRYING)  # ... one of them held
    db.session.commit()
    sign_in(make_user("board"))
    page = client.get("/board/").get_data(as_text=True)
    assert "7 messages in 3 groups saying the same thing." in page


def test_few_linked_messages_read_fewer_than_the_threshold(client, sign_in, make_user, worker):
    group(worker, 3, at=last_quarter())
    sign_in(make_user("board"))
    page = client.get("/board/").get_data(as_text=True)
    assert "fewer than 5 messages in 1 group saying the same thing." in page


def test_none_linked_says_so(client, sign_in, make_user):
    make_submission()
    sign_in(make_user("board"))
    page = client.get("/board/").get_data(as_text=True)
    assert "No messages in this period were linked as saying the same thing." in page


def test_over_two_quarters_a_small_quarter_hides_the_total(worker):
    group(worker, 6, at=datetime(2025, 2, 10, 12))
    group(worker, 2, at=datetime(2025, 5, 10, 12))
    half = Period(date(2025, 1, 1), date(2025, 6, 30))
    found = linked.for_board(half)
    assert found["messages"].value == 8 and found["messages"].why == POOLED
    assert found["messages"].shown(5) == "not shown" and found["groups"].shown(5) == "2"
    first = linked.for_board(Period(date(2025, 1, 1), date(2025, 3, 31)))
    assert first["messages"].shown(5) == "6" and first["messages"].why is None
    second = linked.for_board(Period(date(2025, 4, 1), date(2025, 6, 30)))
    assert second["messages"].why == SMALL
