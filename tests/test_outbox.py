"""Notifications leave through the outbox worker: to the right people, by the chosen backend,
with no young person's words in them, retried when a server fails, never lost when the
worker dies, and never sent twice by two workers (at most once more after a crash)."""

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select, text

from tests.conftest import settings_for
from tests.fake_notify import FakeNotify
from tests.submissions_helpers import ORDINARY, WORRYING, send
from voice import clock
from voice.extensions import db
from voice.notifications import sender
from voice.notifications.backends import NotifyBackend
from voice.notifications.models import Notification
from voice.notifications.outbox import queue
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

MARKER = "Quillfeather"  # a word only the young person wrote; it must never leave
PUBLIC_URL = "https://voice.example"
TEMPLATES = {
    kind: f"template-{kind}"
    for kind in (
        "safeguarding_alert",
        "submission_routed",
        "response_waiting",
        "news_for_young_person",
        "news_for_young_person_sms",
    )
}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def config(tmp_path):
    return settings_for(tmp_path, PUBLIC_URL=PUBLIC_URL, OUTBOX_BATCH_SIZE=4)


@pytest.fixture
def notify(app):
    with FakeNotify() as fake:
        app.config.update(fake.settings(**TEMPLATES))
        yield fake


@pytest.fixture
def run_once(app, caplog):
    caplog.set_level(logging.INFO, logger="voice")
    runner = app.test_cli_runner()

    def run(*extra):
        result = runner.invoke(args=["outbox", "run", "--once", *extra])
        assert result.exit_code == 0, result.output
        return result.output

    return run


@pytest.fixture
def later(monkeypatch):
    """later(minutes=5) moves the app's clock on, as if that much time had passed."""

    def move(**delta):
        moved = clock.utcnow() + timedelta(**delta)
        monkeypatch.setattr(clock, "utcnow", lambda: moved)

    return move


def outbox():
    db.session.expire_all()
    return db.session.scalars(select(Notification).order_by(Notification.id)).all()


def queued(kind, recipient, **payload):
    notification = queue(kind, recipient, payload)
    db.session.commit()
    return notification


def written_by_a_young_person(client, **answers):
    send(client, **answers)
    return db.session.scalars(select(Submission).order_by(Submission.id.desc())).first()


def test_an_alert_reaches_every_safeguarding_lead_with_a_link_and_no_words(
    client, make_user, notify, run_once, caplog
):
    leads = [make_user("safeguarding"), make_user("safeguarding")]
    make_user("safeguarding", active=False)
    make_user("worker")
    written_by_a_young_person(client, message=f"{WORRYING} {MARKER}")
    assert notify.requests == []  # the web request only wrote to the outbox
    output = run_once()
    assert sorted(m["email_address"] for m in notify.delivered) == sorted(u.email for u in leads)
    for message in notify.delivered:
        assert message["template_id"] == "template-safeguarding_alert"
        assert message["personalisation"]["link"] == f"{PUBLIC_URL}/safeguarding"
        assert "risk of harm" in message["personalisation"]["body"]
    assert {n.state for n in outbox()} == {"sent"}
    rows = json.dumps([[n.payload, n.last_error] for n in outbox()])
    for place in (json.dumps(notify.requests), caplog.text, output, rows):
        assert MARKER not in place and "hits me" not in place


class Mailbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it is sent."""

    def __init__(self):
        self.messages, self.refuse = [], []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        if self.refuse:
            return self.refuse.pop(0)
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


@pytest.fixture
def mailbox(app):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(
        NOTIFY_BACKEND="smtp",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        SMTP_STARTTLS=False,
        MAIL_FROM="voice@council.example",
    )
    yield box
    controller.stop()


def test_smtp_sends_the_alert_as_an_email_to_each_lead(client, make_user, mailbox, run_once):
    leads = [make_user("safeguarding"), make_user("safeguarding")]
    written_by_a_young_person(client, message=f"{WORRYING} {MARKER}")
    run_once()
    assert sorted(to for (to,), _ in mailbox.messages) == sorted(u.email for u in leads)
    for _, email in mailbox.messages:
        assert "Subject: Urgent: a Voice message needs the safeguarding lead" in email
        assert "From: voice@council.example" in email and f"{PUBLIC_URL}/safeguarding" in email
        assert MARKER not in email and "hits me" not in email


def test_smtp_retries_a_refusal_and_cannot_send_texts(client, make_user, mailbox, run_once, later):
    officer = make_user("officer")
    queued("submission_routed", f"user:{officer.id}")
    texter = written_by_a_young_person(client, reply_by="text", phone="07911 123456")
    queued("news_for_young_person", f"submission:{texter.id}")
    mailbox.refuse.append("451 Try again later")
    run_once()
    routed, news = outbox()
    assert routed.state == "waiting" and routed.last_error == "the mail server answered 451"
    assert news.state == "failed" and "cannot send text" in news.last_error
    later(minutes=2)
    run_once()
    assert [to for to, _ in mailbox.messages] == [[officer.email]] and outbox()[0].sent_at


def test_nothing_is_sent_inside_a_web_request_only_by_the_worker(
    client, make_user, run_once, caplog
):
    lead = make_user("safeguarding")
    caplog.set_level(logging.INFO, logger="voice")
    written_by_a_young_person(client, message=f"{WORRYING} {MARKER}")
    (alert,) = outbox()
    assert alert.sent_at is None and alert.attempts == 0 and "log backend" not in caplog.text
    run_once()
    assert f"log backend: safeguarding_alert for user:{lead.id} by email" in caplog.text
    assert MARKER not in caplog.text and lead.email not in caplog.text
    assert [n.state for n in outbox()] == ["sent", "sent"]  # the role's row, then the lead's


def test_a_server_error_is_retried_after_a_pause_then_sent(make_user, notify, run_once, later):
    officer = make_user("officer")
    queued("submission_routed", f"user:{officer.id}", submission_id=7)
    notify.fail_next(500)
    run_once()
    (row,) = outbox()
    assert row.sent_at is None and row.attempts == 1
    assert row.last_error == "GOV.UK Notify answered 500" and officer.email not in row.last_error
    assert row.next_attempt_at - clock.utcnow() == pytest.approx(
        timedelta(minutes=1), abs=timedelta(seconds=5)
    )
    run_once()
    assert len(notify.requests) == 1  # not before its time
    notify.fail_next(429)
    later(minutes=1, seconds=1)
    run_once()
    assert outbox()[0].attempts == 2 and len(notify.requests) == 2
    later(minutes=5, seconds=1)
    run_once()
    (row,) = outbox()
    assert row.state == "sent" and row.attempts == 3 and row.last_error is None
    assert [m["email_address"] for m in notify.delivered] == [officer.email]


def test_after_the_most_tries_it_is_given_up_visibly_and_can_be_tried_again(
    app, make_user, notify, run_once, later
):
    app.config.update(OUTBOX_MAX_ATTEMPTS=3, OUTBOX_RETRY_MINUTES=[1])
    worker = make_user("worker")
    queued("response_waiting", f"user:{worker.id}")
    notify.fail_next(500, 500, 500)
    for _ in range(4):
        run_once()
        later(minutes=2)
    (row,) = outbox()
    assert row.state == "failed" and row.failed_at and row.next_attempt_at is None
    assert len(notify.requests) == 3 and notify.delivered == []
    runner = app.test_cli_runner()
    assert "given up: 1" in runner.invoke(args=["outbox", "status"]).output
    assert "1 given-up" in runner.invoke(args=["outbox", "retry-failed"]).output
    run_once()
    assert outbox()[0].state == "sent" and len(notify.delivered) == 1


@pytest.mark.parametrize("batch_size", [1, 4])
def test_urgent_ones_go_first(app, make_user, notify, run_once, batch_size):
    app.config["OUTBOX_BATCH_SIZE"] = batch_size
    officer, lead = make_user("officer"), make_user("safeguarding")
    for _ in range(3):
        queued("submission_routed", f"user:{officer.id}")
    queue("safeguarding_alert", f"user:{lead.id}", urgent=True)
    db.session.commit()
    run_once()
    assert [m["email_address"] for m in notify.delivered] == [lead.email] + [officer.email] * 3


def test_the_young_persons_notice_goes_to_their_own_number_and_says_only_there_is_news(
    client, notify, run_once
):
    mine = written_by_a_young_person(
        client, message=f"{ORDINARY} {MARKER}", reply_by="text", phone="07911 123456"
    )
    written_by_a_young_person(client, reply_by="text", phone="07700 900123")
    emailer = written_by_a_young_person(client, reply_by="email", email="kai@example.com")
    queued("news_for_young_person", f"submission:{mine.id}")
    queued("news_for_young_person", f"submission:{emailer.id}")
    run_once()
    text, email = notify.delivered
    assert text["phone_number"] == "+447911123456"
    assert text["template_id"] == "template-news_for_young_person_sms"
    assert text["personalisation"]["body"] == (
        f"There is news about your Voice message. Check it at {PUBLIC_URL}/check with your "
        "reference code."
    )
    assert email["email_address"] == "kai@example.com"
    assert email["template_id"] == "template-news_for_young_person"
    assert MARKER not in json.dumps(notify.requests)


def test_a_young_person_with_no_contact_left_is_skipped_not_failed(client, notify, run_once):
    submission = written_by_a_young_person(client, reply_by="text", phone="07911 123456")
    queued("news_for_young_person", f"submission:{submission.id}")
    submissions.withdraw(submission)  # taking it back deletes the contact detail
    db.session.commit()
    assert "1 not needed" in run_once()
    (row,) = outbox()
    assert row.state == "skipped" and row.failed_at is None and notify.requests == []


def test_the_worker_refuses_to_start_without_what_its_backend_needs(app):
    runner = app.test_cli_runner()
    app.config.update(NOTIFY_BACKEND="notify")
    assert "Set NOTIFY_API_KEY" in runner.invoke(args=["outbox", "run", "--once"]).output
    app.config.update(PUBLIC_URL=None)
    assert "Set PUBLIC_URL" in runner.invoke(args=["outbox", "run", "--once"]).output


def many_routed(make_user, count):
    officer = make_user("officer")
    for number in range(count):
        queue("submission_routed", f"user:{officer.id}", {"submission_id": number})
    queue("safeguarding_alert", "role:safeguarding", urgent=True)
    leads = [make_user("safeguarding"), make_user("safeguarding")]
    db.session.commit()
    return count + len(leads)


def assert_each_sent_once(notify, expected):
    references = [m["reference"] for m in notify.delivered]
    assert len(references) == expected and len(set(references)) == expected
    assert {n.state for n in outbox()} == {"sent"}


def outbox_claims():
    db.session.rollback()
    return [(n.id, n.claim_token, n.attempts, n.sent_at, n.next_attempt_at) for n in outbox()]


def both_at_work(notify):
    """Hold Notify's answers until two messages are in flight at once: each worker sends one
    at a time, so both workers are then mid-batch together."""
    # A bound, not a delay: two worker processes start Python and import Voice first, which on
    # a loaded 2-core machine has taken longer than 15 s.
    overlapped = notify.wait_for(2, timeout=90)
    notify.let_go()
    # What was claimed and received, to tell a slow machine from a worker that never claimed.
    if not overlapped:  # pytest.fail: an assertion's message would be shortened
        pytest.fail(
            f"The two workers never overlapped.\nNotify received: {notify.requests}\n"
            f"Claims (id, token, attempts, sent, next attempt): {outbox_claims()}",
            pytrace=False,
        )


def test_two_workers_at_once_send_each_message_exactly_once(app, make_user, notify):
    # A held message must not time out: on a loaded machine the first worker's send waited
    # past the 20 s default, tried its next message, and was then the only one "at work".
    app.config.update(OUTBOX_SEND_TIMEOUT_SECONDS=180, OUTBOX_LEASE_SECONDS=3600)
    expected = many_routed(make_user, 24)
    outcomes = []

    def worker():
        with app.app_context():
            outcomes.append(sender.run_once(NotifyBackend(app.config)))
            db.session.remove()

    notify.hold()
    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    both_at_work(notify)
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 2 and all(outcome["sent"] for outcome in outcomes)
    assert_each_sent_once(notify, expected)


def worker_process(app, notify, *args):
    """`flask --app voice outbox run ...` in its own process, on the test's database."""
    env = dict(
        os.environ,
        VOICE_ENV="testing",
        VOICE_SECRET_KEY="k",
        VOICE_REFERENCE_CODE_KEY="r",
        VOICE_PUBLIC_URL=PUBLIC_URL,
        VOICE_SQLALCHEMY_DATABASE_URI=app.config["SQLALCHEMY_DATABASE_URI"],
        VOICE_OUTBOX_POLL_SECONDS="0.2",
        VOICE_OUTBOX_BATCH_SIZE="3",
        VOICE_NOTIFY_BACKEND="notify",
        VOICE_NOTIFY_API_KEY=notify.api_key,
        VOICE_NOTIFY_BASE_URL=notify.url,
        VOICE_NOTIFY_TEMPLATES=json.dumps(TEMPLATES),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "voice", "outbox", "run", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_two_worker_processes_send_each_message_exactly_once(app, make_user, notify):
    expected = many_routed(make_user, 30)
    notify.hold()
    workers = [worker_process(app, notify, "--once") for _ in range(2)]
    both_at_work(notify)
    outputs = [w.communicate(timeout=60)[0] for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs
    assert all(" sent" in output for output in outputs), outputs
    assert_each_sent_once(notify, expected)


@pytest.mark.parametrize("stop_with", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_keeps_sending_until_asked_to_stop(app, make_user, notify, stop_with):
    officer = make_user("officer")
    worker = worker_process(app, notify)
    queued("submission_routed", f"user:{officer.id}")  # queued while it is already running
    assert notify.wait_for(1), worker.kill() or worker.communicate()[0]
    worker.send_signal(stop_with)
    output = worker.communicate(timeout=15)[0]
    assert worker.returncode == 0 and "Stopped." in output
    assert outbox()[0].state == "sent"


def test_a_stopped_worker_finishes_the_message_in_hand_and_hands_back_the_rest(
    app, make_user, notify, run_once
):
    officer = make_user("officer")
    for number in range(3):  # one batch (VOICE_OUTBOX_BATCH_SIZE=3)
        queued("submission_routed", f"user:{officer.id}", submission_id=number)
    notify.hold()
    worker = worker_process(app, notify)
    assert notify.wait_for(1), worker.kill() or worker.communicate()[0]
    worker.send_signal(signal.SIGTERM)
    notify.let_go()
    assert worker.communicate(timeout=15)[0].strip().endswith("Stopped.")
    assert [(n.state, n.attempts, n.claimed_until) for n in outbox()] == [
        ("sent", 1, None),
        ("waiting", 0, None),
        ("waiting", 0, None),
    ]
    run_once()  # handed back, so sent at once rather than when a lease runs out
    assert len(notify.delivered) == 3


def test_a_worker_killed_between_sending_and_marking_sends_it_again_at_most_once_more(
    app, make_user, notify, run_once, later
):
    officer = make_user("officer")
    queued("submission_routed", f"user:{officer.id}", submission_id=3)
    notify.hold()  # Notify takes the message, then the worker dies before hearing back
    worker = worker_process(app, notify)
    try:
        assert notify.wait_for(1), "the worker never sent the message"
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=15)
    notify.let_go()
    (row,) = outbox()
    assert row.sent_at is None and row.claimed_until > clock.utcnow()
    assert "Nothing to send." in run_once()  # the dead worker's claim still stands
    later(seconds=app.config["OUTBOX_LEASE_SECONDS"] + 1)
    run_once()
    (row,) = outbox()
    assert row.state == "sent" and row.attempts == 2
    assert [m["email_address"] for m in notify.delivered] == [officer.email] * 2


@pytest.mark.parametrize("batch_size", [1, 3])
def test_a_claim_takes_at_most_one_batch_however_many_are_due(app, make_user, batch_size):
    """A worker takes one batch at a time, so a second worker finds the rest and a worker that
    dies holds back only its batch, also on PostgreSQL when the outbox was last measured empty:
    the planner then ran a claim's `IN (subquery LIMIT n FOR UPDATE SKIP LOCKED)` again for each
    row, each time skipping the rows it had just taken, and the claim took every due row."""
    officer = make_user("officer")
    if db.engine.name == "postgresql":  # as after autovacuum found the outbox all sent
        db.session.execute(text("ANALYZE notification"))
    for number in range(40):
        queue("submission_routed", f"user:{officer.id}", {"submission_id": number})
    db.session.commit()
    token, ids = sender.claim(batch_size)
    assert len(ids) == batch_size
    assert [n.id for n in outbox() if n.claim_token == token] == sorted(ids)
    _, more = sender.claim(batch_size)
    assert len(more) == batch_size and not set(more) & set(ids)
