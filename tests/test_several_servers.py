"""The production shape on loopback: two gunicorn servers on two ports sharing one database
(PostgreSQL in the PostgreSQL suite, else a SQLite file), rate limits counted in a real
redis-server, and two outbox workers. Each server has one worker, so each server is one
process and anything shared must go through the database or Redis."""

import json
import re
import time
from collections import Counter

import pytest
import requests
from sqlalchemy import func, select

from tests.conftest import PASSWORD, code_for, settings_for
from tests.fake_notify import FakeNotify
from tests.redis_server import RedisServer
from tests.reliability_helpers import (
    Gunicorn,
    database_for,
    outbox_worker,
    stop_process,
    voice_env,
)
from voice import create_app
from voice.auth import mfa
from voice.auth import services as accounts
from voice.auth.models import Role
from voice.extensions import db, warn_if_limits_counted_per_process
from voice.notifications.models import Notification
from voice.notifications.outbox import queue

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
FAST_HASHES = json.dumps({"time_cost": 1, "memory_cost": 64, "parallelism": 1})
SHARE_LIMIT = 6  # voice/submissions/routes.py: "6 per minute" on sending the share form


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    return settings_for(tmp_path_factory.mktemp("servers"))


@pytest.fixture(scope="module")
def database(config):
    yield from database_for(config)


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    try:
        yield server, server.wait_ready()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def servers(database, config, redis_server, tmp_path_factory):
    """Two servers started at once (each start costs seconds of CPU), limits on, in Redis."""
    env = voice_env(
        config,
        RATELIMIT_ENABLED="true",
        RATELIMIT_STORAGE_URI=redis_server[0].url,
        ARGON2_PARAMETERS=FAST_HASHES,
    )
    logs = tmp_path_factory.mktemp("gunicorn")
    pair = [Gunicorn(env, logs / f"server{n}.log", workers=1) for n in (1, 2)]
    try:
        for server in pair:
            server.wait_ready()
        yield pair
    finally:
        for server in pair:
            server.stop()


def test_a_limit_is_counted_across_both_servers(servers, redis_server):
    """Six sends a minute from one address, wherever they land: three on each server use
    it up, and the seventh is refused by both (with memory:// each would allow six)."""
    redis_server[1].flushdb()
    answers = [requests.post(servers[n % 2].url + "/share", timeout=30) for n in range(SHARE_LIMIT)]
    assert [a.status_code for a in answers] == [200] * SHARE_LIMIT, servers[0].log_tail()
    for server in servers:
        refused = requests.post(server.url + "/share", timeout=30)
        assert refused.status_code == 429
        assert "Please slow down a little" in refused.text


def sign_in(url, user):
    """Both steps over HTTP, as a browser does; returns the browser (its cookies)."""
    browser = requests.Session()
    page = browser.get(url + "/staff/login", timeout=30)
    form = {"csrf_token": CSRF.search(page.text).group(1), "email": user.email}
    step = browser.post(url + "/staff/login", data={**form, "password": PASSWORD}, timeout=30)
    assert step.url.endswith("/staff/sign-in/code"), step.text
    code = {"csrf_token": CSRF.search(step.text).group(1), "code": code_for(user)}
    done = browser.post(url + "/staff/sign-in/code", data=code, timeout=30)
    assert done.url.endswith("/staff/"), done.text
    return browser


def test_a_staff_session_from_one_server_is_accepted_by_the_other(servers, redis_server):
    redis_server[1].flushdb()  # the sign-in forms count against the same address
    user = accounts.create_user("robin@council.example", Role.WORKER, PASSWORD, name="Robin Ames")
    mfa.enrol(user)
    db.session.commit()
    first, second = servers
    browser = sign_in(first.url, user)
    other = browser.get(second.url + "/staff/", timeout=30, allow_redirects=False)
    assert other.status_code == 200 and "Robin Ames" in other.text
    # Signing out on the second server ends the session on the first as well.
    page = browser.get(second.url + "/staff/", timeout=30)
    token = CSRF.search(page.text).group(1)
    browser.post(second.url + "/staff/logout", data={"csrf_token": token}, timeout=30)
    again = browser.get(first.url + "/staff/", timeout=30, allow_redirects=False)
    assert again.status_code == 302 and "/staff/login" in again.headers["Location"]


def sent_count():
    db.session.rollback()  # a fresh look at what the workers committed
    return db.session.scalar(select(func.count(Notification.sent_at)))


def test_two_outbox_workers_send_every_notification_exactly_once(database, config, tmp_path):
    officer = accounts.create_user("jo@council.example", Role.OFFICER, PASSWORD)
    db.session.commit()
    count = 60
    with FakeNotify() as notify:
        settings = {
            **notify.settings(submission_routed="routed-template"),
            "NOTIFY_TEMPLATES": json.dumps({"submission_routed": "routed-template"}),
        }
        env = voice_env(
            config,
            **settings,
            PUBLIC_URL="https://voice.example",
            OUTBOX_POLL_SECONDS="0.2",
            OUTBOX_BATCH_SIZE="3",
            # A held send must not time out (then one worker would have two in flight).
            OUTBOX_SEND_TIMEOUT_SECONDS="180",
            OUTBOX_LEASE_SECONDS="3600",
        )
        logs = [tmp_path / "worker1.log", tmp_path / "worker2.log"]
        workers = [outbox_worker(env, log) for log in logs]
        try:
            wait_until(lambda: all("Sending through" in log.read_text() for log in logs), 60)
            # Notify keeps the first sends waiting until two are in flight at once: each
            # worker sends one at a time, so both are then at work, however loaded the
            # machine (unheld, one worker sometimes sent all 60 before the other woke).
            notify.hold()
            for number in range(count):
                queue("submission_routed", f"user:{officer.id}", {"path": f"/responses/{number}"})
            db.session.commit()
            overlapped = notify.wait_for(2, timeout=90)
            notify.let_go()
            # What each worker did and claimed: tells a starved machine from a stuck worker.
            if not overlapped:
                pytest.fail(what_happened(notify, logs), pytrace=False)
            wait_until(lambda: sent_count() == count, 60)
        finally:
            for worker in workers:
                stop_process(worker)
        links = Counter(message["personalisation"]["link"] for message in notify.delivered)
    assert len(links) == count and set(links.values()) == {1}, links
    # Both workers did some of the sending (each logs what it sent).
    assert all(re.search(r"Outbox: \d+ sent", log.read_text()) for log in logs)


def what_happened(notify, logs):
    """All of it, untruncated (pytest shortens an assertion's message)."""
    db.session.rollback()
    claims = db.session.execute(
        select(Notification.id, Notification.claim_token, Notification.attempts)
    ).all()
    return "\n".join(
        [
            "The two workers never overlapped.",
            f"Notify received: {notify.requests}",
            f"Claims (id, token, attempts): {claims}",
            *(f"{log.name}:\n{log.read_text()[-4000:]}" for log in logs),
        ]
    )


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_production_warns_when_limits_are_counted_apart_in_each_worker(config, tmp_path):
    """A real gunicorn with two workers in production and limits in memory:// says so."""
    env = voice_env(config, ENV="production", RATELIMIT_ENABLED="true")
    env.pop("VOICE_RATELIMIT_STORAGE_URI", None)  # the default, memory://
    with Gunicorn(env, tmp_path / "gunicorn.log", workers=2) as server:
        wait_until(lambda: "counted in memory://" in server.log_tail(), 30)
        assert server.log_tail().count("counted in memory://") == 1  # once, not per worker


@pytest.mark.parametrize(
    ("settings", "workers", "warned"),
    [
        ({}, 2, True),
        ({}, 1, False),  # one process: its memory is the only count
        ({"RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0"}, 4, False),
        ({"ENV": "development"}, 2, False),  # make run
        ({"RATELIMIT_ENABLED": False}, 2, False),
    ],
)
def test_the_warning_names_only_the_case_that_needs_it(tmp_path, settings, workers, warned):
    base = {**settings_for(tmp_path), "ENV": "production", "RATELIMIT_ENABLED": True}
    app = create_app({**base, **settings})
    assert warn_if_limits_counted_per_process(app, workers) is warned
