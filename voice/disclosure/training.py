"""Training the disclosure model from the corpus: `flask --app voice disclosure train`.

scikit-learn is used here only (the `train` extra); the app reads the weights this writes
(voice/submissions/disclosure_model.json) in plain Python. Run from a checkout: the corpus
lives under tests/, outside the wheel. The held-out part is never read here.

Two logistic regressions over the same features (disclosure_features):
- "risk": any disclosure against ordinary, trained on every message, so a wording seen for
  one kind still counts for the others;
- "kinds": which of the twelve kinds, trained on the disclosures only.
The thresholds for a weak and a strong sign come from cross-validation on the training part.
"""

import csv
import json
from pathlib import Path

from voice.submissions.disclosure_features import features
from voice.submissions.disclosure_kinds import KINDS

# Every training part (train.tsv, train_2.tsv, ...): parts written by different people give
# the model wordings no one writer would think of. The held-out parts are never read here.
CORPUS = Path("tests/disclosure_corpus")
TRAINING_PARTS = "train*.tsv"
WEIGHTS = Path(__file__).resolve().parent.parent / "submissions" / "disclosure_model.json"
SEED = 14
# How far the fit may follow the training messages (scikit-learn's C): chosen by
# cross-validation (`flask --app voice disclosure crossval`).
C = 20
# Features kept in the shipped file: the rest weigh too little to change a verdict.
KEEP = 15000
KIND_KEEP = 1500
# A message at or above "weak" goes first in the workers' queue; at or above "strong" it is
# held for the lead. Chosen on cross-validated training messages: the share of ordinary
# messages each may catch.
WEAK_FALSE_ALARMS = 0.08
STRONG_FALSE_ALARMS = 0.005


def training_parts(directory=CORPUS):
    """The training parts in `directory`, sorted so the same files always give the same model.
    A held-out part is left out by name even if it ever matched the pattern."""
    return [
        path for path in sorted(Path(directory).glob(TRAINING_PARTS)) if "heldout" not in path.name
    ]


def read_corpus(path=CORPUS):
    """The messages of one training part, or of every training part when `path` is a folder.
    Refuses a held-out part: it measures the check and must never shape it."""
    path = Path(path)
    if "heldout" in path.name:
        raise ValueError(f"{path.name} is held out: it is never used for training")
    if path.is_dir():
        return [row for part in training_parts(path) for row in read_corpus(part)]
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


_FEATURES = {}


def _features(text):
    """A message's features, worked out once: cross-validation fits the same texts many times."""
    if text not in _FEATURES:
        _FEATURES[text] = features(text)
    return _FEATURES[text]


def _fit(rows, labels, ratios=False):
    """A logistic regression on the messages' features. With `ratios` (the risk model), each
    feature is first scaled by how much likelier it is in a disclosure than in an ordinary
    message (its naive Bayes log-count ratio), which cross-validation found generalises
    better; the scale is folded into the weights written out, so the app reads them as
    ever. The model's `ratios` are then the scale, else None."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([_features(row["text"]) for row in rows])
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced", random_state=SEED)
    model.ratios = _log_ratios(matrix, labels) if ratios else None
    if ratios:
        matrix = matrix.multiply(model.ratios).tocsr()
    # One thread: on a small, shared machine more threads only fight (bench/RESULTS.md).
    with threadpool_limits(limits=1):
        model.fit(matrix, labels)
    return vectoriser, model


def _log_ratios(matrix, labels, alpha=1.0):
    import numpy

    labels = numpy.asarray(labels, dtype=bool)
    present = (matrix > 0).astype(float)
    yes = alpha + numpy.asarray(present[labels].sum(axis=0)).ravel()
    no = alpha + numpy.asarray(present[~labels].sum(axis=0)).ravel()
    return numpy.log((yes / yes.sum()) / (no / no.sum()))


def _strata(rows):
    return [f"{row['label']}/{row['language']}" for row in rows]


def _risk_scores_by_fold(rows):
    """Each training message's risk score from a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold

    labels = [row["label"] != "ordinary" for row in rows]
    scores = [0.0] * len(rows)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train, test in folds.split(rows, _strata(rows)):
        vectoriser, model = _fit([rows[i] for i in train], [labels[i] for i in train], True)
        matrix = vectoriser.transform([_features(rows[i]["text"]) for i in test])
        matrix = matrix.multiply(model.ratios).tocsr()
        for i, p in zip(test, model.predict_proba(matrix)[:, 1], strict=True):
            scores[i] = float(p)
    return scores, labels


def _threshold(ordinary, share):
    """The lowest score that catches at most `share` of the ordinary messages in each
    language: the bar holds per language, and English ordinary messages share more words
    with disclosures than the others do. `ordinary` is [(language, score)]."""
    by_language = {}
    for language, score in ordinary:
        by_language.setdefault(language, []).append(score)
    highest = 0.0
    for scores in by_language.values():
        ranked = sorted(scores, reverse=True)
        allowed = int(len(ranked) * share)
        if allowed < len(ranked):
            highest = max(highest, ranked[allowed] + 1e-6)
    return round(highest, 4) if highest else 0.5


def _pruned(names, weights, keep):
    """The `keep` features that weigh most (any class), as {feature: weight(s)}."""

    def size(i):
        return max(abs(w) for w in weights[i]) if isinstance(weights[i], list) else abs(weights[i])

    chosen = sorted(range(len(names)), key=lambda i: (-size(i), names[i]))[:keep]
    return {names[i]: weights[i] for i in sorted(chosen, key=lambda i: names[i])}


def _sparse(weights):
    """Per feature, only the kinds it moves: [kind index, weight, kind index, weight, ...]."""
    return {
        name: [x for i, w in enumerate(row) if abs(w) >= 0.05 for x in (i, w)]
        for name, row in weights.items()
    }


def train(rows, kinds=True):
    """The model as a plain dict, ready to write as JSON. Without `kinds` (cross-validation
    needs only the verdict) the kinds part is left empty."""
    scores, labels = _risk_scores_by_fold(rows)
    ordinary = [
        (row["language"], s)
        for row, s, disclosure in zip(rows, scores, labels, strict=True)
        if not disclosure
    ]
    vectoriser, risk = _fit(rows, labels, ratios=True)
    names = list(vectoriser.get_feature_names_out())
    risk_weights = [round(float(w), 3) for w in risk.coef_[0] * risk.ratios]

    return {
        "about": "Written by `flask --app voice disclosure train`; see README, The disclosure check.",
        "thresholds": {
            "weak": _threshold(ordinary, WEAK_FALSE_ALARMS),
            "strong": _threshold(ordinary, STRONG_FALSE_ALARMS),
        },
        "risk": {
            "bias": round(float(risk.intercept_[0]), 3),
            "weights": _pruned(names, risk_weights, KEEP),
        },
        "kinds": _kinds(rows)
        if kinds
        else {"names": list(KINDS), "bias": [0.0] * len(KINDS), "weights": {}},
    }


def _kinds(rows):
    disclosures = [row for row in rows if row["label"] != "ordinary"]
    vectoriser, kinds = _fit(disclosures, [row["label"] for row in disclosures])
    names = list(vectoriser.get_feature_names_out())
    weights = [[round(float(w), 3) for w in column] for column in kinds.coef_.T]
    return {
        "names": [str(k) for k in kinds.classes_],
        "bias": [round(float(b), 3) for b in kinds.intercept_],
        "weights": _sparse(_pruned(names, weights, KIND_KEEP)),
    }


def write(model, path=WEIGHTS):
    unknown = set(model["kinds"]["names"]) - set(KINDS)
    if unknown:
        raise ValueError(f"corpus labels that are not kinds: {sorted(unknown)}")
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    Path(path).write_text(text + "\n", encoding="utf-8")
