"""voice/text.py: the only place bleach is called."""

import pathlib
import re
from html.parser import HTMLParser

import pytest

from voice.text import with_links

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_a_web_address_in_an_answer_becomes_a_link_that_tells_the_site_nothing():
    html = str(with_links("The leaflet is at https://example.org/leaving-care today."))
    assert html == (
        'The leaflet is at <a href="https://example.org/leaving-care" '
        'rel="noopener noreferrer nofollow">https://example.org/leaving-care</a> '
        "today."
    )


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script> see https://example.org",
        '<a href="javascript:alert(1)">tap</a>',
        "javascript:alert(1)",
        '"><img src=x onerror=alert(1)>',
        "<b>bold</b> & so on",
    ],
)
def test_nothing_but_the_links_it_makes_is_ever_html(typed):
    tags = tags_in(str(with_links(typed)))
    assert all(
        tag == "a"
        and attrs["href"].startswith("https://example.org")
        and attrs["rel"] == "noopener noreferrer nofollow"
        for tag, attrs in tags
    )
    assert len(tags) == typed.count("https://example.org")


def tags_in(html):
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


def test_only_web_pages_are_linked():
    assert "<a" not in str(with_links("write to ftp://files.example.org or mailto:me@x.org"))
    assert "<a" in str(with_links("www.example.org"))


def test_empty_text_is_empty():
    assert str(with_links(None)) == "" and str(with_links("")) == ""


def test_bleach_is_called_from_voice_text_and_nowhere_else():
    imports = re.compile(r"^\s*(import|from)\s+bleach\b", re.MULTILINE)
    callers = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "voice").rglob("*.py")
        if imports.search(p.read_text(encoding="utf-8"))
    ]
    assert callers == ["voice/text.py"]


def test_a_link_in_an_answer_can_be_tapped_on_the_young_persons_page(app, make_user):
    from tests.submissions_helpers import make_submission, theme_id
    from voice.areas.services import ensure_area
    from voice.clock import utcnow
    from voice.extensions import db
    from voice.moderation import services as moderation
    from voice.responses import services as responses

    officer, worker = make_user("officer"), make_user("worker")
    submission = make_submission()
    moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
    moderation.route(
        submission, worker, ensure_area("Placements", lead=officer, officers=[officer]), officer
    )
    responses.save(
        submission,
        officer,
        decision="answer",
        team_name="Placements team",
        explanation="Read the leaflet at https://example.org/wifi <b>today</b>.",
        submit=True,
    )
    responses.release(submission, worker)
    db.session.commit()
    young_person = app.test_client()
    with young_person.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
    html = young_person.get("/check/case").get_data(as_text=True)
    assert (
        '<a href="https://example.org/wifi" rel="noopener noreferrer nofollow">'
        "https://example.org/wifi</a> &lt;b&gt;today&lt;/b&gt;."
    ) in html
