"""The accounts Voice drafts from the board's figures: the same figures give the same words,
they never say a hidden number, and they read at about age 12 (the board's) or 11 (young
people's, in English), measured with textstat over many random sets of figures."""

import dataclasses
import re

import pytest
import textstat
from flask_babel import force_locale
from hypothesis import given, settings

from tests.conftest import settings_for
from tests.story_helpers import story
from voice import create_app
from voice.board import account
from voice.board.suppress import Count
from voice.digests import drafting
from voice.extensions import db
from voice.responses.services import reading_age

BOARD_BAR = 12


def disguised(value):
    """The same story with every hidden count's value replaced by `value`: a draft that
    says it has read a number it must not."""

    def swap(item):
        if isinstance(item, Count):
            return Count(value, item.why) if item.hidden else item
        if isinstance(item, (tuple, list)):
            return type(item)(swap(i) for i in item)
        if isinstance(item, dict):
            return {k: swap(v) for k, v in item.items()}
        if dataclasses.is_dataclass(item):
            return dataclasses.replace(
                item, **{f.name: swap(getattr(item, f.name)) for f in dataclasses.fields(item)}
            )
        return item

    return swap


SECRET = 7919


@settings(max_examples=200, deadline=None)
@given(story())
def test_the_board_account_reads_at_12_or_below_and_is_the_same_each_time(s):
    text = account.draft(s)
    assert text == account.draft(s)
    age = reading_age(text)
    assert age is not None and age <= BOARD_BAR, (
        f"reads at {age}: {text} (grade {textstat.flesch_kincaid_grade(text)})"
    )
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        assert len(sentence.split()) <= 20, sentence


@settings(max_examples=200, deadline=None)
@given(story())
def test_the_board_account_never_says_a_hidden_number(s):
    assert str(SECRET) not in account.draft(disguised(SECRET)(s))


def test_a_quarter_with_big_topics_reads_as_a_councillor_would_say_it():
    from tests.story_helpers import Count, Headline, Share, Story, Topic

    s = Story(
        now_label="July to September 2026",
        before_label="April to June 2026",
        headline=Headline(
            threshold=5,
            messages=(Count(42), Count(30)),
            on_time=(62, 50),
            done=(Share(Count(12), Count(30)), Share(Count(5), Count(20))),
            satisfied=(Share(Count(14), Count(20)), Share(Count(3, "small"), Count(9))),
        ),
        topics=(
            Topic("School and learning", Count(12), Count(7)),
            Topic("Where I live", Count(8), Count(10)),
            Topic("Money", Count(6), Count(2, "small")),
            Topic("Feeling safe", Count(5), Count(5)),
        ),
        small_topics=4,
        target_days=20,
        waiting_late=Count(3),
        actions_late=Count(4),
        outcomes={},
    )
    text = account.draft(s)
    assert text.startswith("Young people sent 42 messages in July to September 2026.")
    assert (
        "The biggest topics were School and learning (12), Where I live (8) and Money (6)." in text
    )
    assert "School and learning went up from 7. Where I live went down from 10." in text
    assert "Money had fewer than 5 the time before." in text
    assert (
        "1 other topic came up 5 times or more. 4 other topics came up fewer than 5 times each."
        in text
    )
    assert "62% of answers came within 20 working days. In April to June 2026 it was 50%." in text
    assert "3 messages still wait past the due date." in text
    assert "The council said it would take 30 actions. 12 are done so far. 4 are late." in text
    assert (
        "Young people rated 20 answers. They said 14 of them fully answered what they asked."
        in text
    )


DIGEST_BAR = 11


@pytest.fixture(scope="module")
def babel_app(tmp_path_factory):
    """An app for its catalogue only: the digest's sentences are gettext's."""
    app = create_app(settings_for(tmp_path_factory.mktemp("digest")))
    with app.app_context():
        db.create_all()  # no topic has the council's own Urdu: the catalogue's is used
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@settings(max_examples=150, deadline=None)
@given(s=story())
def test_the_digest_reads_at_11_or_below_in_english_and_is_all_urdu_in_urdu(babel_app, s):
    with babel_app.test_request_context():
        with force_locale("en"):
            english = drafting.draft(s)
        with force_locale("ur"):
            urdu = drafting.draft(s)
    prose = " ".join(block for block in english.split("\n\n") if block.endswith("."))
    age = reading_age(prose)
    assert age is not None and age <= DIGEST_BAR, f"reads at {age}: {prose}"
    # Every word of the Urdu is Urdu: numbers are digits, nothing is left in English.
    assert re.findall(r"[A-Za-z]{2,}", urdu) == [], urdu
    assert english.count("\n\n") == urdu.count("\n\n") == 5  # three headings, three paragraphs


@settings(max_examples=100, deadline=None)
@given(s=story())
def test_the_digest_never_says_a_hidden_number(babel_app, s):
    with babel_app.test_request_context(), force_locale("en"):
        assert str(SECRET) not in drafting.draft(disguised(SECRET)(s))
