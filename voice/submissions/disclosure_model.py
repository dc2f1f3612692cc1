"""The disclosure model, read in plain Python from disclosure_model.json (written by
`flask --app voice disclosure train`): no numpy or scikit-learn in a web worker.

`score(text)` gives how likely the message is a disclosure (0 to 1), which kind it most looks
like, and the features that pushed it there most. A feature is a word, a pair of words, a
letter group or a lexicon concept that the corpus taught the model; so a reason names only
what the corpus contains, never anything else from the young person's message.
"""

import json
import math
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, mul
from pathlib import Path
from typing import NamedTuple

from voice.submissions.disclosure_features import CONCEPT, Parts, parts, word_features

WEIGHTS = Path(__file__).with_name("disclosure_model.json")
# The kinds model's class for a message with no sign of harm.
ORDINARY = "ordinary"


class Score(NamedTuple):
    risk: float
    kind: str | None
    # Kind name → probability, among the kinds only (they add up to 1).
    kinds: dict
    # The features that raised the risk most, readable ("belt", "carer + hurting").
    reasons: tuple[str, ...]


def _load(path=WEIGHTS):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def _sigmoid(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def _softmax(totals):
    top = max(totals)
    exps = [math.exp(t - top) for t in totals]
    whole = sum(exps)
    return [e / whole for e in exps]


def readable(feature: str) -> str:
    """A feature as the lead reads it: a word, a pair of words, a letter group, an idea."""
    kind, _, body = feature.partition(":")
    if kind == "k":
        return " + ".join(part.replace("_", " ") for part in body.split("+"))
    if kind == "c":
        return "…" + body.strip() + "…"
    return body


# Short everyday words weigh a little in the model (disclosures are mostly in the first
# person) but say nothing to the lead about why.
_SAYS_NOTHING = frozenset(
    "i im me my a an and the to of in on at it is was he she they we you so but or for with"
    " that this just be do dont have has had when what if not no all up out as are been here"
    " there get got"
    # and in Roman Urdu
    " se ko ka ki ke hai hain h he mein main me woh wo yeh ye to bhi aur ho tha thi the kar"
    " jab koi hoon hun jati jata".split()
)


@lru_cache(maxsize=1 << 14)
def _worth_showing(feature):
    kind, _, body = feature.partition(":")
    if kind == "c":  # a letter group of two or three letters ("…he…") says nothing either
        return len(body.strip()) >= 4
    return kind == "k" or any(word not in _SAYS_NOTHING for word in body.split())


def _reasons(contributions, explain):
    """The features that raised the score most, readable and each shown once: words, pairs
    and ideas first, as the lead reads them best; then letter groups, if room is left and
    they are not part of a word already shown."""
    ranked = _heaviest(contributions)
    shown = {}
    for feature in ranked:
        if not feature.startswith("c:"):
            shown.setdefault(readable(feature))
            if len(shown) == explain:
                return tuple(shown)
    for feature in ranked:
        group = feature[2:].strip()
        if (
            feature.startswith("c:")
            and group not in _SAYS_NOTHING
            and not any(group in text or text.strip("…") in group for text in shown)
        ):
            shown.setdefault(readable(feature))
            if len(shown) == explain:
                break
    return tuple(shown)


# How many of a message's heaviest features are looked through for the reasons.
_RANKED = 60


def _heaviest(contributions):
    """The `_RANKED` features that raised the score most, heaviest first (then by name). The
    heaviest few are enough to find the few shown, and sorting a long message's features
    (pairs of a float and a name) is slow: only those at least as heavy as the `_RANKED`th
    heaviest (plain floats, quick to sort) are sorted."""
    weights = sorted(contributions.values(), reverse=True)
    least = weights[_RANKED - 1] if len(weights) > _RANKED else float("-inf")
    ranked = [(-weight, feature) for feature, weight in contributions.items() if weight >= least]
    ranked.sort()
    return [feature for _, feature in ranked[:_RANKED]]


# Words whose sums a model keeps; past this it starts again (a web worker runs for days).
_REMEMBERED = 20_000
# A word's features that may be a reason: the lead is shown five at most, so a word's few
# heaviest are enough, and a long message is not slowed by the rest.
_SHOWN = 3


# A word's sums (Model._weighed), a pair's or an idea's weights (Model._index_others): the
# risk weight first, then the weight for each kind.
_RISK = itemgetter(0)
_KINDS = itemgetter(1)


class Weighing(NamedTuple):
    """A message as the model weighed it: its two scores' parts, each feature looked up once."""

    totals: list  # the kinds model's total for each of its classes (a kind, or ordinary)
    risk: float  # how likely the message is a disclosure, 0 to 1
    words: list  # each word's sums (Model._weighed)
    pairs: list  # what the model knows of each of its pairs of words (Model._index_others)
    ideas: list  # and of each of its ideas
    scale: float  # what each word, pair or letter group counts for (Parts.scale)


class Model:
    """One trained model, as `flask --app voice disclosure train` writes it; cross-validation
    builds one per fold from the same kind of dict.

    A message's score is the sum of its features' weights (disclosure_features.features). A
    word's own features (the word and its letter groups) are summed once per word and kept,
    so a message costs about one look-up per word, not one per letter group; a pair of words
    or an idea is one look-up for both models."""

    def __init__(self, data):
        self.thresholds = data["thresholds"]
        self._risk_bias = data["risk"]["bias"]
        self._risk = data["risk"]["weights"]
        self._kind_names = data["kinds"]["names"]
        self._kind_bias = data["kinds"]["bias"]
        self._kind = data["kinds"]["weights"]
        # The kinds model also knows "ordinary": its chance of anything else is averaged
        # with the risk model's, `mix` of it (voice/disclosure/training.py says why).
        self._mix = data.get("mix", 0.0)
        self._ordinary = self._kind_names.index(ORDINARY) if ORDINARY in self._kind_names else None
        self._words = {}
        self._others = self._index_others()

    def _index_others(self):
        """Each pair of words ("b:") and idea ("k:") either model knows: (its risk weight, its
        weight for every kind, its risk weight if it may be shown as a reason, else 0, the
        feature). A kind it does not move weighs 0, which leaves a total exactly as it was.
        An idea always counts CONCEPT, so its kinds' weights are kept multiplied by it: the
        same products, worked out once."""
        zero = 0.0
        nothing = (zero,) * len(self._kind_names)  # one for every feature that moves no kind
        others = {}
        for feature in set(self._risk) | set(self._kind):
            if feature[:2] not in ("b:", "k:"):
                continue
            kinds = [zero] * len(self._kind_names)
            row = self._kind.get(feature) or ()
            for i in range(0, len(row), 2):
                kinds[row[i]] = row[i + 1]
            if feature.startswith("k:"):
                kinds = [CONCEPT * weight for weight in kinds]
            risk = self._risk.get(feature, zero)
            shown = risk if risk > 0 and _worth_showing(feature) else zero
            # A message's pairs are (word, word), so a pair is found by its two words.
            key = tuple(feature[2:].split(" ")) if feature.startswith("b:") else feature
            others[key] = (risk, tuple(kinds) if row else nothing, shown, feature)
        return others

    def _weighed(self, word):
        """A word's own features summed: (risk weight, weight for each kind, the few of its
        features that raise the risk most and may be shown to the lead as a reason, with
        their weights)."""
        known = self._words.get(word)
        if known is None:
            if len(self._words) >= _REMEMBERED:
                self._words.clear()
            features = word_features(word)
            risk = self._risk
            kinds = [0.0] * len(self._kind_names)
            self._add_kinds(kinds, features, 1.0)
            shown = sorted(
                ((f, risk[f]) for f in features if risk.get(f, 0.0) > 0 and _worth_showing(f)),
                key=lambda item: -item[1],
            )
            known = (sum(risk.get(f, 0.0) for f in features), kinds, tuple(shown[:_SHOWN]))
            self._words[word] = known
        return known

    def _add_kinds(self, totals, features, value):
        for feature in features:
            row = self._kind.get(feature)
            if row:
                for i in range(0, len(row), 2):
                    totals[row[i]] += value * row[i + 1]

    def weigh(self, found: Parts) -> Weighing:
        """Both models' view of a message. Each total adds the same terms in the same order
        as summing feature by feature would (disclosure_features.features), one kind at a
        time: the pairs', then the ideas'."""
        # Nearly every word is known already: looked up in C, and summed only if it is new.
        words = list(map(self._words.get, found.words))
        if None in words:
            words = [known or self._weighed(word) for known, word in zip(words, found.words)]
        scale = found.scale
        totals = (
            [
                bias + scale * sum(column)
                for bias, column in zip(self._kind_bias, zip(*map(_KINDS, words)), strict=True)
            ]
            if words
            else list(self._kind_bias)
        )
        others = self._others
        # Those the model knows (a pair is keyed by its two words); the rest weigh nothing.
        pairs = list(filter(None, map(others.get, found.pairs)))
        ideas = list(filter(None, map(others.get, found.ideas)))
        if pairs:
            times = repeat(scale)
            columns = zip(*map(_KINDS, pairs), strict=True)
            totals = [
                sum(map(mul, times, column), total)
                for total, column in zip(totals, columns, strict=True)
            ]
        if ideas:
            columns = zip(*map(_KINDS, ideas), strict=True)
            totals = [sum(column, total) for total, column in zip(totals, columns, strict=True)]
        total = sum(map(_RISK, words))
        total += sum(map(_RISK, pairs))
        ideas_total = sum(map(_RISK, ideas))
        disclosure = _sigmoid(self._risk_bias + scale * total + CONCEPT * ideas_total)
        if self._ordinary is None:
            risk = disclosure
        else:
            ordinary = _softmax(totals)[self._ordinary]
            risk = self._mix * (1 - ordinary) + (1 - self._mix) * disclosure
        return Weighing(totals, risk, words, pairs, ideas, scale)

    def risk(self, found: Parts) -> float:
        """How likely the message is a disclosure, 0 to 1: the quick part of `score`."""
        return self.weigh(found).risk

    def _contributions(self, weighing):
        """How much each of the message's features that may be a reason raised its risk."""
        scale = weighing.scale
        contributions = {}
        for word in weighing.words:
            for feature, weight in word[2]:
                contributions[feature] = contributions.get(feature, 0.0) + scale * weight
        for rows, value in ((weighing.pairs, scale), (weighing.ideas, CONCEPT)):
            for _, _, weight, feature in rows:
                if weight > 0:
                    contributions[feature] = value * weight
        return contributions

    def score(
        self,
        text: str,
        explain: int = 5,
        found: Parts | None = None,
        weighing: Weighing | None = None,
    ) -> Score:
        """The risk, the kinds and the reasons (`found` and `weighing` given when the caller
        has worked them out already)."""
        found = found or parts(text)
        weighing = weighing or self.weigh(found)
        # The kind among the kinds only: the message is scored as a disclosure already.
        named = zip(self._kind_names, weighing.totals, strict=True)
        kinds = [(name, total) for name, total in named if name != ORDINARY]
        chances = _softmax([total for _, total in kinds])
        probabilities = dict(zip([name for name, _ in kinds], chances, strict=True))
        kind = max(probabilities, key=probabilities.get)
        reasons = _reasons(self._contributions(weighing), explain)
        return Score(weighing.risk, kind, probabilities, reasons)


@lru_cache(maxsize=1)
def shipped() -> Model:
    """The shipped model, read from its file the first time a message is weighed rather than
    when Voice starts: most processes (the outbox worker, cron's commands) never weigh one,
    and reading it was a large share of their start (bench/RESULTS.md). The web app reads it
    as it starts (wsgi.py), so no young person's message waits for it."""
    return Model(_load())


def score(text: str, explain: int = 5) -> Score:
    """The shipped model's score for one message."""
    return shipped().score(text, explain)
