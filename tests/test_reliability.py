"""Voice keeps every message under load and through crashes: real gunicorn (2 sync workers,
as `make run`) and real phones over HTTP on loopback, on SQLite and, in the PostgreSQL suite,
on PostgreSQL. bench/reliability.py runs the same scenarios and records the figures."""

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD, settings_for
from tests.reliability_helpers import (
    Gunicorn,
    ShareLoad,
    database_for,
    kill_a_worker_during,
    send_twice_at_once,
    voice_env,
)
from tests.reliability_outbox import kill_the_outbox_worker_mid_send
from voice.auth import services as accounts
from voice.auth.models import Role
from voice.extensions import db
from voice.submissions.codes import code_hash
from voice.submissions.models import Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

SUBMISSIONS, PHONES = 1000, 32
KILL_LOAD = 160  # submissions sent while a worker is killed, a third of the way through


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return settings_for(tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="module")
def database(config):
    """One database and one server for the module: starting gunicorn costs seconds, and
    each test counts only the rows it made."""
    yield from database_for(config)


@pytest.fixture(scope="module")
def server(database, config, tmp_path_factory):
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with Gunicorn(voice_env(config), log) as running:
        yield running


@pytest.fixture
def new_rows(database):
    """new_rows() -> form token -> (code hash, message) of each row made since the test
    began, as the workers committed them."""
    before = set(stored())

    def made():
        rows = stored()
        return {token: row for token, row in rows.items() if token not in before}

    return made


def stored():
    db.session.rollback()  # a fresh look at what the gunicorn workers committed
    rows = db.session.execute(
        select(Submission.form_token, Submission.code_hash, Submission.message)
    ).all()
    assert len({token for token, _, _ in rows}) == len(rows)
    return {token: (hashed, message) for token, hashed, message in rows}


def assert_kept_as_confirmed(sent, rows, key):
    """Each phone's code finds its own message, word for word."""
    for each in sent:
        assert each.form_token in rows, f"{each.code} was confirmed but is not stored"
        assert rows[each.form_token] == (code_hash(each.code, key), each.message)


def test_a_thousand_submissions_from_32_phones_at_once_are_a_thousand_rows(
    server, config, new_rows
):
    load = ShareLoad(server.url, SUBMISSIONS, PHONES).run(seconds=300)
    assert load.errors == [] and load.died == 0, (load.errors[:5], server.log_tail())
    assert len(load.sent) == SUBMISSIONS
    assert len({each.code for each in load.sent}) == SUBMISSIONS
    rows = new_rows()
    assert len(rows) == SUBMISSIONS
    assert_kept_as_confirmed(load.sent, rows, config["REFERENCE_CODE_KEY"])


def test_a_form_sent_twice_at_the_same_moment_is_kept_once_with_one_code(server, config, new_rows):
    taps = [send_twice_at_once(server.url) for _ in range(8)]
    for _token, _message, (first, second) in taps:
        assert first == second and first.count("-") == 3, server.log_tail()
    rows = new_rows()
    assert len(rows) == len(taps)
    for token, message, (code, _) in taps:
        assert rows[token] == (code_hash(code, config["REFERENCE_CODE_KEY"]), message)


def test_a_worker_killed_mid_load_loses_no_confirmed_message_and_retries_add_none(
    server, config, new_rows
):
    load = ShareLoad(server.url, KILL_LOAD, PHONES, retries=2).start()
    killed = kill_a_worker_during(server, load, after=KILL_LOAD // 3)
    load.finish(seconds=180)
    assert killed and all(pid not in server.worker_pids() for pid in killed)
    assert load.died >= 1, "no request was cut off, so nothing was tested"
    # Every phone got its code in the end, the ones cut off by tapping again.
    assert load.errors == [] and len(load.sent) == KILL_LOAD, (load.errors[:5], server.log_tail())
    rows = new_rows()
    assert len(rows) == KILL_LOAD  # a second tap never made a second row
    assert_kept_as_confirmed(load.sent, rows, config["REFERENCE_CODE_KEY"])


def test_the_outbox_worker_killed_mid_send_loses_nothing_and_repeats_one_at_most(
    database, config, tmp_path
):
    officer = accounts.create_user("officer@example.org", Role.OFFICER, PASSWORD)
    db.session.commit()
    crash = kill_the_outbox_worker_mid_send(config, officer.id, tmp_path / "outbox.log")
    assert crash.lost == [] and crash.unsent == 0 and crash.failed == 0
    # At least once (sender.py): the one message the mail server had taken when the worker
    # died was never marked sent, so the next worker sends it again, and only that one.
    assert crash.duplicates == {crash.in_flight: 2}
    assert len(crash.received) == len(crash.queued) + 1
