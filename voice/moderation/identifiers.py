"""Spots words that might identify a young person, so the worker's eye goes to them first.
It only highlights: the worker decides what to take out of the shared version."""

import re

import phonenumbers

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Full and partial UK postcodes: "BL9 0EJ", "bl9 0ej", "M1".
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})\b", re.IGNORECASE)
CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?(?: [A-Z][a-z]+)*\b")
# Capitalised words that are almost never a name in what young people write.
NOT_NAMES = frozenset(
    """
I I'm I'd I've I'll Im Id Ive Mum Dad Nan Nana Grandad Gran Miss Sir Mr Mrs Ms Dr
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Christmas Easter Halloween
The A An And But Or So If When Why What Who How Where My Me We Our You Your They Their It
This That These Those Please Thanks Thank Hi Hello Yes No Can Could Would Should Will Is Are
Was Were Do Does Did Not Also Just Because Every Some All Nobody Everyone Nothing Sometimes
GCSE GCSEs PEP CAMHS PA Council School College Voice
""".split()
)


_STREET_WORDS = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Grove|Place|Terrace|"
    "Court|Gardens|Walk|Row|Square|Mews|Park|Fold|Brow|Croft|Parade"
)
# "12 Oak Street", "Mill Lane", "12a bury old road" (lower case only after a house number).
STREET = re.compile(
    rf"\b(?:\d{{1,4}}[A-Za-z]?,?\s+)?(?:[A-Z][a-z']+\s+){{1,3}}(?:{_STREET_WORDS})\b"
    rf"|\b\d{{1,4}}[a-z]?\s+(?:[a-z']+\s+){{1,3}}(?:{_STREET_WORDS.lower()})\b"
)
# "Elton High", "St Mary's Primary", "Bury Grammar School", "Park View Academy".
SCHOOL = re.compile(
    r"\b(?:St\.?\s+)?(?:[A-Z][a-z']+\s+){1,4}"
    r"(?:High|Primary|Grammar|Academy|School|College|Juniors|Infants)(?:\s+School)?\b"
)
# What the shared version starts with in place of each detail (what an officer reads).
PLACEHOLDERS = {
    "e-mail": "[email]",
    "phone number": "[phone]",
    "postcode": "[postcode]",
    "street": "[street]",
    "school": "[school]",
    "name or place": "[name]",
}
# The surest kinds first: a street or school is also a run of capitalised words.
_FIRST = {kind: rank for rank, kind in enumerate(PLACEHOLDERS)}


def find(text):
    """[(start, end, kind)] sorted and not overlapping; kind is a short label for the worker."""
    spans = [(m.start(), m.end(), "e-mail") for m in EMAIL.finditer(text)]
    spans += [(m.start, m.end, "phone number") for m in phonenumbers.PhoneNumberMatcher(text, "GB")]
    spans += [(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]
    spans += [(m.start(), m.end(), "street") for m in STREET.finditer(text)]
    spans += [(m.start(), m.end(), "school") for m in SCHOOL.finditer(text)]
    spans += [
        (m.start(), m.end(), "name or place")
        for m in CAPITALISED.finditer(text)
        if m.group() not in NOT_NAMES and not _starts_sentence(text, m.start())
    ]
    return _without_overlaps(spans)


def _starts_sentence(text, start):
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def _without_overlaps(spans):
    kept = []
    for span in sorted(spans, key=lambda s: (_FIRST[s[2]], s[0], s[0] - s[1])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def replaced(text):
    """The text with every highlighted detail swapped for its placeholder ("[name]"): where
    the shared version starts, so nothing identifying reaches an officer by default."""
    pieces, position = [], 0
    for start, end, kind in find(text):
        pieces += [text[position:start], PLACEHOLDERS[kind]]
        position = end
    return "".join(pieces) + text[position:]


def still_in(shared, source):
    """[(detail, kind)] highlighted in `source` and still in the shared version, in order,
    once each. Whole words, any case: "sam" is still Sam."""
    left = {}
    for start, end, kind in find(source):
        detail = source[start:end]
        if any(_whole(part, shared or "") for part in _parts(detail, kind)):
            left.setdefault(detail, kind)
    return list(left.items())


def _parts(detail, kind):
    """The detail, and the pieces of it that identify on their own: "Oak Street" from
    "12 Oak Street", "Jones" from "Sam Jones"."""
    yield detail
    if kind == "street":
        yield re.sub(r"^\d+[A-Za-z]?,?\s+", "", detail)
    if kind == "name or place":
        yield from (word for word in detail.split() if len(word) > 2 and word not in NOT_NAMES)


def _whole(part, text):
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, part.split())) + r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def segments(text):
    """The text cut into [(piece, kind or None)], for a template to mark up (and escape)."""
    pieces, position = [], 0
    for start, end, kind in find(text):
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], kind))
        position = end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces
