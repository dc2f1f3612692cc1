"""Words a 13-year-old knows. Every choice a young person picks from reads at age 9 or below
(the same `reading_age` as test_reading_age.py, whose page bar is 11: a two-word label has no
excuse to be harder than the prose round it); the council's own names for things are said in
plain words or explained where they appear; and staff shorthand in an answer (PEP, PA, IRO) is
explained under it, in English and in Urdu."""

from datetime import date
from html.parser import HTMLParser

import pytest

from tests.submissions_helpers import send
from tests.test_follow_ups import officer, opened, route, worker  # noqa: F401  (fixtures)
from voice.extensions import db
from voice.responses import services as responses
from voice.responses.services import reading_age
from voice.submissions.glossary import explained
from voice.themes.models import Theme

LABEL_BAR = 9
STAFF_WORDS = (
    "Quote my words",
    "Download what we hold",
    "Hide my message",
    "Corporate Parenting Board (",
    "PEP meeting",
)


class ChoiceLabels(HTMLParser):
    """The text of every radio and checkbox label (class choice-label), emoji left out."""

    def __init__(self):
        super().__init__()
        self.labels, self.open = [], []  # open: for each tag inside a label, hidden or not

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.open:
            self.open.append(self.open[-1] or a.get("aria-hidden") == "true")
        elif tag == "label" and "choice-label" in (a.get("class") or "").split():
            self.labels.append("")
            self.open.append(False)

    def handle_endtag(self, tag):
        if self.open:
            self.open.pop()

    def handle_data(self, data):
        if self.open and not self.open[-1]:
            self.labels[-1] += data


def choice_labels(html):
    parser = ChoiceLabels()
    parser.feed(html)
    return [" ".join(label.split()) for label in parser.labels]


def release_with_actions(submission, officer, worker, what, explanation):  # noqa: F811
    responses.save(
        submission,
        officer,
        decision="do",
        explanation=explanation,
        team_name="Education team",
        submit=True,
        actions=[(what, "Virtual School", date(2026, 12, 18))],
    )
    responses.release(submission, worker)
    db.session.commit()


@pytest.fixture
def young_pages(app, client, route, officer, worker):  # noqa: F811
    """Every young person's page with choices on it, as they see it, in English."""
    sent, _code = send(client)
    pages = {"/share/sent": sent.get_data(as_text=True)}
    pages["/share"] = client.get("/share").get_data(as_text=True)
    pages["/share with errors"] = client.post("/share", data={}).get_data(as_text=True)
    answered = route()
    release_with_actions(answered, officer, worker, "Book a meeting", "We will help.")
    pages["/check/case (to rate)"] = opened(app, answered).get("/check/case").get_data(as_text=True)
    return pages


def test_every_choice_label_reads_at_age_9_or_below(young_pages):
    """Our own labels one by one. Topic names are the council's (an admin words them), and a
    three-word name is too short for the formula to mean much ("Family and friends" scores
    10 alone), so the default topics are measured together, as the reader meets them."""
    topics = {theme.name for theme in db.session.query(Theme)}
    seen, hard = set(), []
    for page, html in young_pages.items():
        for label in choice_labels(html):
            seen.add(label)
            age = reading_age(label)
            if label not in topics and age is not None and age > LABEL_BAR:
                hard.append(f"{page}: [{age}] {label}")
    assert hard == [], "choice labels above reading age 9:\n" + "\n".join(hard)
    assert topics <= seen and reading_age(". ".join(sorted(topics)) + ".") <= LABEL_BAR
    # The measure saw the choices that matter, not an empty page.
    for label in ("The people in charge at the council", "Through my worker", "Partly"):
        assert label in seen
    assert len(seen) > 25


def test_a_hard_label_fails_the_bar():
    hard = (
        '<label class="choice-label">Corporate Parenting Board consultation participation</label>'
    )
    assert reading_age(choice_labels(hard)[0]) > LABEL_BAR


def test_council_names_are_said_in_plain_words_or_explained(young_pages):
    for page, html in young_pages.items():
        for words in STAFF_WORDS:
            assert words not in html, f"{page} says “{words}”"
    share = young_pages["/share"]
    assert "They meet as the Corporate Parenting Board. They check we look after you well." in share
    assert "Young people who have left care. They meet to make things better." in share
    case = young_pages["/check/case (to rate)"]
    assert "Get a copy of all we keep about this message" in case
    assert "Close my message on this phone" in case
    assert "Then the next person to use this phone can" in case


def test_the_glossary_finds_whole_words_in_capitals_once():
    found = explained("Raise it at her next PEP.", "Her PA and the PEPs; a page of paper")
    assert [term for term, _ in found] == ["PEP", "PA"]
    assert explained("We will pay for a pass", None) == []


@pytest.mark.parametrize(
    "language, says",
    [
        ("en-GB", "“PEP” means a Personal Education Plan meeting, about your school."),
        ("ur", "“PEP” کا مطلب ہے: ذاتی تعلیمی منصوبے کی میٹنگ، آپ کے اسکول کے بارے میں۔"),
    ],
)
def test_staff_shorthand_in_an_answer_is_explained_under_it(
    app,
    route,  # noqa: F811
    officer,  # noqa: F811
    worker,  # noqa: F811
    language,
    says,
):
    submission = route()
    release_with_actions(
        submission,
        officer,
        worker,
        "Raise your tutoring at the next PEP",
        "Your IRO will check this at your review.",
    )
    browser = opened(app, submission)
    browser.set_cookie("lang", language)
    page = browser.get("/check/case").get_data(as_text=True)
    assert page.count("glossary-note") == 2  # PEP under the action, IRO under the answer
    assert says in page
    assert "Raise your tutoring at the next PEP" in page  # the officer's words stay as written
