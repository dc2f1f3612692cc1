"""`flask --app voice monitor`: the council's IT learns, from one command's output and exit
code, when a message has waited more than a working day to be read or a notification was
given up."""

from datetime import datetime

import pytest

from tests.submissions_helpers import make_submission
from voice import clock
from voice.extensions import db
from voice.notifications.outbox import queue
from voice.submissions.models import Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

# Monday 7 December 2026, 10:00 in London (UTC in winter): a working day.
MONDAY_MORNING = datetime(2026, 12, 7, 10, 0)


@pytest.fixture
def monitor(app, monkeypatch):
    runner = app.test_cli_runner()

    def run_at(moment):
        monkeypatch.setattr(clock, "utcnow", lambda: moment)
        return runner.invoke(args=["monitor"])

    return run_at


def sent_at(moment, status=Status.NEW):
    submission = make_submission()
    submission.created_at, submission.status = moment, status
    db.session.commit()
    return submission


def test_all_well_says_so_and_exits_0(monitor):
    sent_at(MONDAY_MORNING)
    result = monitor(datetime(2026, 12, 8, 16, 59))  # Tuesday, before the office day ends
    assert result.exit_code == 0, result.output
    assert "messages no worker has read, sent more than a working day ago: 0" in result.output
    assert "notifications given up: 0" in result.output


def test_a_message_unread_after_the_next_working_day_is_reported(monitor):
    sent_at(MONDAY_MORNING)
    result = monitor(datetime(2026, 12, 8, 17, 1))
    assert result.exit_code == 1
    assert "messages no worker has read, sent more than a working day ago: 1" in result.output
    assert "(oldest sent 07 Dec 2026 10:00 UTC)" in result.output


def test_a_weekend_does_not_count_as_working_days(monitor):
    sent_at(datetime(2026, 12, 11, 16, 0))  # Friday afternoon
    assert monitor(datetime(2026, 12, 13, 23, 0)).exit_code == 0  # Sunday night
    assert monitor(datetime(2026, 12, 14, 17, 30)).exit_code == 1  # Monday after work


def test_a_held_message_waiting_for_the_lead_is_reported(monitor):
    sent_at(MONDAY_MORNING, Status.SAFEGUARDING)
    result = monitor(datetime(2026, 12, 9, 9, 0))
    assert result.exit_code == 1
    assert "held messages the safeguarding lead has not finished with" in result.output
    assert "sent more than a working day ago: 1" in result.output


def test_a_read_message_is_not_reported(monitor):
    sent_at(MONDAY_MORNING, Status.MODERATED)
    assert monitor(datetime(2026, 12, 15, 9, 0)).exit_code == 0


def test_given_up_notifications_are_reported(monitor):
    notification = queue("submission_routed", "user:1", {"path": "/responses/1"})
    notification.failed_at = MONDAY_MORNING
    db.session.commit()
    result = monitor(datetime(2026, 12, 7, 11, 0))
    assert result.exit_code == 1
    assert "notifications given up: 1" in result.output
