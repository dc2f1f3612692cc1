"""What makes the disclosure check quick must not change what it finds: the phrase list's
gates (disclosure_gate) and the model's per-word sums give the same verdicts as the plain,
slow way of working them out."""

import csv
import math
import random
import re
import unicodedata
from pathlib import Path

import pytest

from voice.submissions import disclosure
from voice.submissions.disclosure_features import CONCEPT, features, parts
from voice.submissions.disclosure_gate import may_match, may_match_one, needs, needs_one_of
from voice.submissions.disclosure_model import shipped
from voice.submissions.disclosure_phrases import PHRASES

MODEL = shipped()

TRAIN = Path(__file__).parent / "disclosure_corpus" / "train.tsv"


def _training_texts():
    with open(TRAIN, encoding="utf-8", newline="") as file:
        return [row["text"] for row in csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _messages():
    """Training messages, and long messages made of their words in a random order, where
    phrases can be found in places no one wrote them."""
    texts = _training_texts()
    words = " ".join(texts).split()
    mixer = random.Random(14)
    texts += [" ".join(mixer.choices(words, k=mixer.randint(3, 400))) for _ in range(300)]
    return texts


# The phrase list as it was first looked for: every pattern at every letter.
_SLOW = [
    re.compile(rf"(?<!\w)(?:{disclosure._expand(p.pattern)})(?!\w)", re.IGNORECASE) for p in PHRASES
]


def test_the_quick_phrase_search_finds_exactly_what_the_slow_one_does():
    for text in _messages():
        plain = disclosure._plain(text)
        slow = [p.pattern for p, check in zip(PHRASES, _SLOW, strict=True) if check.search(plain)]
        assert [sign.phrase for sign in disclosure.find_signs(text)] == slow, text


@pytest.mark.parametrize(
    "pattern, text, found",
    [
        ("hits (?:me|us)", "he hits me", True),
        ("hits (?:me|us)", "that song is a hit", False),
        ("(?:carry|carrying) a (?:knife|blade)", "i carry a blade", True),
        ("(?:carry|carrying) a (?:knife|blade)", "i carry a bag", False),
    ],
)
def test_a_gate_lets_through_only_messages_with_the_text_a_match_needs(pattern, text, found):
    assert may_match(needs(pattern), text, {}) is found


def test_a_pattern_with_no_plain_text_is_always_tried():
    assert needs(r"\w+ \w+") is None
    assert may_match(None, "anything", {})


_CHOICE = r"(?:dont|never) feel safe|feel (?:unsafe|in danger)"


@pytest.mark.parametrize(
    "text, found, found_by_any_word",
    [
        ("i dont feel safe", True, True),
        ("i feel unsafe", True, True),
        ("dont feel bad about the unsafe bridge", True, True),  # the pattern decides
        # A word of one choice is there, but no choice has all it needs: nothing is tried.
        ("the ice is unsafe, i dont go on it", False, True),
        ("i feel fine, the bus is late", False, False),
    ],
)
def test_a_choice_of_phrases_is_tried_only_if_one_choice_has_all_it_needs(
    text, found, found_by_any_word
):
    choices = needs_one_of(_CHOICE)
    assert len(choices) == 2
    assert may_match_one(choices, text, {}) is found
    # Asking only for a word of any choice (`needs`) lets more through.
    assert may_match(needs(_CHOICE), text, {}) is found_by_any_word


def test_a_choice_that_needs_nothing_leaves_the_choices_to_the_pattern():
    assert needs_one_of(r"kills? me|\w+ \w+") is None
    assert needs_one_of(r"hits (?:me|us)") is None


def _slow_risk(text):
    """The model's risk summed feature by feature, as training reads a message."""
    found = features(text)
    disclosure = MODEL._risk_bias + sum(v * MODEL._risk.get(f, 0.0) for f, v in found.items())
    totals = list(MODEL._kind_bias)
    for feature, value in found.items():
        row = MODEL._kind.get(feature, [])
        for i in range(0, len(row), 2):
            totals[row[i]] += value * row[i + 1]
    exps = [math.exp(t - max(totals)) for t in totals]
    ordinary = exps[MODEL._kind_names.index("ordinary")] / sum(exps)
    return MODEL._mix * (1 - ordinary) + (1 - MODEL._mix) / (1 + math.exp(-disclosure))


def test_the_models_quick_sum_is_the_sum_of_its_weights():
    # Training learns from `features`; the app sums the same weights one word at a time.
    for text in _messages()[::7]:
        assert MODEL.risk(parts(text)) == pytest.approx(_slow_risk(text), abs=1e-9)


def test_the_kinds_model_has_its_say_in_the_risk():
    # Both models weigh every message: a mix of 0 would leave the kinds model out unseen.
    assert 0 < MODEL._mix < 1
    assert "ordinary" in MODEL._kind_names


def test_a_phrase_is_found_at_the_start_after_any_gap_and_never_inside_a_word():
    # Patterns that Python cannot skip to are tried only where a word starts: at the very
    # start, or after any letter that is not part of a word. Glued to a word, never.
    disclosures = [text for text in _training_texts() if disclosure.find_signs(text)][::5]
    for text in disclosures:
        for before in ("", "(", ". ", "\u00bf", "x", "_", "7", "\u0628"):
            plain = disclosure._plain(before + text)
            slow = [
                p.pattern for p, check in zip(PHRASES, _SLOW, strict=True) if check.search(plain)
            ]
            found = [sign.phrase for sign in disclosure.find_signs(before + text)]
            assert found == slow, (before, text)


@pytest.mark.parametrize(
    "text",
    [
        "pleeeease dont tell   mum, she hiiits me!!! ___ 1111 aaa2aaa",
        "I\u2019m sooooo tired of everythinggg\u00ad... 2nite nhi mujhay",
        "\u0645\u064e\u062c\u06be\u0640\u06d2 \u0645\u0627\u0631\u062a\u0627 \u06c1\u06d2 \u064a\u064a\u064a\u064a \u0643\u0643",
        "\uff28\uff29\uff34\uff33 me \u2014 self-harm, cutt\u200bing",
        "tabs\tand\nlines\u00a0and\u3000wide\x1cspaces\u2028too,   ok?! x_y __ nai",
    ],
)
def test_reading_the_words_one_at_a_time_is_reading_the_plain_text(text):
    from voice.submissions import disclosure_features as found

    slow = [
        word
        for token in found._WORDS.findall(found.plain(text))
        for word in found._SPELLINGS.get(token, (token,))
    ]
    assert found._words(text) == slow


def _totals_feature_by_feature(found):
    """The kinds model's totals as they were first worked out: each word's weights, then
    each pair's and idea's added one at a time."""
    words = [MODEL._weighed(word)[1] for word in found.words]
    if words:
        totals = [
            bias + found.scale * sum(column)
            for bias, column in zip(MODEL._kind_bias, zip(*words, strict=True), strict=True)
        ]
    else:
        totals = list(MODEL._kind_bias)
    pairs = [f"b:{a} {b}" for a, b in found.pairs]
    for named, value in ((pairs, found.scale), (found.ideas, CONCEPT)):
        for feature in named:
            row = MODEL._kind.get(feature) or []
            for i in range(0, len(row), 2):
                totals[row[i]] += value * row[i + 1]
    return totals


def test_the_kinds_totals_are_exactly_those_added_one_feature_at_a_time():
    # Not nearly: to the last bit, so no verdict or kind can change with the way they are summed.
    for text in _messages()[::5]:
        found = parts(text)
        assert MODEL.weigh(found).totals == _totals_feature_by_feature(found), text


def test_the_heaviest_features_are_those_a_full_sort_gives_even_with_ties():
    from voice.submissions.disclosure_model import _RANKED, _heaviest

    mixer = random.Random(3)
    for size in (0, 5, _RANKED, _RANKED + 1, 400):
        contributions = {f"w:{i}": mixer.choice([0.5, 0.25, 0.125, 1.0]) for i in range(size)}
        ranked = sorted(contributions.items(), key=lambda item: (-item[1], item[0]))[:_RANKED]
        assert _heaviest(contributions) == [feature for feature, _ in ranked]


def _plain_step_by_step(text):
    """disclosure._plain as it was first written: one change at a time."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub("['`\u00b4\u02bc\u2018\u2019\u201b\u2032]", "", text)
    text = re.sub("[\u00ad\u200b-\u200f\u2060\ufeff]", "", text)
    return re.sub(r"\s+", " ", re.sub("[-\u2010-\u2015\u2212]", " ", text))


def test_the_plain_message_is_the_same_as_made_one_change_at_a_time():
    mixer = random.Random(5)
    letters = " \t\n\r-\u2014\u2212\u00a0\u3000\u200b\u00ad'\u2019`abc\uff21_1."
    texts = _training_texts()[::9] + [
        "".join(mixer.choice(letters) for _ in range(mixer.randint(0, 40))) for _ in range(2000)
    ]
    for text in texts:
        assert disclosure._plain(text) == _plain_step_by_step(text), repr(text)


def test_the_lexicons_phrases_are_found_word_by_word_as_in_the_whole_text():
    from voice.submissions import disclosure_features as found

    phrase_words = [word for _, phrase, _ in found._PHRASES for word in phrase.split()]
    cut_short = [word[: len(word) // 2 + 1] + "x" for word in phrase_words]  # "held" → "helx"
    longer = [word + "ing" for word in phrase_words]  # "worker at" is in "worker attack"
    words = phrase_words * 3 + cut_short + longer + " ".join(_training_texts()).split()[:3000]
    mixer = random.Random(8)
    sequences = [
        [mixer.choice(words) for _ in range(mixer.randint(0, 12))] for _ in range(5000)
    ] + [phrase.split() for _, phrase, _ in found._PHRASES]  # a phrase ending the message
    sequences += [(phrase + "ing").split() for _, phrase, _ in found._PHRASES]
    for tokens in sequences:
        tokens = [word for token in tokens for word in found._WORDS.findall(token)]
        unique = tuple(dict.fromkeys(tokens))
        assert found._concepts(tokens, unique) == found.concepts(" ".join(tokens), unique)


def test_without_pythons_private_parser_every_phrase_is_tried_and_finds_the_same(monkeypatch):
    """The gates read Python's private re._parser; a Python without it must still find every
    phrase (each one is then tried on every message), never fail to start or miss one."""
    from voice.submissions import disclosure_gate

    for name in ("parser", "compiler", "codes"):
        monkeypatch.setattr(disclosure_gate, name, None)
    assert needs("hits (?:me|us)") is None and needs_one_of("a+b|cd") is None
    assert disclosure_gate.starts_with_letters("hits me")
    checks = [
        (
            p,
            disclosure._needs(p.pattern),
            disclosure._compile(p.pattern),
            disclosure._gate(p.pattern),
        )
        for p in PHRASES
    ]
    assert all(gate == (None,) for _, gate, _, _ in checks)
    monkeypatch.setattr(disclosure, "_CHECKS", checks)
    for text in _messages()[::10]:
        plain = disclosure._plain(text)
        slow = [p.pattern for p, check in zip(PHRASES, _SLOW, strict=True) if check.search(plain)]
        assert [sign.phrase for sign in disclosure.find_signs(text)] == slow, text
