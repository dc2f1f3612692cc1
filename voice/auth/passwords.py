"""Passwords: hashing, and which new passwords Voice accepts (NCSC guidance, OWASP ASVS 2.1).

Length is what makes a password strong, so there are no rules about digits or symbols and no
expiry; instead a password that is common or easy to guess from the person's own name or
e-mail address is refused, using zxcvbn's estimate.
"""

import re
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from voice.errors import Refused

MIN_LENGTH = 12
MAX_LENGTH = 128
# zxcvbn scores 0-4; 3 is "safely unguessable" against online attacks with throttling.
MIN_SCORE = 3


@lru_cache(maxsize=8)
def _hasher(parameters):
    """A PasswordHasher and a dummy hash made with it. The dummy is checked when no account
    matches, so an unknown e-mail costs the same time as a known one and the response time
    does not tell an attacker which addresses have accounts."""
    made = PasswordHasher(**dict(parameters or ()))
    return made, made.hash("not a real password, only here to spend the same time")


def hasher_for(default):
    """The hasher for `default` settings (None: argon2-cffi's own, RFC 9106's low-memory
    profile), unless ARGON2_PARAMETERS replaces them. Only the test suite sets that, to
    cheap values: argon2 is slow on purpose, and the suite hashes hundreds of passwords."""
    parameters = current_app.config.get("ARGON2_PARAMETERS") or default
    return _hasher(tuple(sorted(parameters.items())) if parameters else None)


class PasswordRefused(Refused, ValueError):
    """A new password Voice will not accept; the message says why, kindly."""


def hash_password(password):
    return hasher_for(None)[0].hash(password)


def matches(password_hash, password):
    """True if the password fits the hash. With no hash (no such account) a dummy one is
    checked, so both cases take the same time."""
    hasher, dummy = hasher_for(None)
    try:
        return hasher.verify(password_hash or dummy, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash):
    return hasher_for(None)[0].check_needs_rehash(password_hash)


def personal_words(email, name):
    """What an attacker who knows the person would try first."""
    local, _, domain = (email or "").partition("@")
    words = [email, local, domain, name, "voice"]
    words += re.split(r"[\W_]+", f"{local} {domain} {name}")
    # Joined up too: zxcvbn splits "samokafor1234" into pieces it only knows whole.
    words += [re.sub(r"[\W_]+", "", w) for w in (local, name)]
    # zxcvbn ranks by position and lower-cases, so keep each word once, at its first place.
    unique = {}
    for word in words:
        if len(word) > 2:
            unique.setdefault(word.lower(), word)
    return list(unique.values())


def check_new_password(password, email="", name=""):
    """Raise PasswordRefused if this password should not be used; return None if it is fine."""
    if len(password) < MIN_LENGTH:
        raise PasswordRefused(f"The password needs at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise PasswordRefused(f"The password can be at most {MAX_LENGTH} characters.")
    # Imported here: only setting a password needs it, not every process that starts Voice.
    from zxcvbn import zxcvbn

    result = zxcvbn(password, user_inputs=personal_words(email, name), max_length=MAX_LENGTH)
    if result["score"] < MIN_SCORE:
        warning = result["feedback"].get("warning") or "It would be easy to guess."
        raise PasswordRefused(
            f"That password is too easy to guess. {warning} Try three or four unrelated "
            "words together, which is long but easy to remember."
        )
