"""The words Voice says to young people read at about age 11.

Formula: Flesch-Kincaid grade + 5, the same `reading_age` the officer sees before a response
is released, so staff and these pages are held to one yardstick. UK reading ages run about
five years above US grades (grade 6 is Year 7, age 11-12). The bar is 11: the youngest
users are 11, many children in care read below their age, and GOV.UK aims for 9-11.

What is measured: the visible text of each page (headings, labels, hints, buttons, links, the
quick-exit hint, error messages), each block a sentence, as a reader meets it. The age is taken
over the page's prose (blocks of 8 words or more): a page's many two-word labels would
otherwise pull the average down and hide one hard paragraph. And no sentence is longer than
25 words (GOV.UK's limit; a long sentence is what loses a young reader first).
What is not: the young person's own words and staff's written answers (`.user-text`; an
officer's answer is checked before release), the reference code, and hidden honeypot fields.
textstat counts syllables from its bundled dictionaries; the network is switched off while it
runs, so a missing word list fails here instead of being fetched.
"""

import re
import socket
from html.parser import HTMLParser

import pytest
import textstat

from tests.submissions_helpers import WORRYING, send
from voice.responses.services import reading_age

BAR = 11
PROSE = 8  # words: a block this long is prose, not a label
LONGEST = 25  # words in one sentence
BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "label",
    "legend",
    "dt",
    "dd",
    "summary",
    "button",
    "td",
    "th",
    "div",
    "section",
    "ol",
    "ul",
    "title",
    "option",
    "header",
    "footer",
    "main",
    "form",
    "fieldset",
    "nav",
    "details",
    "br",
}
VOID = {"br", "input", "img", "meta", "link", "hr", "source"}


class VisibleText(HTMLParser):
    """The page's words in reading order, one block per line."""

    def __init__(self):
        super().__init__()
        self.blocks, self.skipping = [""], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in BLOCKS:
            self.blocks.append("")
        if tag in VOID:
            if tag == "input" and a.get("type") in ("submit", "button") and not self.skipping:
                self.blocks += [a.get("value", ""), ""]
            return
        classes = (a.get("class") or "").split()
        self.skipping.append(
            tag in ("head", "script", "style")
            or a.get("aria-hidden") == "true"
            or bool({"user-text", "code", "trap"} & set(classes))
            or bool(self.skipping and self.skipping[-1])
        )

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.skipping:
            self.skipping.pop()
        if tag in BLOCKS:
            self.blocks.append("")

    def handle_data(self, data):
        if not (self.skipping and self.skipping[-1]):
            self.blocks[-1] += data

    def sentences(self):
        lines = (" ".join(block.split()) for block in self.blocks)
        return [line if line[-1] in ".!?:" else line + "." for line in lines if line]


def words_of(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.sentences()


def assert_reads_at_about_11(html, page):
    prose = [block for block in words_of(html) if len(block.split()) >= PROSE]
    age = reading_age(" ".join(prose))
    hardest = sorted(prose, key=lambda s: -textstat.flesch_kincaid_grade(s))[:4]
    assert age is not None and age <= BAR, (
        f"{page} reads at age {age} (bar {BAR}); its hardest blocks:\n  "
        + "\n  ".join(f"[{textstat.flesch_kincaid_grade(s) + 5:.0f}] {s}" for s in hardest)
    )
    long = [
        s for block in prose for s in re.split(r"(?<=[.!?])\s+", block) if len(s.split()) > LONGEST
    ]
    assert long == [], f"{page} has sentences over {LONGEST} words: {long}"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("reading-age measurement tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture
def pages(client):
    """path -> html of each young person's page, as the young person sees it."""
    seen = {"/share (not open yet)": client.get("/share").get_data(as_text=True)}  # no topics
    response, code = send(client)
    seen["/share/sent"] = response.get_data(as_text=True)
    client.post("/check", data={"code": code})
    for path in ("/check/case", "/check/withdraw", "/check/download"):
        seen[path] = client.get(path).get_data(as_text=True)
    worrying, code = send(client, message=WORRYING)
    seen["/share/sent (a worrying message)"] = worrying.get_data(as_text=True)
    client.post("/check", data={"code": code})
    seen["/check/case (held for safeguarding)"] = client.get("/check/case").get_data(as_text=True)
    for path in ("/", "/share", "/check", "/privacy", "/no/such/page"):
        seen[path] = client.get(path).get_data(as_text=True)
    seen["/share with errors"] = client.post("/share", data={}).get_data(as_text=True)
    seen["/check with a wrong code"] = client.post(
        "/check", data={"code": "222-333-444-555"}
    ).get_data(as_text=True)
    return seen


def test_every_young_persons_page_reads_at_about_age_11(pages):
    assert len(pages) == 14
    failures = []
    for page, html in pages.items():
        try:
            assert_reads_at_about_11(html, page)
        except AssertionError as failure:
            failures.append(str(failure).split("\nassert")[0])
    assert failures == [], "\n\n".join(failures)


def test_the_young_persons_own_words_do_not_count(pages):
    assert "The wifi at my placement" in pages["/check/case"]
    assert not any("wifi" in s for s in words_of(pages["/check/case"]))
    assert any("Leave this site quickly" in s for s in words_of(pages["/"]))


def test_hard_words_fail_the_bar():
    long = (
        "<main>"
        + "<p>We read it and then we write back to you soon.</p>" * 6
        + "<p>"
        + "You can tell us and we will hear you, " * 4
        + "now.</p></main>"
    )
    with pytest.raises(AssertionError, match="sentences over 25 words"):
        assert_reads_at_about_11(long, "a page with one very long sentence")
    hard = (
        "<main><p>Notwithstanding the aforementioned considerations, the authority's "
        "determination regarding accommodation eligibility necessitates comprehensive "
        "documentation.</p></main>"
    )
    with pytest.raises(AssertionError, match="reads at age"):
        assert_reads_at_about_11(hard, "a page in council words")
