"""Signs of harm in what a young person writes: the phrase list (disclosure_phrases.py, each
phrase with why it is there) and a model trained on a labelled corpus (disclosure_model.py),
together. `assess` gives one verdict: strong (held for the safeguarding lead), weak (first
in the workers' queue, read today) or none. The check only ever makes a message be read
sooner: a person still reads every message. README, "The disclosure check", has the method
and its measured recall.
"""

import enum
import re
import unicodedata
from functools import partial
from typing import NamedTuple

from voice.submissions import disclosure_model
from voice.submissions.disclosure_features import parts
from voice.submissions.disclosure_gate import (
    may_match_one,
    needs,
    needs_one_of,
    starts_with_letters,
)
from voice.submissions.disclosure_kinds import CATEGORY_KINDS
from voice.submissions.disclosure_phrases import FRAGMENTS, PHRASES


class Sign(NamedTuple):
    category: str
    # The pattern as written in disclosure_phrases, never the young person's own words: a sign
    # is shown to and logged for staff who should not see the message because of it.
    phrase: str


# Invisible letters and apostrophes are dropped, in one pass.
_DROPPED = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff'`\u00b4\u02bc\u2018\u2019\u201b\u2032]")
# Dashes are spaces, and every run of spaces (and dashes) one space. A single space is most
# of them and is left as it is, rather than replaced by itself hundreds of times.
_DASHES = "\\-\u2010-\u2015\u2212"
_GAPS = re.compile(f"[\\s{_DASHES}]{{2,}}|[^\\S ]|[{_DASHES}]")
_PLACEHOLDER = re.compile(r"<[a-z]+>")


def _expand(pattern):
    for placeholder, fragment in FRAGMENTS.items():
        pattern = pattern.replace(placeholder, fragment)
    # An unknown placeholder would otherwise be looked for as literal text and never match.
    if _PLACEHOLDER.search(pattern):
        raise ValueError(f"unknown placeholder in disclosure phrase: {pattern}")
    return pattern


def _compile(pattern):
    """A function telling whether `pattern` matches a plain message at the start of a word.

    Whole words only, so "cut" never matches "haircut" nor "rape" "grape": the end here,
    the start in _found. A pattern that begins with its own letters (no look-behind first,
    no IGNORECASE: _plain has already made the message lower case) lets Python's regular
    expressions skip straight to where those letters are instead of trying every letter.
    One that does not (it starts with a choice of groups, or a look-behind) is tried only
    where a word starts: after a letter that is not part of a word, or at the very start."""
    check = re.compile(rf"(?:{_expand(pattern)})(?!\w)")
    if starts_with_letters(check.pattern):
        return partial(_found, check)
    after_gap = re.compile(rf"[^\w]{check.pattern}")
    return lambda text: check.match(text) is not None or after_gap.search(text) is not None


def _found(check, text):
    """Whether `check` matches `text` at the start of a word."""
    at = 0
    while (match := check.search(text, at)) is not None:
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"):
            return True
        at = start + 1
    return False


# A phrase that starts with a person ("<who> ... hits me") is slow to look for at every
# letter of a long message; what follows the person is quick to look for and must be there
# for the whole phrase to match, so it is looked for first.
_PERSON_FIRST = "<who> (?:\\w+ )?"


def _gate(pattern):
    return _compile(pattern.replace(_PERSON_FIRST, "")) if _PERSON_FIRST in pattern else None


# Compiled once, at import: the check runs on every message sent. Each phrase is looked for
# only in a message with the plain text any match of it needs (disclosure_gate).
def _needs(pattern):
    expanded = _expand(pattern)
    return needs_one_of(expanded) or (needs(expanded),)


_CHECKS = [
    (phrase, _needs(phrase.pattern), _compile(phrase.pattern), _gate(phrase.pattern))
    for phrase in PHRASES
]


def _plain(text):
    """The message as the patterns expect it: one case, one kind of letter (full-width and
    other compatibility forms folded), no apostrophes, dashes as spaces, single spaces."""
    return _GAPS.sub(" ", _DROPPED.sub("", unicodedata.normalize("NFKC", text).casefold()))


def _matching(text):
    if not isinstance(text, str) or not text.strip():
        return
    text = _plain(text)
    seen = {}
    for phrase, texts, check, gate in _CHECKS:
        if may_match_one(texts, text, seen) and (gate is None or gate(text)) and check(text):
            yield phrase


def find_signs(text: str) -> list[Sign]:
    """Every phrase in the message that points to harm, one Sign per phrase, in list order."""
    return [Sign(phrase.category, phrase.pattern) for phrase in _matching(text)]


class Strength(str, enum.Enum):
    """How sure the check is. A strong sign holds the message for the safeguarding lead; a
    weak one leaves it with the workers but puts it first in their queue, marked "read today".
    Both show the young person where to get help now."""

    NONE = "none"
    WEAK = "weak"
    STRONG = "strong"


class Assessment(NamedTuple):
    strength: Strength
    # The kind of harm the check saw most (a category name), for the lead; None when none.
    kind: str | None
    # What weighed most, as patterns or model features, never quoted from the message itself.
    reasons: tuple[str, ...] = ()


def assess(text: str, model=None) -> Assessment:
    """The check's verdict on one message: the one function callers use.

    A phrase from the list is a strong sign. Otherwise the model's score decides: at or
    above its strong threshold a strong sign (if the message has a few words), at or above
    its weak one a weak sign. The
    thresholds were chosen when it was trained (README, The disclosure check). `model` is
    the shipped one unless cross-validation passes one trained on part of the corpus."""
    if not isinstance(text, str) or not text.strip():
        return Assessment(Strength.NONE, None)
    model = model or disclosure_model.shipped()
    signs = find_signs(text)
    found = parts(text)
    weighing = model.weigh(found)
    risk = weighing.risk
    if signs or (risk >= model.thresholds["strong"] and _long_enough(text)):
        strength = Strength.STRONG
    elif risk >= model.thresholds["weak"]:
        strength = Strength.WEAK
    else:
        return Assessment(Strength.NONE, None)
    # Which kind, and why, only for a message with a sign: most messages need neither.
    score = model.score(text, found=found, weighing=weighing)
    phrases = tuple(f"phrase: {_WHY[sign.phrase]}" for sign in signs)
    return Assessment(strength, _kind(signs, score), phrases + score.reasons)


# The model alone may hold a message for the lead only when it has a few words to go on: on
# one or two words ("Something else", a topic's name) its score rests on a single feature.
# A shorter message it scores that high is a weak sign: workers read it first, today.
MODEL_STRONG_FROM_WORDS = 4


def _long_enough(text):
    return len(text.split()) >= MODEL_STRONG_FROM_WORDS


_WHY = {phrase.pattern: phrase.why for phrase in PHRASES}


def _kind(signs, score):
    """The kind the model thinks most likely, among those the first phrase found can mean."""
    if not signs:
        return score.kind
    candidates = CATEGORY_KINDS[signs[0].category]
    return max(candidates, key=lambda kind: score.kinds.get(kind, 0.0))


def shows_risk(text: str) -> bool:
    """Whether the message should be held for the safeguarding lead: a strong sign."""
    if any(True for _ in _matching(text)):
        return True
    return assess(text).strength is Strength.STRONG
