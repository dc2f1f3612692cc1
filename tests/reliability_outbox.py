"""The outbox worker killed with SIGKILL in the middle of sending, against a real (slow) mail
server on loopback; shared by tests/test_reliability.py and bench/reliability.py."""

import asyncio
import email
import email.policy
import os
import re
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass

from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from tests.reliability_helpers import free_port, outbox_worker, stop_process, voice_env
from voice.extensions import db
from voice.notifications.models import Notification
from voice.notifications.outbox import queue

PUBLIC_URL = "https://voice.example"
LINK = re.compile(re.escape(PUBLIC_URL) + r"(/responses/\d+)")
LEASE_SECONDS = 3  # how long the dead worker's claim keeps its batch from the next worker


class SlowMailbox:
    """An SMTP server that takes 50 ms a message, like a busy council relay, and keeps the
    link from each one. The `hold_at`-th message it receives whole, then keeps the sender
    waiting for the "250 OK": the moment a worker that dies has sent but not recorded it."""

    def __init__(self, hold_at):
        self.links, self.hold_at = [], hold_at
        self.holding, self.release = threading.Event(), threading.Event()
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        body = email.message_from_bytes(envelope.content, policy=email.policy.default)
        match = LINK.search(body.get_body().get_content())
        with self._lock:
            self.links.append(match.group(1) if match else "(no link)")
            held = len(self.links) == self.hold_at
        if held:
            self.holding.set()
            for _ in range(3000):  # at most 30 s
                if self.release.is_set():
                    break
                await asyncio.sleep(0.01)
        else:
            await asyncio.sleep(0.05)
        return "250 OK"


@dataclass
class OutboxCrash:
    queued: list  # the link of every message queued
    received: list  # the link of every message the mail server took, in order
    in_flight: str  # the message being sent when the worker was killed
    unsent: int  # rows still not marked sent when it ended
    failed: int
    seconds: float

    @property
    def duplicates(self):
        return {link: n for link, n in Counter(self.received).items() if n > 1}

    @property
    def lost(self):
        return sorted(set(self.queued) - set(self.received))


def pending():
    db.session.rollback()  # a fresh look at what the worker processes wrote
    n = Notification
    return db.session.execute(
        select(func.count(n.id).filter(n.sent_at.is_(None)), func.count(n.failed_at))
    ).one()


def kill_the_outbox_worker_mid_send(config, officer_id, log_path, count=30, hold_at=10, seconds=60):
    """Queue `count` e-mails for one officer, start `flask outbox run`, SIGKILL it while the
    mail server holds the `hold_at`-th message, start a new worker, and wait (at most
    `seconds`) until every row is marked sent."""
    paths = [f"/responses/{number}" for number in range(count)]
    for path in paths:
        queue("submission_routed", f"user:{officer_id}", {"path": path})
    db.session.commit()
    box = SlowMailbox(hold_at)
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    env = voice_env(
        config,
        NOTIFY_BACKEND="smtp",
        SMTP_HOST="127.0.0.1",
        SMTP_PORT=port,
        SMTP_STARTTLS="false",
        MAIL_FROM="voice@council.example",
        PUBLIC_URL=PUBLIC_URL,
        OUTBOX_POLL_SECONDS="0.2",
        OUTBOX_BATCH_SIZE="4",
        OUTBOX_LEASE_SECONDS=LEASE_SECONDS,
        OUTBOX_SEND_TIMEOUT_SECONDS="10",
    )
    started, workers = time.monotonic(), []
    try:
        workers.append(outbox_worker(env, log_path))
        if not box.holding.wait(seconds):
            raise RuntimeError(
                f"the worker never reached message {hold_at}:\n" + open(log_path).read()[-2000:]
            )
        os.killpg(workers[0].pid, signal.SIGKILL)
        workers[0].wait(10)
        in_flight = box.links[hold_at - 1]
        box.release.set()
        workers.append(outbox_worker(env, log_path))
        deadline = started + seconds
        while pending()[0] and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        box.release.set()
        for worker in workers:
            stop_process(worker)
        controller.stop()
    unsent, failed = pending()
    return OutboxCrash(
        paths, list(box.links), in_flight, unsent, failed, time.monotonic() - started
    )
