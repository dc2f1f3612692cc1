"""The consent-to-act question on /share at 360 px, in English and in Urdu: it is there, its
answers can be chosen, nothing scrolls sideways and axe finds nothing."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from voice.extensions import db
from voice.themes.services import ensure_default_themes


def test_the_question_on_share_in_english_and_urdu(page, live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()
    assert page.viewport_size == PHONE and PHONE["width"] == 360
    page.goto(live_server("/share"))
    question = page.get_by_role(
        "group", name="If it helps sort it out, can we say it came from you?"
    )
    question.get_by_role("radio", name="Talk to me first").check()
    assert question.get_by_role("radio", name="Talk to me first").is_checked()
    # "Through my worker" asks who, in a box that shows when it is chosen.
    page.get_by_role("radio", name="Through my worker").check()
    expect(page.get_by_label("Your worker's name or team")).to_be_visible()
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_role("link", name="اردو").click()
    page.wait_for_url(live_server("/share"))
    question = page.get_by_role(
        "group",
        name="اگر اس سے معاملہ حل کرنے میں مدد ملے، تو کیا ہم بتا سکتے ہیں کہ یہ آپ کی طرف سے آیا ہے؟",
    )
    question.get_by_role("radio", name="پہلے مجھ سے بات کریں").check()
    assert question.get_by_role("radio", name="نہیں").count() == 1
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert_no_sideways_scroll(page)
    assert_accessible(page)
