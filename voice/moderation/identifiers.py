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


def find(text):
    """[(start, end, kind)] sorted and not overlapping; kind is a short label for the worker."""
    spans = [(m.start(), m.end(), "e-mail") for m in EMAIL.finditer(text)]
    spans += [(m.start, m.end, "phone number") for m in phonenumbers.PhoneNumberMatcher(text, "GB")]
    spans += [(m.start(), m.end(), "postcode") for m in POSTCODE.finditer(text)]
    spans += [
        (m.start(), m.end(), "name or place")
        for m in CAPITALISED.finditer(text)
        if m.group() not in NOT_NAMES and not _starts_sentence(text, m.start())
    ]
    return _without_overlaps(sorted(spans))


def _starts_sentence(text, start):
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def _without_overlaps(spans):
    kept = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


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
