"""How `flask --app voice disclosure crossval` splits the training messages, and what the
model tells the lead now that its kinds model also knows "ordinary". Nothing is fitted here
(scikit-learn is only in the `train` extra)."""

import pytest

from voice.disclosure import crossval
from voice.submissions.disclosure import Strength, assess
from voice.submissions.disclosure_kinds import KINDS
from voice.submissions.disclosure_model import shipped

MODEL = shipped()


def rows(*parts):
    return [
        {"label": "ordinary", "language": "en", "style": "direct", "text": f"{p} {i}", "part": p}
        for p in parts
        for i in range(3)
    ]


@pytest.fixture
def judged(monkeypatch):
    """The parts each judging model was taught on, and the parts it judged."""
    seen = []

    def judge(train_rows, test_rows):
        seen.append(({r["part"] for r in train_rows}, {r["part"] for r in test_rows}))
        return []

    monkeypatch.setattr(crossval, "_judge", judge)
    return seen


def test_each_training_part_is_judged_by_a_model_taught_on_the_others_only(judged):
    crossval.leave_part_out(rows("train.tsv", "train_2.tsv"))
    assert judged == [({"train_2.tsv"}, {"train.tsv"}), ({"train.tsv"}, {"train_2.tsv"})]


def test_one_training_part_is_not_left_out_against_nothing(judged):
    assert crossval.leave_part_out(rows("train.tsv")) == []
    assert judged == []


@pytest.mark.parametrize(
    "text",
    [
        "my stepdad hits me with his belt when mum is at work and I hide the marks",
        "nobody has fed me since friday and the heating is off, I'm on my own",
    ],
)
def test_the_lead_is_told_a_kind_of_harm_never_ordinary(text):
    verdict = assess(text)
    assert verdict.strength is not Strength.NONE
    assert verdict.kind in KINDS
    score = MODEL.score(text)
    assert set(score.kinds) == set(KINDS)
    assert sum(score.kinds.values()) == pytest.approx(1.0)
