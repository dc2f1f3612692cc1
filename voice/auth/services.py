"""Rules for staff accounts. Plain functions taking model objects and the acting user (`by=`);
they change state and flush, and the caller commits (indico's operations.py).

Signing in has two steps: `authenticate` checks the password, then voice.auth.mfa checks a
code; only after both does `complete_sign_in` run and the route call login_user.
"""

import logging

from sqlalchemy import func, select

from voice import clock
from voice.auth import mfa, passwords, throttle
from voice.auth.models import Role, User
from voice.errors import Refused
from voice.extensions import db

audit = logging.getLogger("voice.audit")


class SignInRefused(Refused):
    """Sign-in did not succeed; the message is safe to show."""


class AccountRefused(Refused, ValueError):
    """The account cannot be made as asked (one already has that address)."""


# One message for a wrong password, an unknown address and a paused account, so that only
# someone who knows the password could learn more (and while paused, not even they do).
WRONG_DETAILS = (
    "The e-mail address or password is not right. Check them and try again. "
    "After too many tries, signing in is paused for a while to keep the "
    "account safe."
)
ACCOUNT_OFF = (
    "This account has been switched off. If you still need it, ask your "
    "Voice admin to switch it back on."
)


def normalise_email(email):
    return (email or "").strip().lower()


def find_user(email):
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def hash_password(password):
    return passwords.hash_password(password)


def password_matches(user, password):
    return passwords.matches(user.password_hash if user else None, password)


def authenticate(email, password):
    """The password step: return the user, ready for their second step, or raise
    SignInRefused. The password is always checked first, so every answer takes as long."""
    user = find_user(email)
    right = password_matches(user, password)
    if user is None or not right:
        throttle.record_failure(user)
        raise SignInRefused(WRONG_DETAILS)
    if throttle.paused(user):  # the right password alone: refused, saying no more
        raise SignInRefused(WRONG_DETAILS)
    # Only someone who knows the password learns that the account is switched off.
    if not user.active:
        raise SignInRefused(ACCOUNT_OFF)
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    mfa.ensure_secret(user)
    db.session.flush()
    return user


def authenticate_with_code(email, password, code):
    """Both steps in one, which a pause never refuses: the right password and a valid code
    from the app (or a recovery code) get in, however many wrong tries others have made.
    Returns the user, signed in as far as the factors go; the route finishes the sign-in."""
    user = find_user(email)
    right = password_matches(user, password)
    if user is None or not right:
        throttle.record_failure(user)
        raise SignInRefused(WRONG_DETAILS)
    if not user.mfa_enrolled:  # nothing to check a code against: the two steps, as usual
        return authenticate(email, password)
    if not user.active:
        raise SignInRefused(ACCOUNT_OFF)
    try:
        mfa.check_code_or_recovery_code(user, code)
    except mfa.CodeRefused:
        raise SignInRefused(WRONG_DETAILS)
    db.session.flush()
    return user


def complete_sign_in(user):
    """Both steps passed: forget earlier failures and note the time."""
    throttle.clear(user)
    user.last_sign_in_at = clock.utcnow()
    db.session.flush()


def sign_out(user):
    """End every session this user has, not just the one in this browser."""
    user.rotate_session_token()
    db.session.flush()


def create_user(email, role, password, name="", by=None):
    email = normalise_email(email)
    if find_user(email):
        raise AccountRefused(f"There is already an account for {email}.")
    passwords.check_new_password(password, email, name)
    user = User(email=email, role=Role(role), name=name, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user, password, by=None):
    """A new password (an admin's reset): ends every session and lifts any pause."""
    passwords.check_new_password(password, user.email, user.name)
    user.password_hash = hash_password(password)
    user.rotate_session_token()
    throttle.clear(user)
    db.session.flush()
    audit.info("Password reset for %s by %s", user.email, by or "the command line")


def disable_user(user, by=None):
    user.active = False
    user.rotate_session_token()
    db.session.flush()


def enable_user(user, by=None):
    user.active = True
    db.session.flush()


def all_users():
    return db.session.scalars(select(User).order_by(User.role, func.lower(User.email))).all()


def load_user(session_token):
    """Flask-Login's loader: the session holds a token, not an id (see User.session_token)."""
    if not session_token:
        return None
    return db.session.scalar(
        select(User).where(User.session_token == session_token, User.active.is_(True))
    )
