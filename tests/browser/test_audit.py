"""An admin reads and filters the audit log at a laptop; axe-core finds nothing on it."""

from tests.browser.conftest import LAPTOP, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in


def test_admin_filters_the_audit_log_at_a_laptop(page, live_server, live_user):
    page.set_viewport_size(LAPTOP)
    email, password = live_user("admin", name="Robin Admin")
    page.goto(live_server("/staff/login"))
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign in").click()
    assert "is not right" in page.locator(".error-summary").inner_text()
    sign_in(page, live_server, email, password)

    page.goto(live_server("/admin/audit"))
    assert page.locator("h1").inner_text() == "Audit log"
    first_row = page.locator("tbody tr").first
    assert email in first_row.inner_text() and "Signed in" in first_row.inner_text()
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_label("What happened").select_option(label="Sign-in refused")
    page.get_by_label("Staff e-mail address").fill(email)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**action=sign_in_failed**")
    rows = page.locator("tbody tr")
    assert rows.count() == 1
    assert "password step" in rows.first.inner_text()
    assert "not the password" not in page.content()
    assert page.get_by_label("Staff e-mail address").input_value() == email
    assert_accessible(page)

    page.get_by_label("From").fill("2026-07-02")
    page.get_by_label("To").fill("2026-07-01")
    page.get_by_role("button", name="Filter").click()
    summary = page.locator(".error-summary")
    assert "must be the same as the ‘from’ date or after it" in summary.inner_text()
    assert page.title().startswith("Error:")
    assert_accessible(page)
