"""The safeguarding lead's pages at a laptop: read, record, release; axe finds nothing."""

from tests.browser.conftest import LAPTOP, assert_accessible
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import WORRYING, make_submission


def test_the_lead_records_and_releases_a_held_message(page, live_server, live_user):
    page.set_viewport_size(LAPTOP)
    email, password = live_user("safeguarding", name="Alex Lead")
    with live_server.app.app_context():
        held = make_submission(WORRYING)
        reference, held_id = held.reference, held.id
    sign_in(page, live_server, email, password)
    page.get_by_role("link", name="Safeguarding").click()
    page.wait_for_url("**/safeguarding/")
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    assert "hits me" in page.locator(".original").inner_text()
    page.get_by_role("button", name="Release to moderation").click()
    assert "Record what you did" in page.locator(".notice").inner_text()
    assert_accessible(page)
    page.get_by_label("Passed to the duty team").check()
    page.get_by_label("Note").fill("Duty team called the carer.")
    page.get_by_role("button", name="Record it").click()
    assert "Passed to the duty team" in page.locator("main").inner_text()
    page.get_by_label("Shared version for the participation team").fill(
        "A young person is worried about home."
    )
    page.get_by_role("button", name="Release to moderation").click()
    assert "no longer held" in page.locator("main").inner_text()
    assert_accessible(page)
    assert page.url.endswith(f"/safeguarding/{held_id}")
