"""What makes the disclosure check quick must not change what it finds: the phrase list's
gates (disclosure_gate) and the model's per-word sums give the same verdicts as the plain,
slow way of working them out."""

import csv
import math
import random
import re
from pathlib import Path

import pytest

from voice.submissions import disclosure
from voice.submissions.disclosure_features import features, parts
from voice.submissions.disclosure_gate import may_match, needs
from voice.submissions.disclosure_model import MODEL
from voice.submissions.disclosure_phrases import PHRASES

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
