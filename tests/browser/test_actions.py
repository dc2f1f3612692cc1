"""An officer at a laptop finds an overdue action, is told kindly that "not going ahead"
needs the reason, gives it, and sees the update kept. axe-core finds nothing throughout."""

from datetime import timedelta

from tests.browser.conftest import LAPTOP, assert_accessible
from tests.browser.test_staff_sign_in import sign_in
from tests.clock_helpers import answered_case
from voice import clock
from voice.extensions import db

WHY = "The bus company has stopped the route, so we are paying for taxis instead."


def released_actions(worker_email, officer_email):
    from voice.auth import services as accounts

    worker, officer = accounts.find_user(worker_email), accounts.find_user(officer_email)
    today = clock.utcnow().date()
    submission, response = answered_case(
        worker,
        officer,
        area_name="Transport",
        actions=[
            ("Check the new timetable with you", "Participation team", today + timedelta(days=20)),
            ("Ask for a later bus from college", "Transport team", today - timedelta(days=4)),
        ],
    )
    return submission.reference, [action.id for action in response.actions]


def test_an_officer_updates_an_overdue_action(page, live_server, live_user):
    page.set_viewport_size(LAPTOP)
    worker_email, _ = live_user("worker")
    officer_email, password = live_user("officer", name="Jordan Officer")
    with live_server.app.app_context():
        reference, (_, late_id) = released_actions(worker_email, officer_email)

    sign_in(page, live_server, officer_email, password)
    page.get_by_role("link", name="My actions").click()
    rows = page.locator("tbody tr")
    assert "Ask for a later bus from college" in rows.nth(0).inner_text()  # overdue first
    assert "overdue" in rows.nth(0).inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Ask for a later bus from college").click()
    page.get_by_label("Not going ahead").check()
    page.get_by_role("button", name="Save the update").click()
    summary = page.locator(".error-summary")
    assert "Say why it is not going ahead" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").click()
    page.get_by_label("What has happened").fill(WHY)
    page.get_by_role("button", name="Save the update").click()
    # Words for the young person wait for a participation worker's check (issue 19).
    assert "sent for a participation worker" in page.locator(".notice").inner_text()
    assert WHY in page.locator("#action-waiting").inner_text()
    assert_accessible(page)
    with live_server.app.app_context():
        from voice.actions import checks
        from voice.auth import services as accounts

        for waiting in checks.waiting():
            checks.release(waiting, accounts.find_user(worker_email))
        db.session.commit()
    page.reload()
    assert WHY in page.locator(".action-history").inner_text()
    assert "overdue" not in page.locator(".meta").first.inner_text()
    assert_accessible(page)
    page.goto(live_server("/responses/"))
    page.get_by_role("link", name=reference).click()
    assert WHY in page.locator(".case-actions").inner_text()
