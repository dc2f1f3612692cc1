"""Similar messages: found from shared versions only, measured on hand-labelled pairs."""

from collections import Counter

import pytest

from tests.similar_pairs import HELD_OUT, TRAINING
from tests.submissions_helpers import make_submission
from voice.extensions import db
from voice.moderation import similar
from voice.moderation.models import SimilarityTerm, SimilarityTermCount
from voice.privacy.services import erase

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

# Everyday messages the pairs are found among, so rarity weights are like a real queue's.
BACKGROUND = [
    "I like my foster family and my school is good.",
    "Can we have more trips in the summer holidays?",
    "My placement is fine but I miss my friends from my old area.",
    "I want to go to university, who can help me with the forms?",
    "The bus to my college is always late.",
    "I don't like the food at the home.",
    "Please can we have a say in who our social worker is.",
    "I would like help to learn to cook before I leave care.",
] * 3


def shared(text):
    submission = make_submission(message=text)
    submission.shared_text = text
    similar.index(submission)
    return submission


def measure(pairs, threshold=similar.THRESHOLD):
    """Precision and recall of "looks similar" over the pairs, with rarity counted over the
    background and every pair's messages, as the index counts it over a queue."""
    corpus = [set(similar.terms(t)) for t in BACKGROUND + [t for a, b, _ in pairs for t in (a, b)]]
    df = Counter(term for terms in corpus for term in terms)
    weight = similar.rarity(df, len(corpus))
    said = [
        similar.cosine(set(similar.terms(a)), set(similar.terms(b)), weight) >= threshold
        for a, b, _ in pairs
    ]
    right = sum(s and same for s, (_, _, same) in zip(said, pairs))
    return right / max(sum(said), 1), right / sum(same for _, _, same in pairs)


@pytest.mark.parametrize("name, pairs", [("training", TRAINING), ("held out", HELD_OUT)])
def test_similar_messages_on_labelled_pairs(name, pairs, capsys):
    precision, recall = measure(pairs)
    with capsys.disabled():
        print(f"\nsimilar messages, {name} pairs: precision {precision:.0%}, recall {recall:.0%}")
    # The held-out pairs were never used to set the threshold; the bar is below what they
    # gave (README), so a change that makes matching worse fails here.
    assert precision >= 0.75 and recall >= 0.6


def test_only_shared_versions_are_compared_and_erasing_clears_the_terms(app):
    unshared = make_submission(message="The wifi goes off at night at my placement.")
    twin = shared("Wifi goes off at night in my placement, please fix it.")
    assert [i for i, _ in similar.similar_to(unshared.message)] == [twin.id]
    assert db.session.query(SimilarityTerm).filter_by(submission_id=unshared.id).count() == 0
    assert db.session.get(SimilarityTermCount, "wifi").messages == 1
    erase(twin, by=None)
    assert db.session.query(SimilarityTerm).filter_by(submission_id=twin.id).count() == 0
    assert db.session.get(SimilarityTermCount, "wifi") is None  # no word of it is kept
    assert similar.similar_to(unshared.message) == []


def test_placeholders_and_common_words_are_not_terms():
    assert similar.terms("My [name] said I'm not allowed WiFi at night") == [
        "allow",
        "night",
        "wifi",
    ]


def test_the_review_page_offers_similar_messages_and_links_one_in_a_press(app, client, signed_in):
    from voice.submissions.models import Status

    signed_in("worker")
    first = shared("The wifi at my placement goes off at 9pm and I can't do homework.")
    held = shared("Wifi goes off at 10pm at my placement so no homework gets done.")
    held.status = Status.SAFEGUARDING  # held for the lead: never offered
    new = make_submission(message="Our internet is cut off at 9pm, I can't finish my homework.")
    db.session.commit()
    page = client.get(f"/moderation/{new.id}").get_data(as_text=True)
    assert "1 other message looks similar" in page and first.reference in page
    assert held.reference not in page and "10pm" not in page
    linked = client.post(f"/moderation/{new.id}/same-as/{first.id}", follow_redirects=True)
    assert f"{new.reference} now says the same as {first.reference}." in linked.get_data(
        as_text=True
    )
    assert db.session.get(type(new), new.id).same_as_id == first.id
    # Linked now: no longer offered, and the page says two young people raised it.
    again = client.get(f"/moderation/{new.id}").get_data(as_text=True)
    assert "looks similar" not in again and "2 young people raised this" in again
