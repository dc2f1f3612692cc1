"""The share form gets to the point on a phone: the message box is on the first screen (English
and Urdu), the page says only three questions are needed, topics are chips not cards, a kept
draft is announced, and the Esc tip shows only where there is a keyboard. Sending costs a
fixed number of page loads, held here."""

import pytest

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll

pytestmark = pytest.mark.usefixtures("themes")  # the starter topics (conftest)

FIRST_SCREEN = {"width": 360, "height": 640}
MESSAGE = "The wifi at my placement goes off at 9pm and I can't do my homework."


@pytest.fixture
def touch_phone(browser):
    """A phone with a touch screen and no keyboard or mouse (pointer: coarse, no hover)."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = context.new_page()
    tab.set_default_timeout(8000)
    yield tab
    context.close()


def in_urdu(page, live_server):
    page.context.add_cookies([{"name": "lang", "value": "ur", "url": live_server("/")}])


def message_box_top(page):
    return page.locator("#message").bounding_box()["y"]


@pytest.mark.parametrize("language", ["en-GB", "ur"])
def test_the_message_box_is_on_the_first_screen(page, live_server, language):
    if language == "ur":
        in_urdu(page, live_server)
    page.set_viewport_size(FIRST_SCREEN)
    page.goto(live_server("/share"))
    assert page.evaluate("document.documentElement.lang") == language
    top = message_box_top(page)
    assert top + 60 < FIRST_SCREEN["height"], f"the message box starts {top}px down"
    assert_no_sideways_scroll(page)
    assert_accessible(page)


def test_the_page_says_only_three_questions_are_needed(page, live_server):
    page.goto(live_server("/share"))
    note = page.locator(".three-needed")
    assert note.is_visible()
    assert "Only 3 questions need an answer" in note.inner_text()
    assert note.bounding_box()["y"] < message_box_top(page)


def test_topics_are_compact_chips_and_still_chosen_by_name(page, live_server):
    page.goto(live_server("/share"))
    topics = page.locator("#theme")
    assert topics.locator("input[type=radio]").count() >= 14
    # 14 cards, one a line, were over 1,000 px at 360 px wide; chips wrap several to a line.
    assert topics.bounding_box()["height"] < 520
    page.get_by_role("radio", name="Where I live").check()
    assert page.get_by_role("radio", name="Where I live").is_checked()
    chip = page.locator("#theme label", has_text="Where I live")
    box = chip.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert_accessible(page)


def test_a_kept_draft_is_announced(page, live_server):
    page.goto(live_server("/share"))
    kept = page.locator("[data-draft-kept]")
    assert not kept.is_visible()  # nothing kept on a fresh form
    page.get_by_label("Your message").fill("Half written when the signal went")
    page.reload()
    assert kept.is_visible()
    assert "We kept what you wrote before on this phone" in kept.inner_text()
    assert_accessible(page)


def test_the_esc_tip_is_hidden_on_a_touch_phone_until_a_key_is_pressed(touch_phone, live_server):
    touch_phone.goto(live_server("/share"))
    assert touch_phone.evaluate("matchMedia('(pointer: coarse)').matches")
    tip = touch_phone.locator("[data-quick-exit-hint]")
    assert not tip.is_visible()
    assert touch_phone.locator("#message").bounding_box()["y"] < 640
    touch_phone.get_by_label("Your message").press("a")  # a keyboard is plugged in after all
    assert tip.is_visible()


def test_the_esc_tip_shows_on_a_computer_with_a_mouse(page, live_server):
    page.goto(live_server("/share"))
    assert page.evaluate("matchMedia('(hover: hover) and (pointer: fine)').matches")
    assert page.locator("[data-quick-exit-hint]").is_visible()


def test_sending_takes_two_page_loads_from_the_home_page(page, live_server):
    page.goto(live_server("/"))
    loads = []
    page.on(
        "framenavigated", lambda frame: loads.append(frame.url) if frame == page.main_frame else 0
    )
    page.get_by_role("link", name="Share something").click()
    page.wait_for_url(live_server("/share"))
    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_role("radio", name="My view", exact=True).check()
    page.get_by_role("radio", name="Where I live").check()
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    page.locator("#reference-code").wait_for()
    assert loads == [live_server("/share"), live_server("/share/sent")]
