"""The young person's whole journey on a phone, with JavaScript and without it:
home → share → confirmation with a code → check with that code shows "received"."""

import re
import threading

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from voice import caches
from voice.extensions import db
from voice.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("themes")  # the starter topics (conftest)

ORDINARY = "The wifi at my placement goes off at 9pm and I can't do my homework."
WORRYING = "I don't feel safe at home, he hits me when I'm late back."
TAP_TARGETS = (
    "a.button, button:not([hidden]), input:not([type=hidden]), textarea, "
    ".big-choice, .quick-exit, summary, .footer-links a"
)


@pytest.fixture(scope="module")
def neutral_site():
    """A stand-in for the weather site that quick exit goes to, on loopback."""

    def weather(environ, start_response):
        return Response("<title>Weather</title><h1>Weather today</h1>", mimetype="text/html")(
            environ, start_response
        )

    # Threaded: Chromium may open a connection it never sends on (a preconnect), and a
    # one-thread server waits on it, so shutdown() below hung for minutes until Chromium let go.
    server = make_server("127.0.0.1", 0, weather, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def quick_exit_to(live_server, neutral_site):
    previous = live_server.app.config["QUICK_EXIT_URL"]
    live_server.app.config["QUICK_EXIT_URL"] = neutral_site
    caches.forget_all(live_server.app)  # pages drawn with the other address
    yield neutral_site
    live_server.app.config["QUICK_EXIT_URL"] = previous
    caches.forget_all(live_server.app)


@pytest.fixture
def no_js_page(page):
    """A page where Voice's script never arrives, as on a browser with JavaScript off or a
    signal that dropped it. (Turning JavaScript off in Chromium also stops axe-core, so the
    script is answered with nothing instead.)"""
    page.route(
        "**/static/voice.js",
        lambda route: route.fulfill(status=200, content_type="application/javascript", body=""),
    )
    return page


def submissions(live_server):
    with live_server.app.app_context():
        return db.session.scalar(select(func.count()).select_from(Submission))


def assert_phone_ready(page):
    """axe finds nothing, nothing scrolls sideways at 320 px, every tap target is 44×44."""
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)
    small = page.evaluate(f"""() => [...document.querySelectorAll({TAP_TARGETS!r})]
        .filter(el => el.offsetParent !== null && !el.closest('.trap'))
        .map(el => [el.id || el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([name, r]) => `${{name}} ${{Math.round(r.width)}}x${{Math.round(r.height)}}`)""")
    assert small == [], f"tap targets under 44×44 px: {small}"
    page.set_viewport_size(PHONE)


def fill_share_form(page, kind_label="My view", message=ORDINARY):
    page.get_by_role("radio", name=kind_label, exact=True).check()
    page.get_by_role("radio", name="Where I live").check()
    page.get_by_label("Your message").fill(message)
    page.get_by_label("The Children in Care Council").check()


def share_and_check(
    page, live_server, kind_label="My view", message=ORDINARY, expect="We got your message"
):
    page.goto(live_server("/"))
    assert_phone_ready(page)
    page.get_by_role("link", name="Share something").click()
    page.wait_for_url(live_server("/share"))
    assert_phone_ready(page)
    fill_share_form(page, kind_label, message)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    code = page.locator("#reference-code").inner_text().strip()
    assert re.fullmatch(r"[2-9AC-HJKMNPQRTUWXY]{3}(-[2-9AC-HJKMNPQRTUWXY]{3}){3}", code)
    assert_phone_ready(page)
    page.get_by_role("link", name="Check for an answer").first.click()
    page.wait_for_url(live_server("/check"))
    assert_phone_ready(page)
    page.get_by_label("Your reference code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Check").click()
    page.wait_for_url(live_server("/check/case"))
    assert expect in page.locator("main").text_content()
    assert_phone_ready(page)
    return code


@pytest.mark.parametrize("kind_label", ["My view", "A question", "An idea"])
def test_the_whole_journey_with_javascript(page, live_server, kind_label):
    before = submissions(live_server)
    share_and_check(page, live_server, kind_label)
    assert submissions(live_server) == before + 1


def test_the_whole_journey_without_javascript(no_js_page, live_server):
    no_js_page.goto(live_server("/share"))
    assert no_js_page.locator("#reveal-phone").is_visible()  # no JS: every field is shown
    before = submissions(live_server)
    share_and_check(no_js_page, live_server, "A question")
    assert submissions(live_server) == before + 1


def test_error_states_are_accessible_and_keep_what_was_typed(page, live_server):
    page.goto(live_server("/share"))
    page.get_by_label("Your message").fill("Only the message, nothing else chosen.")
    page.get_by_label("By text message").check()
    page.get_by_role("button", name="Send my message").click()
    summary = page.locator(".error-summary")
    assert "Choose a view, a question or an idea." in summary.inner_text()
    assert "Type a UK mobile number" in summary.inner_text()
    assert (
        page.get_by_label("Your message").input_value() == "Only the message, nothing else chosen."
    )
    assert page.locator("#reveal-phone").is_visible()
    assert_phone_ready(page)
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill("222-333-444-555")
    page.get_by_role("button", name="Check").click()
    assert "couldn't find a message with that code" in page.locator(".error-summary").inner_text()
    assert_phone_ready(page)


def test_a_worrying_message_shows_help_now(page, live_server):
    page.goto(live_server("/share"))
    fill_share_form(page, message=WORRYING)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    assert page.locator("#help-now").is_visible()
    assert "Childline" in page.locator("#help-now").inner_text()
    assert_phone_ready(page)
    share_and_check(
        page, live_server, message=WORRYING, expect="A member of staff will be in touch"
    )


def test_withdraw_and_privacy_pages(page, live_server):
    share_and_check(page, live_server)
    page.get_by_role("link", name="Take my message back").click()
    assert_phone_ready(page)
    page.get_by_role("button", name="Yes, take it back").click()
    assert "You took this message back on" in page.locator("main").inner_text()
    page.goto(live_server("/privacy"))
    assert_phone_ready(page)


def test_a_draft_survives_a_reload_and_quick_exit_wipes_it(page, live_server, quick_exit_to):
    page.goto(live_server("/share"))
    page.get_by_label("Your message").fill("Half written when the signal went")
    page.get_by_label("By e-mail").check()
    assert page.locator("#reveal-email").is_visible()
    assert not page.locator("#reveal-phone").is_visible()
    page.reload()
    assert page.get_by_label("Your message").input_value() == "Half written when the signal went"
    assert page.get_by_label("By e-mail").is_checked()
    assert "characters left" in page.locator("#message-count").inner_text()
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url(quick_exit_to)
    page.goto(live_server("/share"))
    assert page.get_by_label("Your message").input_value() == ""


def test_quick_exit_leaves_no_way_back(page, live_server, quick_exit_to):
    page.goto("about:blank")
    page.goto(live_server("/"))
    page.get_by_role("link", name="Share something").click()
    page.wait_for_url(live_server("/share"))
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(quick_exit_to)
    page.go_back()
    assert not page.url.startswith(live_server.url), "Back returned to Voice"


def test_a_double_tap_sends_one_message(page, live_server):
    before = submissions(live_server)
    page.goto(live_server("/share"))
    fill_share_form(page)
    page.get_by_role("button", name="Send my message").dblclick()
    page.wait_for_url(live_server("/share/sent"))
    assert page.locator("#reference-code").is_visible()
    assert submissions(live_server) == before + 1


def sent_with_a_share_sheet(page, live_server):
    """Send the share form on a phone whose share sheet records what it was given (Chromium
    on a laptop has none); returns the code the sent page shows."""
    page.add_init_script(
        "navigator.share = (data) => { window.sharedWith = data; return Promise.resolve(); };"
    )
    page.goto(live_server("/share"))
    fill_share_form(page)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    return page.locator("#reference-code").inner_text().strip()


def test_the_code_goes_to_the_phones_share_sheet_not_the_photos(page, live_server):
    code = sent_with_a_share_sheet(page, live_server)
    assert "screenshot stays in your photos" in page.locator("main").inner_text()
    page.get_by_role("button", name="Save it in my notes").click()
    assert page.evaluate("window.sharedWith") == {"text": code}
    assert_accessible(page)


def test_without_a_share_sheet_the_button_is_not_offered(page, live_server):
    page.goto(live_server("/share"))
    fill_share_form(page)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    assert page.evaluate("typeof navigator.share") == "undefined"
    assert page.get_by_role("button", name="Save it in my notes").count() == 0
