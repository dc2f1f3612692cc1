"""Reference codes: what a young person keeps to check back on a message without an account.

A code is read off a phone screen, copied onto paper or typed from memory, so the alphabet
leaves out every symbol that looks like another: no 0 or O, no 1, I or L, and none of S, B, Z
or V, which pass for 5, 8, 2 and U. Someone who types one of those four anyway is read as
meaning its look-alike. Codes given out before the four were dropped may hold them, so a
typed code is tried as typed too (`readings`). Only a keyed hash of a code is stored, so a copy
of the database does not give anyone a way into the messages.
"""

import hashlib
import hmac
import re
import secrets

ALPHABET = "23456789ACDEFGHJKMNPQRTUWXY"  # 8 digits + 19 letters = 27 symbols
# Read as the symbol they are mistaken for. Only ever in codes given out before 2026-12.
LOOK_ALIKES = {"S": "5", "B": "8", "Z": "2", "V": "U"}
# Never in any code, old or new: named back to the young person, never guessed at.
NEVER_USED = "0O1IL"
LENGTH = 12
GROUP = 3
# 12 symbols from 27 is 12 × log2(27) ≈ 57 bits: above the 50-bit floor we set for a secret
# that guards a message on its own, and a code can still be read out in four short groups.

_ALL_SYMBOLS = ALPHABET + "".join(LOOK_ALIKES)
_LETTERS = frozenset(_ALL_SYMBOLS + _ALL_SYMBOLS.lower())
_FOLD = str.maketrans(LOOK_ALIKES)
# What people put between groups: spaces (a phone's keyboard adds odd ones), dashes of any
# length (autocorrect turns "-" into "–") and dots.
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u2212]+")
# Longer than any sensible typing of a code: give up before doing any work on it.
_LONGEST_TYPED = 64


def new_code() -> str:
    """A fresh code such as 7KQ-M4X-P9T-H82, from the operating system's secure random source:
    one number below 31^12 written in the alphabet's digits, so every code is equally likely
    and the source is asked once (a symbol at a time asked it twelve times, on every form)."""
    number, symbols = secrets.randbelow(len(ALPHABET) ** LENGTH), []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        symbols.append(ALPHABET[digit])
    return _grouped("".join(symbols))


def from_token(form_token: str, key: bytes | str) -> str:
    """The code for one share form, worked out from its random one-time token with the
    server's key: a double tap that sends the form twice gets the same code, and the code is
    kept nowhere (not in the session cookie, which is signed but readable) until it is sent."""
    if isinstance(key, str):
        key = key.encode()
    if not key or not form_token:
        raise ValueError("a key and a form token are needed")
    digest = hmac.new(key, b"form-code:" + form_token.encode(), hashlib.sha256).digest()
    # 256 bits folded into 27^12 (about 2^57): every code as likely as any other, near enough.
    number, symbols = int.from_bytes(digest, "big"), []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(ALPHABET))
        symbols.append(ALPHABET[digit])
    return _grouped("".join(symbols))


def _grouped(symbols):
    return "-".join(symbols[i : i + GROUP] for i in range(0, len(symbols), GROUP))


def readings(typed: str) -> list[str]:
    """Every code the young person may have meant, most literal first: as typed, then with
    look-alikes read as the symbols codes use now. Empty when it cannot be a code."""
    canonical = normalise(typed)
    if canonical is None:
        return []
    folded = canonical.translate(_FOLD)
    return [canonical] if folded == canonical else [canonical, folded]


def what_looks_wrong(typed: str) -> tuple[str, str | int] | None:
    """Why a typed code cannot be one, to tell the young person: ("symbol", the group of three
    as typed) for the first group holding a symbol no code uses, or ("length", how many
    symbols were typed). None when it looks like a code (it may still belong to no message)."""
    if not isinstance(typed, str) or len(typed) > _LONGEST_TYPED:
        return ("length", 0)
    symbols = _SEPARATORS.sub("", typed)
    for place, symbol in enumerate(symbols[: LENGTH + GROUP]):
        if symbol not in _LETTERS:
            start = place - place % GROUP
            return ("symbol", symbols[start : start + GROUP].upper())
    if len(symbols) != LENGTH:
        return ("length", len(symbols))
    return None


def normalise(typed: str) -> str | None:
    """The canonical form (7KQ-M4X-P9T-H82) of what a young person typed, in any case and with
    any spaces, dashes or dots, or None when it cannot be a code.

    Symbols the alphabet leaves out (0, O, 1, I, L) are refused, not guessed at: a guess
    could open someone else's message."""
    if not isinstance(typed, str) or len(typed) > _LONGEST_TYPED:
        return None
    symbols = _SEPARATORS.sub("", typed)
    # Checked before upper-casing: "ß".upper() is "SS", and look-alikes from other scripts
    # (Cyrillic А, full-width ４) must not slip through as Latin letters or digits.
    if len(symbols) != LENGTH or not _LETTERS.issuperset(symbols):
        return None
    return _grouped(symbols.upper())


def code_hash(code: str, key: bytes | str) -> str:
    """The keyed hash (HMAC-SHA256, hex) that is stored instead of the code. Any typing of one
    code gives the same hash. Raises ValueError for something that is not a code."""
    canonical = normalise(code)
    if canonical is None:
        raise ValueError("not a reference code")
    if isinstance(key, str):
        key = key.encode()
    if not key:
        # An empty key would make the hash a plain digest anyone can recompute.
        raise ValueError("a key is needed to hash reference codes")
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


def matches(code: str, stored_hash: str, key: bytes | str) -> bool:
    """Whether a typed code is the one behind `stored_hash`, compared in constant time so the
    time taken says nothing about how much of it was right."""
    if normalise(code) is None or not isinstance(stored_hash, str):
        return False
    return hmac.compare_digest(code_hash(code, key).encode(), stored_hash.encode())
