"""The young person's whole journey, and a worker moderating one message, with the keyboard
alone: Tab, Shift+Tab, Space, Enter and the arrow keys move and choose, text is typed into
whatever has focus. No clicks, and no field is filled by a selector."""

import re

import pytest

from tests.browser.conftest import LAPTOP, assert_accessible
from tests.browser.test_staff_sign_in import app_code, password_step_by_keyboard, with_account
from tests.submissions_helpers import make_submission
from voice.areas.services import ensure_area
from voice.auth import mfa
from voice.extensions import db

pytestmark = pytest.mark.usefixtures("themes")  # the starter topics (conftest)

MESSAGE = "The wifi at my placement goes off at 9pm and I can't do my homework."
ORIGINAL = "Jenny at Moss Lane said no bus pass. Text me on 07911 123456."
SHARED = "My PA said I can't have a bus pass."

FOCUSED = """() => {
  // The focused element's name as a person hears it (emoji hidden from readers left out).
  const el = document.activeElement;
  if (el.tagName === 'INPUT' && ['submit', 'button'].includes(el.type)) return el.value;
  const copy = ((el.labels && el.labels[0]) || el).cloneNode(true);
  copy.querySelectorAll('[aria-hidden=true]').forEach(e => e.remove());
  return copy.textContent.trim().replace(/\\s+/g, ' ');
}"""


def tab_to(page, name, key="Tab", limit=80):
    """Press Tab (or Shift+Tab) until the focused element is called `name`."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(FOCUSED) == name:
            return
    raise AssertionError(f"{key} never reached {name!r}")


def focused_is_checked(page):
    return page.evaluate("document.activeElement.checked")


def test_young_persons_whole_journey_by_keyboard(page, live_server):
    page.goto(live_server("/"))
    tab_to(page, "Share something")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/share"))

    tab_to(page, "Your message")  # the message comes first on the form
    page.keyboard.type(MESSAGE)
    tab_to(page, "My view")  # Tab enters a radio group on its first choice
    page.keyboard.press("ArrowDown")  # the arrows move through the group and choose
    assert page.evaluate(FOCUSED) == "A question" and focused_is_checked(page)
    tab_to(page, "Where I live")
    page.keyboard.press("Space")
    assert focused_is_checked(page)
    tab_to(page, "I'm not sure")  # Tab enters a group on the choice already made
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED) == "The Children in Care Council" and focused_is_checked(page)
    tab_to(page, "Your message", key="Shift+Tab")  # back, to check what was typed
    assert page.evaluate("document.activeElement.value") == MESSAGE
    tab_to(page, "Send my message")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/share/sent"))
    code = page.locator("#reference-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{3}(-[2-9A-HJKMNP-Z]{3}){3}", code)

    tab_to(page, "Check for an answer")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/check"))
    tab_to(page, "Your reference code")
    page.keyboard.type(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/check/case"))
    sent = page.locator("main").text_content()
    assert MESSAGE in sent and "A question about where I live" in sent


def test_worker_moderates_one_message_by_keyboard(page, live_server, live_user):
    page.set_viewport_size(LAPTOP)
    email, password = live_user("worker", name="Kay Keyboard")
    officer_email, _ = live_user("officer", name="Olu Keyboard")
    with live_server.app.app_context():
        from voice.auth import services as accounts

        officer = accounts.find_user(officer_email)
        ensure_area("Keyboard area", lead=officer, officers=[officer])
        reference = make_submission(ORIGINAL).reference
        db.session.commit()
    secret = with_account(live_server, email, change=mfa.enrol)
    password_step_by_keyboard(page, live_server, email, password)
    tab_to(page, "Code from your app")
    page.keyboard.type(app_code(secret))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/staff/"))

    tab_to(page, "Moderation")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(live_server("/moderation/"))))
    tab_to(page, reference, limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/moderation/\d+$"))

    tab_to(page, "Shared version (what officers and the board will see)")
    page.keyboard.press("Control+A")
    page.keyboard.type(SHARED)
    tab_to(page, "Money")
    page.keyboard.press("Space")
    assert focused_is_checked(page)
    tab_to(page, "Service area")
    page.keyboard.type("Keyboard area")  # a closed list picks the option typed
    tab_to(page, "Officer who will answer")
    page.keyboard.type("Olu Keyboard")
    tab_to(page, "Save and send to the officer")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(live_server("/moderation/"))))
    assert f"{reference} sent to Olu Keyboard" in page.locator(".notice").inner_text()
    assert_accessible(page)
    with live_server.app.app_context():
        from voice.moderation.services import find

        routed = find(reference)
        assert routed.shared_text == SHARED
        assert "Money" in [t.name for t in routed.themes]
        assert routed.officer.email == officer_email


QUESTION_UNDER_HEADER = """() => {
  // The focused field's question (its legend or label), if the sticky header covers it.
  const el = document.activeElement, header = document.querySelector('.site-header');
  const question = el.closest('fieldset')?.querySelector('legend') || el.labels?.[0] || el;
  return question.getBoundingClientRect().top < header.getBoundingClientRect().bottom
    ? question.textContent.trim().slice(0, 40) : null;
}"""
# Scrolls so the message box sits just under the top of the window, behind the header, with
# focus on the next box or choice after it: Shift+Tab then moves back onto a box that is in
# the window, so the browser need not scroll unless it knows about the header.
BEHIND_HEADER = """() => {
  const box = document.getElementById('message');
  const after = [...document.querySelectorAll('main input, main textarea')].find(el =>
    box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
    el.type !== 'hidden' && el.getClientRects().length);
  after.focus({preventScroll: true});
  window.scrollBy(0, box.getBoundingClientRect().top - 8);
}"""


def test_the_sticky_header_never_hides_the_question_that_has_focus(page, live_server):
    """Young people's header stays on screen as the page scrolls. A link in the error summary,
    and Shift+Tab onto a box half under the header, must each show the question in full."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server("/share"))
    tab_to(page, "Send my message")
    page.keyboard.press("Enter")
    page.wait_for_selector(".error-summary:focus")
    hidden = []
    for number in range(page.locator(".error-summary a").count()):
        page.locator(".error-summary").focus()
        for _ in range(number + 1):
            page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        if question := page.evaluate(QUESTION_UNDER_HEADER):
            hidden.append(f"error summary link {number + 1}: {question}")
    page.evaluate(BEHIND_HEADER)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "message"
    if question := page.evaluate(QUESTION_UNDER_HEADER):
        hidden.append(f"Shift+Tab: {question}")
    assert hidden == []
