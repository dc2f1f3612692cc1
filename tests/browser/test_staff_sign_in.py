"""The first browser tests: the sign-in and error pages are accessible, and signing in (both
steps) and out works with the keyboard alone."""

from datetime import UTC

import pyotp

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from voice import clock
from voice.auth import mfa
from voice.auth import services as accounts
from voice.extensions import db


def with_account(live_server, email, change=None):
    """Read (and optionally change) an account on the live server; returns its TOTP secret."""
    with live_server.app.app_context():
        user = accounts.find_user(email)
        if change:
            change(user)
            db.session.commit()
        return user.mfa_secret


def app_code(secret):
    """What the person's authenticator app would show now."""
    return pyotp.TOTP(secret).at(clock.utcnow().replace(tzinfo=UTC))


def enrolled_afresh(user):
    """Set up, with no code used yet: a code is refused a second time in its 30 seconds (a
    replay), so two tests signing the same person in within them would otherwise fail."""
    mfa.enrol(user)
    user.mfa_last_step = None


def sign_in(page, live_server, email, password):
    """Both steps through the live server's sign-in forms, the password then the app's code,
    posted from the tab's own cookie jar (page.context.request), then the staff home, where a
    person lands. Chromium draws neither form here: signing in in the browser, by mouse and
    by keyboard, is tested in this module and in test_keyboard.py, and the dozens of tests
    that only need to be signed in would otherwise draw both pages again each time."""
    secret = with_account(live_server, email, change=enrolled_afresh)
    http = page.context.request
    steps = (
        ("/staff/login", {"email": email, "password": password}, "/staff/sign-in/code"),
        ("/staff/sign-in/code", {"code": app_code(secret)}, "/staff/"),
    )
    for path, form, then in steps:
        response = http.post(live_server(path), form=form, max_redirects=0)
        assert response.status == 302, f"{path} answered {response.status}: {response.text()}"
        assert response.headers["location"].endswith(then), response.headers["location"]
    page.goto(live_server("/staff/"))


def test_sign_in_page_passes_axe_at_phone_size(page, live_server):
    page.goto(live_server("/staff/login"))
    assert page.locator("h1").inner_text() == "Sign in to Voice"
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert_no_sideways_scroll(page)


def test_sign_in_errors_are_summarised_linked_and_accessible(page, live_server):
    page.goto(live_server("/staff/login"))
    page.get_by_role("button", name="Sign in").click()
    summary = page.locator(".error-summary")
    assert "Enter your e-mail address." in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    summary.get_by_role("link", name="Enter your e-mail address.").click()
    assert page.evaluate("document.activeElement.id") == "email"


def test_error_page_passes_axe(page, live_server):
    response = page.goto(live_server("/this/page/is/not/here"))
    assert response.status == 404
    assert "find that page" in page.locator("h1").inner_text()
    assert_accessible(page)


def tab_to(page, accessible_name, limit=15):
    """Press Tab until the focused element has this name, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "(document.activeElement.labels && document.activeElement.labels[0]"
            " ? document.activeElement.labels[0].innerText"
            " : document.activeElement.innerText || '').trim()"
        )
        if focused == accessible_name:
            return
    raise AssertionError(f"Tab never reached {accessible_name!r}")


def password_step_by_keyboard(page, live_server, email, password):
    """The sign-in page's first step with the keyboard alone, up to the code page."""
    page.goto(live_server("/staff/login"))
    tab_to(page, "E-mail address")
    page.keyboard.type(email)
    tab_to(page, "Password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/staff/sign-in/code"))


def test_sign_in_and_out_by_keyboard_alone(page, live_server, live_user):
    email, password = live_user("officer", name="Kim Officer")
    secret = with_account(live_server, email, change=mfa.enrol)
    password_step_by_keyboard(page, live_server, email, password)
    assert_accessible(page)
    tab_to(page, "Code from your app")
    page.keyboard.type(app_code(secret))
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/staff/"))
    assert "Hello, Kim Officer" in page.locator("h1").inner_text()
    assert_accessible(page)
    tab_to(page, "Sign out")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server("/staff/login"))
    assert "You have signed out." in page.locator(".notice").inner_text()
    page.goto(live_server("/staff/"))
    assert page.url.startswith(live_server("/staff/login"))  # the session really ended


def test_setting_up_two_step_sign_in_at_phone_size(page, live_server, live_user):
    email, password = live_user("worker", name="Sam Worker")
    page.goto(live_server("/staff/login"))
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server("/staff/sign-in/set-up"))
    assert page.viewport_size == PHONE
    qr = page.get_by_role("img", name="QR code for adding Voice to your authenticator app")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")  # it drew, under the CSP
    assert qr.bounding_box()["width"] <= PHONE["width"]
    secret = with_account(live_server, email)
    assert page.locator("#setup-key").inner_text().replace(" ", "") == secret
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    wrong = "000000" if app_code(secret) != "000000" else "111111"
    page.get_by_label("Code from your app").fill(wrong)
    page.get_by_role("button", name="Finish setting up").click()
    assert "That code is not right" in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Code from your app").fill(app_code(secret))
    page.get_by_role("button", name="Finish setting up").click()
    assert page.locator("h1").inner_text() == "Save your recovery codes"
    assert page.locator(".mfa-recovery-codes li").count() == 10
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="I have saved them – continue").click()
    page.wait_for_url(live_server("/staff/"))
    assert "Hello, Sam Worker" in page.locator("h1").inner_text()
