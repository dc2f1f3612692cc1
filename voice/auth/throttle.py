"""Slowing down guessing, per account and per network address, with pauses that grow.

After LOGIN_MAX_FAILURES wrong tries in a row on an account (or from an address), signing in
there pauses: 1 minute, then 2, 4, 8 … up to LOGIN_LOCK_MINUTES, growing with each further
wrong try. While paused, a password alone is refused without saying why; the right password
together with a valid two-step code always gets in. So someone who types wrong passwords for
the safeguarding lead's address slows guessing down, but cannot keep the lead out.

Counts live in the database, not in a worker's memory, so they hold across gunicorn workers
and servers. The first pause on an account tells every admin (through the outbox, with no
account name in it) and writes the audit log.
"""

import hashlib
import hmac
import logging
from datetime import timedelta

from flask import current_app, has_request_context, request
from sqlalchemy.dialects import postgresql, sqlite

from voice import clock
from voice.auth.models import SignInAddress, User
from voice.extensions import db

audit = logging.getLogger("voice.audit")


def pause_minutes(failures):
    """0 below the limit; then 1, 2, 4, 8 … minutes, never more than LOGIN_LOCK_MINUTES."""
    over = failures - current_app.config["LOGIN_MAX_FAILURES"]
    if over < 0:
        return 0
    return min(2 ** min(over, 20), current_app.config["LOGIN_LOCK_MINUTES"])


def is_locked(user):
    return user.locked_until is not None and user.locked_until > clock.utcnow()


def paused(user):
    """Whether a password alone is refused for this account, from here, now."""
    row = _address_row()
    address_paused = row is not None and row.locked_until and row.locked_until > clock.utcnow()
    return bool(address_paused) or (user is not None and is_locked(user))


def record_failure(user):
    """Count one wrong password or code, on the account (if there is one) and the address."""
    if user is not None:
        # Added in SQL, not in Python, so two workers counting at once cannot lose a failure.
        user.failed_attempts = User.failed_attempts + 1
        db.session.flush()
        _pause(user)
        if user.failed_attempts == current_app.config["LOGIN_MAX_FAILURES"]:
            _tell_admins(user)
    row = _address_row(create=True)
    if row is not None:
        row.failed_attempts = SignInAddress.failed_attempts + 1  # in SQL, as for the account
        row.updated_at = clock.utcnow()
        db.session.flush()
        _pause(row)
    db.session.flush()


def _pause(counted):
    minutes = pause_minutes(counted.failed_attempts)
    if minutes:
        counted.locked_until = clock.utcnow() + timedelta(minutes=minutes)


def _tell_admins(user):
    from voice.audit.services import record
    from voice.notifications import outbox

    minutes = pause_minutes(user.failed_attempts)
    audit.warning("Signing in to %s paused after repeated failures", user.email)
    record("sign_in_paused", email=user.email, detail=f"Paused for {minutes} minute(s)")
    outbox.queue("account_under_attack", "role:admin", {"user_id": user.id})


def clear(user):
    """A full sign-in: the account and this address start afresh."""
    user.failed_attempts = 0
    user.locked_until = None
    row = _address_row()
    if row is not None:
        row.failed_attempts, row.locked_until = 0, None


def _address_row(create=False):
    if not has_request_context() or not request.remote_addr:
        return None
    key = hmac.new(
        current_app.config["SECRET_KEY"].encode(), request.remote_addr.encode(), hashlib.sha256
    ).hexdigest()
    if create:
        # Two wrong tries from a new address at once must not both insert it (a 500):
        # INSERT … ON CONFLICT DO NOTHING, in the dialect's own words.
        dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
        db.session.execute(
            dialect.insert(SignInAddress)
            .on_conflict_do_nothing()
            .values(address_hash=key, failed_attempts=0, updated_at=clock.utcnow())
        )
    return db.session.get(SignInAddress, key)
