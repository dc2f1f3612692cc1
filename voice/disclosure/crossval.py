"""How well the disclosure check generalises, measured on the training part only:
`flask --app voice disclosure crossval`.

The held-out part is never read here. Two estimates, each training the whole method (model,
thresholds and all, exactly as `train` does) on part of the training messages (every
train*.tsv) and judging the full check (phrase list and model) on the rest:
- k-fold: folds stratified by kind and language, so each fold has every kind in every language;
- leave one style out: every misspelt, text-speak or run-on message is held out together, and
  the model learns from the other styles only. It estimates how the check does on wordings
  unlike those it was taught, which k-fold (with near neighbours in every fold) flatters.
"""

from collections import Counter

from voice.disclosure import training
from voice.submissions.disclosure import Strength, assess
from voice.submissions.disclosure_kinds import KINDS
from voice.submissions.disclosure_model import Model

LANGUAGES = {"en": "English", "ur": "Urdu", "ur-latn": "Roman Urdu"}
UNSEEN_STYLES = ("misspelt", "textspeak", "runon")


def _judge(train_rows, test_rows):
    model = Model(training.train(train_rows, kinds=False))
    return [(row, assess(row["text"], model).strength) for row in test_rows]


def kfold(rows, folds=5):
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=training.SEED)
    judged = []
    for train, test in splitter.split(rows, training._strata(rows)):
        judged += _judge([rows[i] for i in train], [rows[i] for i in test])
    return judged


def leave_style_out(rows, styles=UNSEEN_STYLES):
    judged = []
    for style in styles:
        judged += _judge(
            [row for row in rows if row["style"] != style],
            [row for row in rows if row["style"] == style],
        )
    return judged


def _share(hits, total):
    return f"{100 * hits / total:.0f}% ({hits}/{total})" if total else "-"


def table(judged):
    """Recall (any sign, strong alone) per kind and language, false alarms per language."""
    seen, caught, held = Counter(), Counter(), Counter()
    for row, strength in judged:
        is_disclosure = row["label"] != "ordinary"
        for key in (row["label"], row["language"], "all"):
            key = (is_disclosure, key)
            seen[key] += 1
            caught[key] += strength is not Strength.NONE
            held[key] += strength is Strength.STRONG
    lines = ["| kind | recall (weak+strong) | strong alone |", "|---|---:|---:|"]
    for kind in [*KINDS, "all"]:
        key = (True, kind)
        lines.append(
            f"| {kind} | {_share(caught[key], seen[key])} | {_share(held[key], seen[key])} |"
        )
    lines += [
        "",
        "| language | recall | strong alone | false alarms (any sign) | false alarms (strong) |",
        "|---|---:|---:|---:|---:|",
    ]
    for language in [*LANGUAGES, "all"]:
        d, o = (True, language), (False, language)
        lines.append(
            f"| {LANGUAGES.get(language, language)} | {_share(caught[d], seen[d])} "
            f"| {_share(held[d], seen[d])} | {_share(caught[o], seen[o])} "
            f"| {_share(held[o], seen[o])} |"
        )
    return "\n".join(lines)
