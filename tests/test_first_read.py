"""The first-read clock: when a person first opened each message, how long unread ones have
waited in the workers' queue, the morning notice from `flask tick`, and the board's share of
messages read within one working day."""

from datetime import date, datetime, timedelta

import pytest

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission
from voice import clock
from voice.board import first_read
from voice.board.periods import months_period, named
from voice.board.summary import share_within
from voice.extensions import db
from voice.notifications.models import Notification
from voice.submissions.models import Status, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

THURSDAY = date(2027, 3, 25)  # before Easter: Good Friday and Easter Monday are bank holidays
TUESDAY = date(2027, 3, 30)  # the next working day


def at(day, hour, minute=0):
    """A UTC time (March 2027 before the 28th: UK time is UTC)."""
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hour, minutes=minute)


def sent_at(moment, message="The wifi goes off at 9pm.", **changes):
    submission = make_submission(message, **changes)
    submission.created_at = moment
    db.session.commit()
    return submission


# --- The clock ------------------------------------------------------------------------------


def test_a_worker_opening_the_review_starts_it_and_can_still_save(client, signed_in):
    submission = make_submission()
    signed_in("worker")
    client.get("/moderation/")
    db.session.refresh(submission)
    assert submission.first_read_at is None  # the list is not reading
    version = submission.version
    client.get(f"/moderation/{submission.id}")
    db.session.refresh(submission)
    first = submission.first_read_at
    assert first is not None and submission.version == version
    client.get(f"/moderation/{submission.id}")
    db.session.refresh(submission)
    assert submission.first_read_at == first  # the first time only
    saved = client.post(
        f"/moderation/{submission.id}",
        data={
            "review-shared_text": "The wifi goes off.",
            "review-themes": str(submission.themes[0].id),
            "review-version": str(version),
            "review-save": "y",
        },
    )
    assert saved.status_code == 302
    db.session.refresh(submission)
    assert submission.shared_text == "The wifi goes off."


def test_an_admin_or_an_officer_does_not_start_it(client, signed_in):
    submission = make_submission()
    signed_in("admin")
    client.get(f"/moderation/{submission.id}")
    db.session.refresh(submission)
    assert submission.first_read_at is None


def test_a_worker_opening_a_held_message_does_not_start_it(client, signed_in):
    held = make_submission(WORRYING)
    signed_in("worker")
    client.get(f"/moderation/{held.id}")  # workers see only that it is held
    db.session.refresh(held)
    assert held.first_read_at is None


def test_the_lead_opening_a_held_message_starts_it(client, signed_in):
    held = make_submission(WORRYING)
    assert held.status == Status.SAFEGUARDING
    signed_in("safeguarding")
    client.get(f"/safeguarding/{held.id}")
    db.session.refresh(held)
    assert held.first_read_at is not None


# --- The queue ------------------------------------------------------------------------------


def test_the_queue_says_how_long_unread_messages_have_waited(client, signed_in, monkeypatch):
    from voice.moderation import routes

    monkeypatch.setattr(routes, "utcnow", lambda: at(date(2027, 3, 31), 10))  # a Wednesday
    sent_at(at(THURSDAY, 10))
    signed_in("worker")
    # Thursday to Wednesday: Tuesday and Wednesday only (Good Friday, Easter Monday).
    assert "waiting 2 working days, not read yet" in page(client.get("/moderation/"))


def test_read_today_comes_first_and_says_so(client, signed_in, weak_check):
    # weak_check: only the hand-set flag below puts a message first, whatever the model scores.
    older = sent_at(at(THURSDAY, 9), "An older ordinary message.")
    flagged = sent_at(at(TUESDAY, 9), "A newer one.")
    flagged.read_today = True
    db.session.commit()
    signed_in("worker")
    html = page(client.get("/moderation/"))
    assert html.index(flagged.reference) < html.index(older.reference)
    row = html[html.index(flagged.reference) :].split("</tr>")[0]
    assert "read today" in row
    client.get(f"/moderation/{flagged.id}")  # once read, it takes its place by age again
    html = page(client.get("/moderation/"))
    assert html.index(older.reference) < html.index(flagged.reference)


# --- The morning notice ---------------------------------------------------------------------


@pytest.fixture
def tick(app, monkeypatch):
    runner = app.test_cli_runner()

    def run(day):
        monkeypatch.setattr(clock, "utcnow", lambda: at(day, 7))
        result = runner.invoke(args=["tick"])
        assert result.exit_code == 0, result.output
        return result.output

    return run


def notices():
    return sorted(
        (n.recipient, n.payload["path"])
        for n in db.session.query(Notification).filter_by(kind="unread_waiting")
    )


def test_unread_since_the_last_working_day_is_told_once_on_the_next_working_day(app, tick):
    sent_at(at(THURSDAY, 16, 59))
    for holiday_or_weekend in (date(2027, 3, 26), date(2027, 3, 27), date(2027, 3, 29)):
        tick(holiday_or_weekend)
    assert notices() == []
    output = tick(TUESDAY)
    assert "1 message sent by the end of Thu 25 Mar not read yet" in output
    assert notices() == [("role:safeguarding", "/safeguarding"), ("role:worker", "/moderation")]
    tick(TUESDAY)
    assert len(notices()) == 2  # once a day, however often tick runs


def test_nothing_is_said_about_what_came_after_the_day_ended_or_was_read(app, tick):
    sent_at(at(THURSDAY, 17, 1))  # after the office day: Tuesday is its first working day
    read = sent_at(at(THURSDAY, 9))
    read.first_read_at = at(THURSDAY, 11)
    taken_back = sent_at(at(THURSDAY, 9))
    taken_back.status = Status.WITHDRAWN
    db.session.commit()
    tick(TUESDAY)
    assert notices() == []


def test_a_held_message_unread_by_the_lead_counts_and_the_notice_has_no_words(app, tick):
    sent_at(at(THURSDAY, 9), WORRYING)
    tick(TUESDAY)
    told = db.session.query(Notification).filter_by(kind="unread_waiting").all()
    assert len(told) == 2
    assert all("hits" not in str(n.payload) and "submission_id" not in n.payload for n in told)


def test_the_next_day_is_told_again_if_still_unread(app, tick):
    sent_at(at(THURSDAY, 9))
    tick(TUESDAY)
    tick(date(2027, 3, 31))
    assert len(notices()) == 4


# --- The board ------------------------------------------------------------------------------


def test_the_board_sees_the_share_read_within_one_working_day(app):
    period = months_period(date(2027, 3, 1), 1)
    today = date(2027, 4, 20)
    for _ in range(6):  # read on the next working day, or the same day: on time
        sent_at(at(THURSDAY, 15)).first_read_at = at(TUESDAY, 16)
    for _ in range(4):  # read two working days later: late
        sent_at(at(THURSDAY, 15)).first_read_at = at(date(2027, 3, 31), 9)
    sent_at(at(THURSDAY, 15))  # never read: late
    gone = sent_at(at(THURSDAY, 15))  # taken back unread: not counted
    gone.status = Status.WITHDRAWN
    db.session.commit()
    now, _before = first_read.histograms(period, today)
    assert now.cases == 11
    assert share_within(now, 1) == 55  # 6 of 11
    assert db.session.query(Submission).count() == 12


def test_the_board_page_shows_it_and_a_theme_page_does_not(client, signed_in):
    # The board picks whole quarters up to today: last quarter's second week, read the same
    # day or two weeks later (on a weekday, so no bank holiday can make the late ones early).
    start = named("last_quarter", date.today()).start
    sent = start + timedelta(days=7 + (3 - start.weekday()) % 7)  # a Thursday
    for _ in range(6):
        sent_at(at(sent, 10)).first_read_at = at(sent, 16)
    for _ in range(5):
        sent_at(at(sent, 10)).first_read_at = at(sent + timedelta(days=14), 9)
    db.session.commit()
    signed_in("board")
    period = "?period=last_quarter"
    html = page(client.get("/board/" + period))
    row = html[html.index("Read by a person within one working day") :].split("</div>")[0]
    assert "55%" in row
    theme = client.get("/board/themes/home" + period)
    assert theme.status_code == 200 and "Time to answer" in page(theme)
    assert "Read by a person within one working day" not in page(theme)


def test_the_review_page_says_read_today_and_what_they_said_about_being_safe(client, signed_in):
    from voice.submissions.models import SafeNow

    flagged = make_submission(safe_now=SafeNow.NOT_SAY)
    flagged.read_today = True
    db.session.commit()
    signed_in("worker")
    html = page(client.get(f"/moderation/{flagged.id}"))
    assert "Read today." in html and "I’d rather not say" in html
