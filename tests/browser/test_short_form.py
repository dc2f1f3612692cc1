"""The short form (issue 18) on a phone, in English and in Urdu: a picture and a face picked by
their names, as a screen reader finds them, sent, and the code shown; the case page then says
how they felt, in their language; axe finds nothing, before and after a mistake and on the
case page, and nothing scrolls sideways."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.browser.test_case_progress import open_with_code
from voice.extensions import db
from voice.submissions.models import Feeling, Submission
from voice.themes.services import ensure_default_themes

WORDS = {
    "en": {
        "topic": "School and learning",
        "face": "Worried",
        "send": "Send",
        "error": "Pick a face.",
        "sent": "Your message has been sent",
        "wrote": "You wrote",
        "felt": "How you felt: 😟 Worried",
    },
    "ur": {
        "topic": "اسکول اور پڑھائی",
        "face": "پریشان",
        "send": "بھیجیں",
        "error": "ایک چہرہ چنیں۔",
        "sent": None,
        "wrote": "آپ نے لکھا",
        "felt": "آپ نے کیسا محسوس کیا: 😟 پریشان",
    },
}


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_picture_and_a_face_send_a_message_on_a_phone(page, live_server, language):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()
    words = WORDS[language]
    page.context.add_cookies([{"name": "lang", "value": language, "url": live_server.url}])
    page.goto(live_server("/share/short"))
    assert page.evaluate("document.documentElement.lang") == ("ur" if language == "ur" else "en-GB")
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("radio", name=words["topic"]).check()
    page.get_by_role("button", name=words["send"], exact=True).click()
    expect(page.locator(".error-summary")).to_contain_text(words["error"])
    assert page.get_by_role("radio", name=words["topic"]).is_checked()  # nothing lost
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("radio", name=words["face"], exact=True).check()
    page.get_by_role("button", name=words["send"], exact=True).click()
    page.wait_for_url(live_server("/share/sent"))
    code = page.locator("#reference-code").inner_text().strip()
    assert code
    if words["sent"]:
        expect(page.get_by_role("heading", level=1)).to_contain_text(words["sent"])
    with live_server.app.app_context():
        newest = db.session.scalars(select(Submission).order_by(Submission.id.desc())).first()
        # The face is kept as the feeling; no words of theirs, so none in the message.
        assert newest.feeling == Feeling.WORRIED and newest.message == ""

    open_with_code(page, live_server, code)
    page.locator("summary", has_text=words["wrote"]).click()
    expect(page.locator(".thread-first .feeling")).to_have_text(words["felt"])
    assert_no_sideways_scroll(page)
    assert_accessible(page)
