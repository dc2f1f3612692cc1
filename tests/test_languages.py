"""The young person's pages in English or Urdu: chosen with a switch, kept in a cookie, and
never guessed from the browser; staff pages stay in English."""

import os
import re

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import select

from tests.published_helpers import EXPLANATION
from tests.submissions_helpers import ORDINARY, answers, send, share_page, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.forms import HIDDEN_CHARACTER, TIMED_OUT
from voice.moderation import services as moderation
from voice.responses import services as responses
from voice.responses.models import Response
from voice.submissions.models import Submission


def html_tag(response):
    return re.search(r"<html[^>]*>", response.get_data(as_text=True)).group(0)


def test_english_unless_the_young_person_chose_urdu(client):
    assert html_tag(client.get("/")) == '<html lang="en-GB" dir="ltr">'
    # A shared phone set up in Urdu by someone else still starts in English.
    assert 'dir="ltr"' in html_tag(client.get("/", headers={"Accept-Language": "ur"}))
    client.set_cookie("lang", "fr")
    assert 'lang="en-GB"' in html_tag(client.get("/"))
    client.set_cookie("lang", "ur")
    assert html_tag(client.get("/")) == '<html lang="ur" dir="rtl">'


def test_the_switch_remembers_the_choice_and_comes_back_to_the_same_page(client):
    page = client.get("/share").get_data(as_text=True)
    assert 'href="/lang/ur?next=/share"' in page and 'lang="ur"' in page and "اردو" in page
    response = client.get("/lang/ur?next=/share")
    assert response.status_code == 302 and response.headers["Location"] == "/share"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("lang=ur;") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Max-Age=31536000" in cookie
    page = client.get("/share").get_data(as_text=True)
    assert 'dir="rtl"' in page and 'href="/lang/en?next=/share"' in page and ">English<" in page


@pytest.mark.parametrize(
    "target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "evil.example", ""]
)
def test_the_switch_never_sends_anyone_to_another_site(client, target):
    response = client.get("/lang/ur", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/lang/xx?next=/").status_code == 404


def test_staff_pages_stay_in_english(client):
    client.set_cookie("lang", "ur")
    page = client.get("/staff/login")
    assert 'lang="en-GB" dir="ltr"' in html_tag(page)
    assert "lang-switch" not in page.get_data(as_text=True)


# --- The Urdu catalogue, and the young person's pages in Urdu -----------------------------

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
URDU = os.path.join(ROOT, "translations", "ur", "LC_MESSAGES", "messages.po")
# Three or more English words in a row: a sentence or label someone forgot to translate.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}")


def test_the_urdu_catalogue_has_every_marked_string_translated(tmp_path):
    # Extract afresh, as docs/translations.md says: a string marked since the last
    # `pybabel update` is missing from the Urdu file and fails here.
    pot = tmp_path / "messages.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            os.path.join(ROOT, "babel.cfg"),
            "-k",
            "_l",
            "-k",
            "N_",
            "--ignore-dirs",
            ".* __pycache__",
            "-o",
            str(pot),
            os.path.join(ROOT, "voice"),
            os.path.join(ROOT, "templates"),
        ]
    )
    with open(pot, "rb") as source:
        marked = {message.id for message in read_po(source) if message.id}
    with open(URDU, "rb") as source:
        catalogue = read_po(source, locale="ur")
    note = catalogue.header_comment.lower()
    assert "native" in note and "review" in note
    assert sorted(marked - {m.id for m in catalogue if m.id}) == []
    for message in catalogue:
        if not message.id:
            continue
        assert "fuzzy" not in message.flags, message.id
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        urdu = message.string if isinstance(message.string, tuple) else (message.string,)
        for number, words in enumerate(urdu):
            assert words, message.id
            # The same %(names)s and the same tags, or the page breaks or loses a link.
            for part in (r"%\(\w+\)s", r"<[^>]+>"):
                assert sorted(re.findall(part, words)) == sorted(
                    re.findall(part, english[min(number, len(english) - 1)])
                ), message.id


def english_left(response, *allowed):
    """Runs of English words in what a person reads on the page, leaving out text that is
    not ours to translate (what the young person and staff wrote, names)."""
    html = response.get_data(as_text=True)
    html = re.sub(r"<(script|style|title)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&#39;", "'").replace("&amp;", "&").replace("&nbsp;", " ")
    for words in allowed:
        text = text.replace(words, " ")
    return ENGLISH_RUN.findall(text)


COMMENT = "جواب اچھا ہے لیکن کب؟"  # what the young person wrote: not ours to translate
QUESTION = "وائی فائی کب سے رات 11 بجے تک چلے گا؟"


def test_every_young_person_page_reads_in_urdu(app, client, make_user):
    explanation, action = EXPLANATION, "Ask every placement to keep the wifi on"
    ours = (ORDINARY, explanation, action, "Placements team", app.config["COUNCIL_NAME"])
    assert english_left(client.get("/")), "the English home page must count as English"
    client.set_cookie("lang", "ur")
    pages = {
        "home": client.get("/"),
        "privacy": client.get("/privacy"),
        "not found": client.get("/no-such-page"),
        "check": client.get("/check"),
        "wrong code": client.post("/check", data={"code": "AAA-BBB-CCC-DDD"}),
        "you said, we did": client.get("/you-said-we-did"),
        "decisions": client.get("/decisions"),
    }
    _, token = share_page(client)
    pages["share, with errors"] = client.post("/share", data=answers(token, message="", kind=None))
    pages["sent"], code = send(client)
    pages["case"] = client.post("/check", data={"code": code}, follow_redirects=True)
    pages["take it back"] = client.get("/check/withdraw")

    worker, officer = make_user("worker"), make_user("officer", name="Sam Officer")
    submission = db.session.scalars(select(Submission)).one()
    area = ensure_area("Placements and fostering", lead=officer, officers=[officer])
    moderation.moderate(submission, worker, ORDINARY, [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    responses.save(
        submission,
        officer,
        decision="do",
        explanation=explanation,
        team_name="Placements team",
        submit=True,
        actions=[(action, "Placements team", submission.due_on)],
    )
    responses.release(submission, worker)
    db.session.commit()
    pages["answered case"] = client.get("/check/case")
    answer = db.session.scalars(select(Response)).one()
    pages["rating error"] = client.post("/check/rate", data={"response_id": str(answer.id)})
    pages["follow-up"] = client.get("/check/follow-up")
    pages["what we hold"] = client.get("/check/download")
    # Rated and asked again: the thank-you notes, and the copy with every part filled in.
    pages["rated"] = client.post(
        "/check/rate",
        follow_redirects=True,
        data={"response_id": str(answer.id), "answer": "partly", "comment": COMMENT},
    )
    pages["asked again"] = client.post(
        "/check/follow-up", data={"message": QUESTION}, follow_redirects=True
    )
    pages["what we hold, in full"] = client.get("/check/download")
    # The JSON copy is for other apps: its keys and words stay the same in every language.
    copy = client.get("/check/download.json").get_json()
    assert (
        copy["responses"][0]["decision"] == "We'll do it."
        and copy["ratings"][0]["answer"] == "partly"
    )

    for name, response in pages.items():
        assert 'dir="rtl"' in html_tag(response), name
        assert english_left(response, *ours, answer.signed_by) == [], name
    full = pages["what we hold, in full"].get_data(as_text=True)
    assert COMMENT in full and QUESTION in full and str(escape(ORDINARY)) in full
    assert (
        "پیر" in pages["sent"].get_data(as_text=True)
        or "دسمبر" in pages["sent"].get_data(as_text=True)
        or re.search(r"\d{4}</strong>", pages["sent"].get_data(as_text=True))
    )


def in_urdu(app, words):
    """What a young person reading Urdu is shown for `words` (marked text, or a lazy string)."""
    seen = {}
    for language in ("en", "ur"):
        with app.test_request_context(), force_locale(language):
            seen[language] = gettext(words) if isinstance(words, str) else str(words)
    assert seen["ur"] != seen["en"], f"no Urdu for {words!r}"
    return str(escape(seen["ur"]))


def test_the_rare_messages_are_in_urdu_too_and_stay_english_for_staff(app, client):
    client.set_cookie("lang", "ur")
    pasted = client.post("/check", data={"code": "7KQ-M4X\x00"})  # from copying and pasting
    _, code = send(client)
    client.post("/check", data={"code": code})
    nothing_to_rate = client.post("/check/rate", data={}, follow_redirects=True)
    app.config["WTF_CSRF_ENABLED"] = True
    timed_out = client.post("/check", data={"code": code, "csrf_token": "expired-or-forged"})
    for response, words in (
        (pasted, HIDDEN_CHARACTER),
        (timed_out, TIMED_OUT),
        (nothing_to_rate, "There is no answer to rate just now."),
    ):
        assert in_urdu(app, words) in response.get_data(as_text=True)
        assert english_left(response, ORDINARY) == []
    staff = client.post(
        "/staff/login",
        data={"email": "someone@council.example", "password": "x", "csrf_token": "expired"},
    )
    assert str(TIMED_OUT) in staff.get_data(as_text=True)
