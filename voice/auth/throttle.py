"""Slowing down guessing: wrong passwords and wrong codes are counted on the user's row, and
enough of them in a row pause signing in to that account for a while.

The count lives in the database, not in a worker's memory, so it holds across gunicorn
workers and servers. A pause ends by itself (LOGIN_LOCK_MINUTES), so someone who tries to
lock a colleague out can only do it for minutes at a time; an admin's password reset lifts it.
"""

import logging
from datetime import timedelta

from flask import current_app

from voice import clock
from voice.auth.models import User
from voice.extensions import db

audit = logging.getLogger("voice.audit")


def is_locked(user):
    return user.locked_until is not None and user.locked_until > clock.utcnow()


def record_failure(user):
    """Count one wrong password or code; the LOGIN_MAX_FAILURES-th in a row pauses sign-in."""
    # Added in SQL, not in Python, so two workers counting at once cannot lose a failure.
    user.failed_attempts = User.failed_attempts + 1
    db.session.flush()
    if user.failed_attempts >= current_app.config["LOGIN_MAX_FAILURES"]:
        minutes = current_app.config["LOGIN_LOCK_MINUTES"]
        user.locked_until = clock.utcnow() + timedelta(minutes=minutes)
        user.failed_attempts = 0  # after the pause, the next few tries start afresh
        db.session.flush()
        audit.warning(
            "Signing in to %s paused for %s minutes after repeated failures", user.email, minutes
        )


def clear(user):
    user.failed_attempts = 0
    user.locked_until = None
