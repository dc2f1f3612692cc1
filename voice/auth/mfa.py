"""Two-step sign-in: after the password, a code from an authenticator app (TOTP, RFC 6238),
or one of ten recovery codes for when the phone is lost. Every staff role uses it.

Each code works once: the newest time-step used is kept on the user's row, and a code from
that step or an older one is refused, so a code seen over someone's shoulder is no use.
"""

import logging
import re
import secrets
from datetime import UTC

import pyotp
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, select, update

from voice import clock
from voice.auth import throttle
from voice.auth.models import RecoveryCode, User
from voice.auth.passwords import hasher_for
from voice.errors import Refused
from voice.extensions import db, spend_once

audit = logging.getLogger("voice.audit")

ISSUER = "Voice"  # the name the authenticator app shows next to the code
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: easy to copy from paper. Ten of these carry about 50 bits.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# Recovery codes are random, not chosen by people, so OWASP's minimum argon2id settings are
# plenty; the password settings would make checking ten of them take over a second.
RECOVERY_HASH = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}


def _recovery_hasher():
    return hasher_for(RECOVERY_HASH)[0]


WRONG_CODE = (
    "That code is not right, or it has been used already. Type the code your app "
    "shows now. After too many tries, signing in is paused for a while to keep the "
    "account safe."
)
WRONG_SETUP_CODE = (
    "That code is not right. Check that you added the key shown on this page, "
    "then type the code your app shows now."
)
WRONG_RECOVERY_CODE = (
    "That recovery code is not right, or it has been used already. "
    "Each one works once. After too many tries, signing in is paused for a "
    "while to keep the account safe."
)


class CodeRefused(Refused):
    """The code did not let the person in; the message is safe to show."""


def ensure_secret(user):
    """Give a person who has not set up their app a secret to set it up with. It is kept
    until they finish, so the page can be reloaded without scanning again."""
    if not user.mfa_enrolled and not user.mfa_secret:
        user.mfa_secret = pyotp.random_base32()


def enrol(user, secret=None):
    """Mark two-step sign-in as set up without the enrolment page (demo accounts, tests)."""
    user.mfa_secret = secret or user.mfa_secret or pyotp.random_base32()
    user.mfa_enrolled_at = clock.utcnow()
    db.session.flush()


def current_code(user):
    """The code the person's authenticator app shows now (for `flask demo code` only)."""
    return pyotp.TOTP(user.mfa_secret).at(clock.utcnow().replace(tzinfo=UTC))


def _clean(code):
    return re.sub(r"[\s-]", "", code or "").lower()


def _matching_step(secret, code):
    """The time-step this code belongs to, or None. One step either side is allowed, for a
    phone whose clock is a little out or a code typed as it changed."""
    if not re.fullmatch(r"[0-9]{6}", code):
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(clock.utcnow().replace(tzinfo=UTC))
    for step in (now_step - 1, now_step, now_step + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _claim_step(user, step):
    """Record `step` as used. One conditional UPDATE, so that two workers handed the same
    code at the same moment cannot both accept it."""
    result = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.mfa_last_step.is_(None), User.mfa_last_step < step))
        .values(mfa_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(user, ["mfa_last_step"])
    return result.rowcount == 1


def _code_accepted(user, code):
    step = _matching_step(user.mfa_secret, _clean(code))
    return step is not None and _claim_step(user, step)


def check_code(user, code):
    """The second step with the app's code. Wrong or reused codes count as failures; a
    valid code is accepted even while the account is paused (voice/auth/throttle.py)."""
    if not _code_accepted(user, code):
        throttle.record_failure(user)
        raise CodeRefused(WRONG_CODE)


def confirm_enrolment(user, code):
    """Finish setting up: the first code proves the app holds the secret. Returns the new
    recovery codes in plain text, which exist nowhere else and are shown only once.
    A wrong code here is not counted: the person has the password and sees the secret."""
    if not _code_accepted(user, code):
        raise CodeRefused(WRONG_SETUP_CODE)
    user.mfa_enrolled_at = clock.utcnow()
    audit.info("Two-step sign-in set up by %s", user.email)
    return new_recovery_codes(user)


def new_recovery_code():
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def new_recovery_codes(user):
    """Replace any earlier recovery codes with ten new ones; return them in plain text."""
    codes = [new_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    user.recovery_codes = [
        RecoveryCode(code_hash=_recovery_hasher().hash(_clean(code))) for code in codes
    ]
    db.session.flush()
    return codes


def _unused_codes(user):
    return db.session.scalars(
        select(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    ).all()


def _hash_matches(code_hash, code):
    try:
        return _recovery_hasher().verify(code_hash, code)
    except (VerificationError, InvalidHashError):
        return False


def use_recovery_code(user, code):
    """The second step with a recovery code. Returns how many unused codes are left."""
    unused = _unused_codes(user)
    match = next((c for c in unused if _hash_matches(c.code_hash, _clean(code))), None)
    if match is None or not spend_once(match):
        throttle.record_failure(user)
        raise CodeRefused(WRONG_RECOVERY_CODE)
    audit.info("Recovery code used by %s; %s left", user.email, len(unused) - 1)
    return len(unused) - 1


def reset(user, by=None):
    """An admin's MFA reset (a lost phone): the person sets it up again at their next sign-in,
    and every session they have ends now."""
    user.mfa_secret = None
    user.mfa_enrolled_at = None
    user.mfa_last_step = None
    user.recovery_codes = []
    user.rotate_session_token()
    db.session.flush()
    audit.info("Two-step sign-in reset for %s by %s", user.email, by or "the command line")


def setup_details(user):
    """What the set-up page shows: the QR code as an SVG data URI (img-src allows data:, and
    nothing is fetched from another site), the same link for a phone, and the key as text."""
    import segno  # only the set-up page draws a QR code; every other process is spared it

    uri = pyotp.TOTP(user.mfa_secret).provisioning_uri(name=user.email, issuer_name=ISSUER)
    qr = segno.make(uri, error="m")
    return {
        "qr_src": qr.svg_data_uri(scale=5, border=4),
        "qr_size": qr.symbol_size(scale=5, border=4)[0],
        "otpauth_uri": uri,
        "setup_key": spaced(user.mfa_secret),
    }


def spaced(secret):
    """The key in groups of four, easier to read and type; apps ignore the spaces."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def check_code_or_recovery_code(user, code):
    """For the one-form sign-in a pause allows: six digits are an app code, else a recovery
    code. Wrong ones count as failures."""
    cleaned = re.sub(r"\s", "", code or "")
    if cleaned.isdigit() and len(cleaned) == 6:
        check_code(user, cleaned)
    else:
        use_recovery_code(user, cleaned)
