"""The outbox worker: takes waiting notifications, sends them, and records what happened.

Several workers may run at once, on one server or many. A worker *claims* a batch in one
UPDATE (PostgreSQL skips rows another worker has locked; SQLite lets one writer in at a
time), which stamps each row with a random claim token and `claimed_until`, a lease of
OUTBOX_LEASE_SECONDS. Until the lease runs out no other worker takes those rows. The
database transaction is over before anything goes over the network.

Delivery is *at least once*. If a worker dies after the mail server or GOV.UK Notify has
accepted a message but before `sent_at` is committed, nothing records that it went, so once
the lease runs out another worker sends it again: that message arrives twice. Each such crash
can duplicate only the one message being sent when it happened, and no crash loses one. We
chose this over at-most-once because a safeguarding alert that never arrives is far worse
than one that arrives twice.

A failed try is retried after OUTBOX_RETRY_MINUTES (1, 5, 30, 120, 720 by default, the last
repeating) until OUTBOX_MAX_ATTEMPTS tries, then left visibly failed (`failed_at`). A message
with nobody left to receive it (a switched-off account, a deleted contact) is skipped.
"""

import logging
import secrets
from collections import Counter
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, case, or_, select, update

from voice import clock
from voice.extensions import db
from voice.notifications import recipients
from voice.notifications.backends import SendFailed
from voice.notifications.messages import KINDS, compose
from voice.notifications.models import Notification as N
from voice.notifications.models import Urgency
from voice.notifications.outbox import queue

log = logging.getLogger(__name__)


def settings():
    return current_app.config


def run_once(backend, stop=None):
    """Send everything due now, batch by batch; returns a Counter of outcomes. Retries that
    fall due later are left for a later run. `stop` (a threading.Event) ends it early."""
    outcomes = Counter()
    while not (stop and stop.is_set()):
        token, ids = claim(settings()["OUTBOX_BATCH_SIZE"])
        if not ids:
            break
        for position, notification_id in enumerate(ids):
            if stop and stop.is_set():
                release(token, ids[position:])
                break
            outcomes[deliver(notification_id, token, backend)] += 1
    return outcomes


def _claimable(now):
    return and_(N.next_attempt_at <= now, or_(N.claimed_until.is_(None), N.claimed_until < now))


def claim(limit):
    """Take up to `limit` due rows for this worker: (token, [ids]), urgent ones first."""
    token = secrets.token_hex(16)
    while due := _due(limit):
        taken = _take(due, token)
        db.session.commit()
        if taken:
            return token, [id_ for id_ in due if id_ in taken]
        # SQLite locks no rows: another worker claimed all of these in between. Look again.
    db.session.commit()
    return token, []


def _due(limit):
    """The ids of up to `limit` due rows, urgent ones first, locked where the database can.
    They are chosen first and then claimed by id: as one UPDATE over `id IN (this query)`,
    PostgreSQL may run the query again for each row it updates, each time skipping the rows
    it has just taken, and claim every due row (tests/test_outbox.py)."""
    urgent_first = case((N.urgency == Urgency.URGENT, 0), else_=1)
    return db.session.scalars(
        select(N.id)
        .where(_claimable(clock.utcnow()))
        .order_by(urgent_first, N.next_attempt_at, N.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()


def _take(ids, token):
    """Claim those of `ids` still unclaimed (the conditions again: SQLite locks no rows);
    returns the set of ids taken."""
    now = clock.utcnow()
    lease = now + timedelta(seconds=settings()["OUTBOX_LEASE_SECONDS"])
    taken = db.session.scalars(
        update(N)
        .where(N.id.in_(ids), _claimable(now))
        .values(claimed_until=lease, claim_token=token, attempts=N.attempts + 1)
        .returning(N.id),
        execution_options={"synchronize_session": False},
    )
    return set(taken)


def release(token, ids):
    """Hand back rows this worker claimed but has not tried (it is stopping)."""
    db.session.execute(
        update(N)
        .where(N.id.in_(ids), N.claim_token == token, N.sent_at.is_(None))
        .values(claimed_until=None, attempts=N.attempts - 1),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()


def deliver(notification_id, token, backend):
    """Send one claimed row and record the outcome: "sent", "split", "skipped", "retry",
    "failed", or "lost" when another worker has taken it over."""
    notification = db.session.get(N, notification_id, populate_existing=True)
    if notification is None:
        return "lost"
    try:
        _check(notification)
        if recipients.is_group(notification.recipient):
            return split(notification, token)
        message = compose(
            notification, recipients.address(notification.recipient), settings()["PUBLIC_URL"] or ""
        )
    except recipients.NotNeeded as why:
        return finish(notification, token, "skipped", str(why), skipped_at=clock.utcnow())
    except (recipients.Unreachable, SendFailed, ValueError) as error:
        return failed(notification, token, _as_failure(error))
    db.session.commit()  # end the read before the network: no transaction waits on a server
    return _send(notification, token, message, backend)


def _check(notification):
    if notification.attempts > settings()["OUTBOX_MAX_ATTEMPTS"]:
        # Only a worker that died while sending it, again and again, gets here.
        raise SendFailed("the worker stopped while sending it too many times", permanent=True)
    if notification.kind not in KINDS:
        raise SendFailed(f"no wording for the kind {notification.kind!r}", permanent=True)


def _send(notification, token, message, backend):
    try:
        backend.send(message)
    except SendFailed as error:
        return failed(notification, token, error)
    except Exception as error:  # a bug, or a library's own exception: keep the worker going
        return failed(notification, token, SendFailed(f"unexpected {type(error).__name__}"))
    return mark_sent(notification)


def _as_failure(error):
    """Nobody to send to yet is worth another try; a recipient we cannot read is not."""
    if isinstance(error, SendFailed):
        return error
    return SendFailed(str(error), permanent=isinstance(error, ValueError))


def split(notification, token):
    """One row per member of a role, in the same transaction that marks this one done, so
    the split happens exactly once and each person's message is retried on its own."""
    members = recipients.members(notification.recipient)
    done = _update_claimed(
        notification, token, sent_at=clock.utcnow(), next_attempt_at=None, last_error=None
    )
    if not done:
        db.session.rollback()
        return "lost"
    for user_id in members:
        queue(
            notification.kind,
            f"user:{user_id}",
            dict(notification.payload or {}),
            urgent=notification.urgency == Urgency.URGENT,
        )
    db.session.commit()
    log.info(
        "notification %s (%s for %s) split into one per person: %s",
        notification.id,
        notification.kind,
        notification.recipient,
        len(members),
    )
    return "split"


def mark_sent(notification):
    # No token check: it went, whoever holds the claim now, and that must stick.
    now = clock.utcnow()
    db.session.execute(
        update(N)
        .where(N.id == notification.id, N.sent_at.is_(None))
        .values(
            sent_at=now, next_attempt_at=None, claimed_until=None, failed_at=None, last_error=None
        ),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    log.info(
        "notification %s (%s for %s) sent",
        notification.id,
        notification.kind,
        notification.recipient,
    )
    return "sent"


def failed(notification, token, error):
    attempts, limit = notification.attempts, settings()["OUTBOX_MAX_ATTEMPTS"]
    if error.permanent or attempts >= limit:
        log.error(
            "notification %s (%s for %s) given up after %s tries: %s",
            notification.id,
            notification.kind,
            notification.recipient,
            attempts,
            error.reason,
        )
        return finish(notification, token, "failed", error.reason, failed_at=clock.utcnow())
    retry_at = clock.utcnow() + retry_delay(attempts)
    log.warning(
        "notification %s (%s for %s) try %s of %s failed: %s; next try at %s UTC",
        notification.id,
        notification.kind,
        notification.recipient,
        attempts,
        limit,
        error.reason,
        f"{retry_at:%H:%M}",
    )
    finish(notification, token, "retry", error.reason, next_attempt_at=retry_at)
    return "retry"


def retry_delay(attempts):
    """After the first failed try the first delay, and so on; the last one repeats."""
    minutes = settings()["OUTBOX_RETRY_MINUTES"]
    return timedelta(minutes=minutes[min(attempts, len(minutes)) - 1])


def finish(notification, token, outcome, reason, **values):
    if outcome != "retry":
        values["next_attempt_at"] = None
    if outcome == "skipped":
        log.info(
            "notification %s (%s for %s) not needed: %s",
            notification.id,
            notification.kind,
            notification.recipient,
            reason,
        )
    done = _update_claimed(notification, token, last_error=reason[:500], **values)
    db.session.commit()
    return outcome if done else "lost"


def _update_claimed(notification, token, **values):
    """Change the row only while this worker's claim still holds and it is not sent: a
    worker whose lease ran out must not undo what the next one did."""
    result = db.session.execute(
        update(N)
        .where(N.id == notification.id, N.claim_token == token, N.sent_at.is_(None))
        .values(claimed_until=None, **values),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount == 1
