"""Reference codes: easy to read and type back, hard to guess, stored only as a keyed hash."""

import re

import pytest

from voice.submissions.codes import (
    ALPHABET,
    code_hash,
    matches,
    new_code,
    normalise,
    readings,
    what_looks_wrong,
)

KEY = "a key for these tests only"
CODE = "7KQ-M4X-P9T-HB2"
SHAPE = re.compile(r"[2-9AC-HJKMNPQRTUWXY]{3}(-[2-9AC-HJKMNPQRTUWXY]{3}){3}")


def test_the_alphabet_has_no_look_alikes():
    assert len(ALPHABET) == len(set(ALPHABET)) == 27
    assert not set("01ILOSBZV") & set(ALPHABET)


def test_look_alikes_are_read_as_the_symbol_codes_use_after_the_code_as_typed():
    assert readings("7KQ-M4X-P9T-H82") == ["7KQ-M4X-P9T-H82"]
    assert readings("7kq-m4x-p9t-hbz") == ["7KQ-M4X-P9T-HBZ", "7KQ-M4X-P9T-H82"]
    assert readings("SSS-VVV-P9T-H82") == ["SSS-VVV-P9T-H82", "555-UUU-P9T-H82"]
    assert readings("7KQ-M4X-P9T-H8O") == [] and readings(None) == []


@pytest.mark.parametrize(
    "typed, wrong",
    [
        ("7KQ-M4X-P9T-H82", None),
        ("7KQ-M4X-P9T-HBZ", None),  # look-alikes are fine
        ("7KQ-M0X-P9T-H82", ("symbol", "M0X")),
        ("7kq m4x p9t hl2", ("symbol", "HL2")),
        ("7KQ-M4X-P9T-H8", ("length", 11)),
        ("7KQ-M4X-P9T-H82-2", ("length", 13)),
        ("7KQ-M4X-P9T-H8!", ("symbol", "H8!")),
        ("x" * 100, ("length", 0)),
    ],
)
def test_what_looks_wrong_names_the_group_to_look_at_again(typed, wrong):
    assert what_looks_wrong(typed) == wrong


def test_new_codes_are_four_groups_of_three_from_the_alphabet():
    for _ in range(2000):
        code = new_code()
        assert SHAPE.fullmatch(code), code
        assert set(code.replace("-", "")) <= set(ALPHABET)


def test_new_codes_differ_and_use_the_whole_alphabet():
    codes = [new_code() for _ in range(2000)]
    assert len(set(codes)) == len(codes)
    # 24,000 symbols: every one of the 27 turns up unless the source is badly skewed.
    assert set("".join(codes).replace("-", "")) == set(ALPHABET)


def test_every_place_in_a_code_can_hold_every_symbol():
    codes = [new_code().replace("-", "") for _ in range(3000)]
    # ~111 of each symbol per place: a missing one means a place is not drawn from all 27.
    for place in range(12):
        assert {code[place] for code in codes} == set(ALPHABET), place


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ-M4X-P9T-HB2",
        "7kq-m4x-p9t-hb2",
        "7kQ-M4x-p9T-hB2",
        "7KQM4XP9THB2",
        "7kqm4xp9thb2",
        "7KQ M4X P9T HB2",
        "  7KQ-M4X-P9T-HB2  \n",
        "7KQ.M4X.P9T.HB2",
        "7KQ - M4X - P9T - HB2",
        "7KQ–M4X–P9T–HB2",  # en dashes, as autocorrect leaves them
        "7KQ\u00a0M4X\u00a0P9T\u00a0HB2",  # non-breaking spaces from a pasted message
        "7 K Q M 4 X P 9 T H B 2",
        "7KQM-4XP9-THB2",  # grouped wrongly, still the same symbols
    ],
    ids=[
        "canonical",
        "lower case",
        "mixed case",
        "no dashes",
        "lower without dashes",
        "spaces",
        "surrounding whitespace",
        "dots",
        "spaced dashes",
        "en dashes",
        "non-breaking spaces",
        "a space between every symbol",
        "grouped in fours",
    ],
)
def test_normalise_accepts_what_people_type(typed):
    assert normalise(typed) == CODE


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "---",
        None,
        42,
        b"7KQ-M4X-P9T-HB2",
        "7KQ-M4X-P9T-HB",  # one short
        "7KQ-M4X-P9T-HB22",  # one over
        "7KQ-M4X-P9T-HB2-7KQ",
        "0KQ-M4X-P9T-HB2",  # zero
        "OKQ-M4X-P9T-HB2",  # letter O
        "1KQ-M4X-P9T-HB2",  # one
        "IKQ-M4X-P9T-HB2",  # letter I
        "LKQ-M4X-P9T-HB2",  # letter L
        "lKQ-M4X-P9T-HB2",  # lower-case l
        "7KQ_M4X_P9T_HB2",
        "7KQ/M4X/P9T/HB2",
        "7KQ-M4X-P9T-HB2!",
        "7KQ-M4X-P9T-НВ2",  # Cyrillic Н and В
        "7KQ-M4X-P9T-HB２",  # full-width 2
        "７KQ-M4X-P9T-HB2",  # full-width 7
        "7KQ-M4X-P9T-Hß",  # "ß".upper() is "SS"
        "7KQ-M4X-P9T-H\u200bB2",  # zero-width space
        "7KQ-M4X-P9T-HB2" * 1000,
        "A" * 1_000_000,
        "7KQ-M4X-P9T-HB2\x00",
        "🙂🙂🙂-🙂🙂🙂-🙂🙂🙂-🙂🙂🙂",
    ],
    ids=[
        "empty",
        "blank",
        "dashes only",
        "none",
        "a number",
        "bytes",
        "too short",
        "too long",
        "five groups",
        "zero",
        "letter o",
        "one",
        "letter i",
        "letter l",
        "lower-case l",
        "underscores",
        "slashes",
        "punctuation",
        "cyrillic look-alikes",
        "full-width digit",
        "full-width first digit",
        "german sharp s",
        "zero-width space",
        "repeated",
        "a megabyte",
        "nul byte",
        "emoji",
    ],
)
def test_normalise_refuses_what_cannot_be_a_code(typed):
    assert normalise(typed) is None


def test_normalise_gives_back_new_codes_unchanged():
    for _ in range(200):
        code = new_code()
        assert normalise(code) == code
        assert normalise(code.lower().replace("-", " ")) == code


def test_the_hash_is_hex_sha256_and_stable_for_one_key():
    stored = code_hash(CODE, KEY)
    assert re.fullmatch(r"[0-9a-f]{64}", stored)
    assert code_hash(CODE, KEY) == stored
    assert code_hash(CODE, KEY.encode()) == stored
    assert CODE not in stored and CODE.replace("-", "").lower() not in stored


def test_the_hash_differs_across_keys_and_codes():
    assert code_hash(CODE, KEY) != code_hash(CODE, "another key")
    assert code_hash(CODE, KEY) != code_hash("7KQ-M4X-P9T-HB3", KEY)


@pytest.mark.parametrize("typed", ["7kqm4xp9thb2", " 7KQ M4X P9T HB2 ", "7kq.m4x.p9t.hb2"])
def test_every_typing_of_a_code_has_the_same_hash(typed):
    assert code_hash(typed, KEY) == code_hash(CODE, KEY)


@pytest.mark.parametrize(
    "code, key",
    [("0KQ-M4X-P9T-HB2", KEY), (None, KEY), (CODE, ""), (CODE, b"")],
    ids=["not a code", "none", "empty key", "empty bytes key"],
)
def test_the_hash_refuses_non_codes_and_empty_keys(code, key):
    with pytest.raises(ValueError):
        code_hash(code, key)


def test_matches_checks_a_typed_code_against_the_stored_hash():
    stored = code_hash(CODE, KEY)
    assert matches("7kq m4x p9t hb2", stored, KEY)
    assert not matches("7KQ-M4X-P9T-HB3", stored, KEY)
    assert not matches(CODE, stored, "another key")
    assert not matches("not a code", stored, KEY)
    assert not matches(None, stored, KEY)
    assert not matches(CODE, None, KEY)
    assert not matches(CODE, "", KEY)
    assert not matches(CODE, "é" * 64, KEY)
