"""The short form (issue 18): a picture, a face and maybe a few words make a message that goes
through the same disclosure check, moderation and one-time token as /share."""

import re

import pytest
from sqlalchemy import func, select

from tests.submissions_helpers import WORRYING, theme_id
from tests.test_reading_age import PROSE, words_of
from voice.extensions import db
from voice.responses.services import reading_age
from voice.submissions.models import Feeling, Kind, ReplyBy, SafeNow, Status, Submission
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def short_page(client, language=None):
    ensure_default_themes()
    db.session.commit()
    if language:
        client.set_cookie("lang", language)
    html = client.get("/share/short").get_data(as_text=True)
    token = re.search(r'name="form_token" type="hidden" value="([^"]+)"', html).group(1)
    return html, token


def send_short(client, **fields):
    _, token = short_page(client)
    data = {"theme": str(theme_id("school")), "feeling": "worried", "form_token": token}
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post("/share/short", data=data, follow_redirects=True)


def submissions():
    return db.session.scalars(select(Submission)).all()


def test_a_picture_and_a_face_alone_are_a_view_the_worker_can_read(client):
    response = send_short(client)
    page = response.get_data(as_text=True)
    assert "Your message has been sent" in page and 'data-code="' in page
    (submission,) = submissions()
    assert submission.kind == Kind.VIEW and submission.status == Status.NEW
    # The face is kept on its own; the text is only what they wrote: nothing.
    assert submission.feeling == Feeling.WORRIED and submission.message == ""
    assert [t.id for t in submission.themes] == [theme_id("school")]
    assert submission.reply_by == ReplyBy.CODE and not submission.consent_publish


def test_words_and_consents_go_with_the_face(client):
    send_short(client, feeling="happy", message="My new teacher listens.", consent_quote="y")
    (submission,) = submissions()
    assert submission.message == "My new teacher listens."
    assert submission.feeling == Feeling.HAPPY
    assert submission.consent_quote and not submission.consent_publish


def test_worrying_words_are_held_for_the_safeguarding_lead(client):
    page = send_short(client, message=WORRYING).get_data(as_text=True)
    (submission,) = submissions()
    assert submission.status == Status.SAFEGUARDING and submission.safeguarding
    assert "You don't have to wait" in page  # the help now, as /share shows it


def test_saying_not_safe_holds_it_too(client):
    send_short(client, safe_now="no")
    (submission,) = submissions()
    assert submission.safe_now == SafeNow.NO and submission.safeguarding


def test_no_picture_or_face_says_what_to_pick_and_keeps_the_words(client):
    _, token = short_page(client)
    response = client.post(
        "/share/short", data={"message": "The bus is always late.", "form_token": token}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and submissions() == []
    assert "Pick a face." in page and "Pick a picture." in page
    assert "The bus is always late." in page


def test_a_topic_that_is_not_on_the_list_is_refused(client):
    response = send_short(client, theme="99999")
    assert submissions() == [] and "Pick a picture." in response.get_data(as_text=True)


def test_sending_the_same_form_twice_saves_it_once(client):
    _, token = short_page(client)
    data = {"theme": str(theme_id()), "feeling": "sad", "form_token": token}
    client.post("/share/short", data=data)
    client.post("/share/short", data=data)
    assert db.session.scalar(select(func.count()).select_from(Submission)) == 1


def test_the_honeypot_keeps_nothing(client):
    send_short(client, website="http://spam.example")
    assert submissions() == []


def main_words(html):
    return words_of(html.split("<main", 1)[1].split("</main>", 1)[0])


@pytest.mark.parametrize("errors", [False, True])
def test_the_short_form_reads_at_age_9(client, errors):
    html, _ = short_page(client)
    if errors:
        html = client.post("/share/short", data={}).get_data(as_text=True)
    prose = [block for block in main_words(html) if len(block.split()) >= PROSE // 2]
    age = reading_age(" ".join(prose))
    assert age is not None and age <= 9, (age, prose)
    assert all(len(block.split()) <= 20 for block in prose), prose


def test_the_short_form_is_in_urdu(client):
    html, _ = short_page(client, "ur")
    assert 'lang="ur"' in html and "جلدی سے بتائیں" in html
    for english in ("Tell us quickly", "How do you feel about it?", "Worried", "Can we show it?"):
        assert english not in html, english


def test_the_long_form_links_to_the_short_one(client):
    ensure_default_themes()
    db.session.commit()
    assert 'href="/share/short"' in client.get("/share").get_data(as_text=True)


@pytest.mark.parametrize("slug", ["something-else", "school", "home"])
@pytest.mark.parametrize("feeling", ["happy", "ok", "worried", "sad", "cross"])
def test_a_picture_and_a_face_alone_never_trip_the_disclosure_check(client, slug, feeling):
    """Every face, with any topic (Something else too): the check weighs the young person's
    own words, so a sad face alone neither holds a message nor jumps the queue (a person reads
    every message within one working day anyway)."""
    ensure_default_themes()
    send_short(client, theme=str(theme_id(slug)), feeling=feeling)
    (submission,) = submissions()
    assert submission.status == Status.NEW and not submission.safeguarding
    assert not submission.read_today
