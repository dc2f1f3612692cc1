"""The young person's journey in Urdu on a phone, to what Voice holds about their message: the
layout mirrors (dir=rtl), nothing scrolls sideways, axe finds nothing on any page, the choice
is remembered from page to page (a cookie), and the switch brings English back on the same
page."""

import os
import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from voice.extensions import db
from voice.themes.services import ensure_default_themes

MESSAGE = "میری رہائش پر وائی فائی رات 9 بجے بند ہو جاتا ہے اور میں ہوم ورک نہیں کر سکتا۔"


def assert_urdu_page(page, name):
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ur",
        "rtl",
    ]
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    switch = page.locator(".lang-switch")
    assert switch.inner_text() == "English" and switch.get_attribute("lang") == "en"
    box = switch.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    # VOICE_SCREENSHOTS=folder keeps a picture of each page, to look at the mirrored layout.
    if os.environ.get("VOICE_SCREENSHOTS"):
        height = page.evaluate("document.documentElement.scrollHeight")
        for part, top in enumerate(range(0, height, 700)):
            page.evaluate(f"window.scrollTo(0, {top})")
            page.screenshot(
                path=os.path.join(os.environ["VOICE_SCREENSHOTS"], f"ur-{name}-{part}.png")
            )
        page.evaluate("window.scrollTo(0, 0)")


def test_the_whole_journey_in_urdu_and_back_to_english(page, live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()
    page.goto(live_server("/"))
    page.get_by_role("link", name="اردو").click()
    page.wait_for_url(live_server("/"))
    assert_urdu_page(page, "home")
    assert {c["name"]: c["value"] for c in page.context.cookies()}.get("lang") == "ur"

    page.get_by_role("link", name="کچھ بتائیں").click()  # Share something
    page.wait_for_url(live_server("/share"))
    assert_urdu_page(page, "share")
    page.get_by_role("radio", name="میری رائے", exact=True).check()  # My view
    page.get_by_role("radio", name="جہاں میں رہتا/رہتی ہوں").check()  # Where I live
    page.get_by_label("آپ کا پیغام").fill(MESSAGE)
    page.get_by_label("چلڈرن اِن کیئر کونسل").check()
    page.get_by_role("button", name="میرا پیغام بھیجیں").click()
    page.wait_for_url(live_server("/share/sent"))
    assert_urdu_page(page, "sent")
    code = page.locator("#reference-code").inner_text().strip()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="کوڈ کاپی کریں").click()  # Copy the code
    # The script's words are the page's: copied (or, if the phone refuses, write it down).
    expect(page.locator("[data-copy]")).to_have_text(
        re.compile("^(کاپی ہو گیا ✓|کاپی نہیں ہو سکا: براہ مہربانی اسے لکھ لیں)$")
    )

    page.get_by_role("link", name="جواب دیکھیں").first.click()  # Check for an answer
    page.wait_for_url(live_server("/check"))
    assert_urdu_page(page, "check")
    page.get_by_label("آپ کا حوالہ کوڈ").fill(code)
    page.get_by_role("button", name="دیکھیں", exact=True).click()
    page.wait_for_url(live_server("/check/case"))
    assert "ہمیں آپ کا پیغام مل گیا" in page.locator("main").inner_text()  # We got your message
    assert MESSAGE in page.locator("main").text_content()
    assert_urdu_page(page, "case")

    # Get a copy of all we keep about this message
    page.get_by_role("link", name="اس پیغام کے بارے میں ہمارے پاس جو کچھ ہے اس کی کاپی لیں").click()
    page.wait_for_url(live_server("/check/download"))
    assert "آپ کے پیغام کے بارے میں ہمارے پاس کیا ہے" in page.locator("h1").inner_text()
    assert MESSAGE in page.locator("main").text_content()
    assert_urdu_page(page, "download")

    page.get_by_role("link", name="English").click()
    page.wait_for_url(live_server("/check/download"))
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert "We got your message" in page.locator("main").inner_text()
    page.goto(live_server("/"))
    assert page.get_by_role("link", name="اردو").is_visible()
    assert_accessible(page)
