"""The first browser tests: the sign-in and error pages are accessible, and signing in and
out works with the keyboard alone."""
from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll


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
            " : document.activeElement.innerText || '').trim()")
        if focused == accessible_name:
            return
    raise AssertionError(f"Tab never reached {accessible_name!r}")


def test_sign_in_and_out_by_keyboard_alone(page, live_server, live_user):
    email, password = live_user("officer", name="Kim Officer")
    page.goto(live_server("/staff/login"))
    tab_to(page, "E-mail address")
    page.keyboard.type(email)
    tab_to(page, "Password")
    page.keyboard.type(password)
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
