"""The words and letter groups the disclosure model weighs, worked out the same way when it
is trained (voice/disclosure/training.py) and on every message sent, in plain Python.

Letter groups (three to five letters inside a word) are what let the model read spellings
it was never shown: "beleive", "2nite", and Roman Urdu, which has no one spelling ("mujhe",
"mujhay", "mjhe" share most of their groups).
"""

import math
import re
import unicodedata
from functools import lru_cache
from itertools import chain, combinations
from typing import NamedTuple

from voice.submissions.disclosure_lexicon import CONCEPTS, SPELLINGS

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u0640]")  # and the Arabic tatweel
_APOSTROPHES = re.compile("['`\u00b4\u02bc\u2018\u2019\u201b\u2032]")
# Arabic-script vowel marks and other diacritics: most Urdu is typed without them, so a
# message with them must read the same.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Arabic letters an Urdu writer's keyboard may give instead of the Urdu ones.
_URDU_LETTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh → Farsi/Urdu yeh
        "\u0649": "\u06cc",  # alef maksura → yeh
        "\u0643": "\u06a9",  # Arabic kaf → keheh
        "\u0647": "\u06c1",  # Arabic heh → heh goal
        "\u06c0": "\u06c1",  # heh with yeh above → heh goal
        "\u0629": "\u06c1",  # teh marbuta → heh goal
        "\u0623": "\u0627",  # alef with hamza → alef
        "\u0625": "\u0627",
        "\u06d3": "\u06d2",  # yeh barree with hamza → yeh barree
    }
)
_ARABIC_KEYS = re.compile("[" + "".join(map(chr, _URDU_LETTERS)) + "]")
_WORDS = re.compile(r"\w+")
# A letter held down ("pleeease", "dieee") reads as two of it.
# A concept counts as much as half of all the words and letter groups together.
CONCEPT = 0.5
_HELD = re.compile(r"(\D)\1{2,}")
# What `plain` drops, in one pass.
_DROPPED = re.compile(
    "[" + "".join(pattern.pattern[1:-1] for pattern in (_APOSTROPHES, _INVISIBLE, _MARKS)) + "]"
)


def plain(text: str) -> str:
    """One case, one form of each letter, no apostrophes or vowel marks."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MARKS.sub("", _INVISIBLE.sub("", _APOSTROPHES.sub("", text)))
    if _ARABIC_KEYS.search(text):  # translate() is slow, and most messages need none
        text = text.translate(_URDU_LETTERS)
    return _HELD.sub(r"\1\1", text)


def _index(concepts):
    """Each concept's entries sorted for fast look-up: a word beginning (looked up by each
    word's beginnings), a whole word (written with a space after it), or several words
    (looked for in the text)."""
    starts, whole, phrases = {}, {}, []
    for name, entries in concepts.items():
        for entry in entries:
            entry = plain(entry)
            if " " in entry.strip():
                phrases.append((entry.split()[0], " " + entry, name))
            elif entry.endswith(" "):
                whole.setdefault(entry.strip(), set()).add(name)
            else:
                starts.setdefault(entry, set()).add(name)
    return starts, whole, phrases


_STARTS, _WHOLE, _PHRASES = _index(CONCEPTS)
_LONGEST_START = max(map(len, _STARTS))
_ORDER = {name: i for i, name in enumerate(CONCEPTS)}


_SPELLINGS = {plain(written): tuple(plain(read).split()) for written, read in SPELLINGS.items()}


@lru_cache(maxsize=1 << 16)
def _word_concepts(token):
    found = set(_WHOLE.get(token, ()))
    for size in range(1, min(len(token), _LONGEST_START) + 1):
        found.update(_STARTS.get(token[:size], ()))
    return frozenset(found)


def _by_first_word(phrases):
    by_first = {}
    for first, phrase, name in phrases:
        by_first.setdefault(first, []).append((phrase, name))
    return by_first


_PHRASES_BY_FIRST = _by_first_word(_PHRASES)


def concepts(plain_text: str, tokens=None) -> list[str]:
    """The lexicon's concepts in a message already made plain, in the lexicon's order."""
    words = set(plain_text.split() if tokens is None else tokens)
    found = set().union(*map(_word_concepts, words))
    padded = f" {plain_text} "
    # A phrase's first word is a whole word of the message ("held" in "held me down"):
    # only the phrases starting with one of its words are looked for in the whole message.
    for first in words & _PHRASES_BY_FIRST.keys():
        found.update(name for phrase, name in _PHRASES_BY_FIRST[first] if phrase in padded)
    return sorted(found, key=_ORDER.get)


def _phrase_words(phrases):
    """Each phrase by its first word: (the words that follow it, the beginning of the word
    after those, the concept). A phrase is found in words joined by single spaces exactly
    where its first word is one of them, each next word the next one, and its last word the
    beginning of the one after (or nothing, if the phrase ends with a space)."""
    by_first = {}
    for _, phrase, name in phrases:
        first, *middle, last = phrase[1:].split(" ")
        by_first.setdefault(first, []).append((tuple(middle), len(middle), last, name))
    return by_first


_PHRASE_WORDS = _phrase_words(_PHRASES)


def _concepts(tokens, unique):
    """`concepts(" ".join(tokens), unique)`, with each phrase looked for only where its
    first word is, word by word, not through the whole message."""
    found = set().union(*map(_word_concepts, unique))
    firsts = _PHRASE_WORDS.keys() & set(unique)
    if firsts:
        count = len(tokens)
        for at, token in enumerate(tokens):
            if token in firsts:
                for middle, size, last, name in _PHRASE_WORDS[token]:
                    after = at + 1 + size
                    if (
                        name not in found
                        and tuple(tokens[at + 1 : after]) == middle
                        and (not last or (after < count and tokens[after].startswith(last)))
                    ):
                        found.add(name)
    return sorted(found, key=_ORDER.get)


# A word's letter groups are kept for a few thousand words only (each is a dozen strings);
# the model keeps its own sums for many more.
@lru_cache(maxsize=1 << 12)
def word_features(token: str) -> tuple[str, ...]:
    """A word's own features: the word ("w:") and its letter groups ("c:", three to five
    letters, with a space at each end so a word's start and end are groups of their own).
    Worked out once per word: a message is mostly words seen before."""
    padded = f" {token} "
    groups = {
        "c:" + padded[i : i + size] for size in (3, 4, 5) for i in range(len(padded) - size + 1)
    }
    return ("w:" + token, *sorted(groups))


@lru_cache(maxsize=1 << 16)
def _feature_count(token):
    return len(word_features(token))


def pair_feature(pair: tuple[str, str]) -> str:
    """A pair of words as the model names it ("b:my dad"). Words have no spaces in them, so
    each pair has a name of its own."""
    return f"b:{pair[0]} {pair[1]}"


class Parts(NamedTuple):
    words: tuple  # each different word of the message once
    pairs: tuple  # each different pair of words next to each other, once, as (word, word)
    ideas: tuple  # the concepts and pairs of concepts found ("k:")
    scale: float  # what each word, pair or letter group counts for


# What each run of letters between spaces reads as (`_read`), for the runs met most.
_READ = {}
_READ_REMEMBERED = 1 << 14


def _read(written):
    """The words in a run of letters with no space in it ("dieee!!", "2nite"), as the model
    reads them: a held letter read as two, a known spelling as its words."""
    read = _READ.get(written)
    if read is None:
        if len(_READ) >= _READ_REMEMBERED:
            _READ.clear()
        read = _READ[written] = tuple(chain.from_iterable(map(_spelt, _WORDS.findall(written))))
    return read


def _spelt(token):
    token = _HELD.sub(r"\1\1", token)
    return _SPELLINGS.get(token, (token,))


def _words(text):
    """The words of `plain(text)`, each read as the model reads it. The same as taking the
    plain text apart, but quicker: a space is never part of a word, and a held letter is only
    ever inside one word (a run of one letter is all word letters or none), so the text is
    read one run between spaces at a time, and each run once, however often it is met."""
    text = _DROPPED.sub("", unicodedata.normalize("NFKC", text).casefold())
    if _ARABIC_KEYS.search(text):
        text = text.translate(_URDU_LETTERS)
    runs = text.split()
    reads = list(map(_READ.get, runs))
    if None in reads:
        reads = [_read(run) if read is None else read for read, run in zip(reads, runs)]
    return list(chain.from_iterable(reads))


def parts(text: str) -> Parts:
    """A message taken apart the way the model reads it."""
    tokens = _words(text)
    unique = tuple(dict.fromkeys(tokens))
    pairs = tuple(dict.fromkeys(zip(tokens, tokens[1:], strict=False)))
    size = len(pairs) + sum(map(_feature_count, unique))
    present = _concepts(tokens, unique)
    ideas = tuple(
        ["k:" + name for name in present] + [f"k:{a}+{b}" for a, b in combinations(present, 2)]
    )
    return Parts(unique, pairs, ideas, 1 / math.sqrt(size) if size else 0.0)


def features(text: str) -> dict[str, float]:
    """Each word, pair of words and letter group in the message, scaled so a long message
    weighs no more than a short one (a letter group counts once for each different word it is
    in); then each concept and pair of concepts found, at full weight: they carry what the
    corpus taught across wordings. Training reads this; the app sums the same thing faster
    (disclosure_model), one word at a time."""
    found = parts(text)
    result = {}
    for token in found.words:
        for feature in word_features(token):
            result[feature] = result.get(feature, 0.0) + found.scale
    result.update(dict.fromkeys(map(pair_feature, found.pairs), found.scale))
    result.update(dict.fromkeys(found.ideas, CONCEPT))
    return result
