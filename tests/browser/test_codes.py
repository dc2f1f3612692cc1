"""Codes that survive real life, at 360 px in English and in Urdu (issue 19): the code goes to
the phone's share sheet, a code typed with a look-alike ("5" as "S") still opens the case, and
a code with a symbol no code has names the group to look at again. axe finds nothing."""

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_journey import sent_with_a_share_sheet
from voice.extensions import db
from voice.themes.services import ensure_default_themes

URDU_SAVE = "اسے میرے نوٹس میں محفوظ کریں"
URDU_LOOK_AGAIN = "کو دوبارہ دیکھیں"


def sent_code(page, live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()
    return sent_with_a_share_sheet(page, live_server)


def as_mistyped(code):
    """The code as a young person might type it from a note: lower case, spaces, and each
    5, 8 or 2 written as the letter it looks like."""
    return code.replace("5", "S").replace("8", "B").replace("2", "Z").replace("-", " ").lower()


def with_a_zero_in_the_second_group(code):
    groups = code.split("-")
    groups[1] = "0" + groups[1][1:]
    return "-".join(groups), groups[1]


def check(page, live_server, typed, button):
    page.goto(live_server("/check"))
    page.locator("input[name=code]").fill(typed)
    page.get_by_role("button", name=button).click()


def test_the_code_in_english_and_urdu(page, live_server):
    assert page.viewport_size == PHONE and PHONE["width"] == 360
    code = sent_code(page, live_server)

    page.get_by_role("link", name="اردو").click()
    page.wait_for_url(live_server("/share/sent"))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.get_by_role("button", name=URDU_SAVE).click()
    assert page.evaluate("window.sharedWith") == {"text": code}
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    wrong, group = with_a_zero_in_the_second_group(code)
    check(page, live_server, wrong, "دیکھیں")
    said = page.locator("main").inner_text()
    assert URDU_LOOK_AGAIN in said and group in said
    assert_accessible(page)

    page.get_by_role("link", name="English").click()
    check(page, live_server, wrong, "Check")
    assert f"Look again at “{group}”" in page.locator("main").inner_text()
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    check(page, live_server, as_mistyped(code), "Check")
    page.wait_for_url(live_server("/check/case"))
    assert "We got your message" in page.locator("main").inner_text()
    assert_accessible(page)
