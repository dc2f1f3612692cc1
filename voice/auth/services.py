"""Rules for staff accounts. Plain functions taking model objects and the acting user (`by=`);
they change state and flush, and the caller commits (indico's operations.py)."""
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from voice.auth.models import Role, User
from voice.clock import utcnow
from voice.extensions import db

_hasher = PasswordHasher()
# Checked when no account matches, so an unknown e-mail costs the same time as a known one
# and the response time does not tell an attacker which addresses have accounts.
_DUMMY_HASH = _hasher.hash("not a real password, only here to spend the same time")


class SignInRefused(Exception):
    """Sign-in did not succeed; the message is safe to show."""


WRONG_DETAILS = "The e-mail address or password is not right. Check them and try again."
ACCOUNT_OFF = ("This account has been switched off. If you still need it, ask your "
               "Voice admin to switch it back on.")


def normalise_email(email):
    return (email or "").strip().lower()


def find_user(email):
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def hash_password(password):
    return _hasher.hash(password)


def password_matches(user, password):
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(email, password):
    """Return the user these details belong to, or raise SignInRefused."""
    user = find_user(email)
    if not password_matches(user, password) or user is None:
        raise SignInRefused(WRONG_DETAILS)
    # Only someone who knows the password learns that the account is switched off.
    if not user.active:
        raise SignInRefused(ACCOUNT_OFF)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_sign_in_at = utcnow()
    db.session.flush()
    return user


def sign_out(user):
    """End every session this user has, not just the one in this browser."""
    user.rotate_session_token()
    db.session.flush()


def create_user(email, role, password, name="", by=None):
    email = normalise_email(email)
    if find_user(email):
        raise ValueError(f"There is already an account for {email}.")
    user = User(email=email, role=Role(role), name=name, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user, password, by=None):
    user.password_hash = hash_password(password)
    user.rotate_session_token()
    db.session.flush()


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
