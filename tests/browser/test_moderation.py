"""A worker works the queue at a laptop: reads, redacts, tags and routes; the officer then
sees only the shared version. axe-core finds nothing on any staff page."""

from tests.browser.conftest import LAPTOP, assert_accessible
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import WORRYING, make_submission
from voice.areas.services import ensure_area
from voice.extensions import db

ORIGINAL = "My PA Jenny Lee at Moss Lane said I can't have a bus pass. Text me on 07911 123456."
SHARED = "My PA said I can't have a bus pass."


def test_worker_moderates_and_routes_then_officer_sees_only_the_shared_version(
    page, live_server, live_user
):
    page.set_viewport_size(LAPTOP)
    worker_email, password = live_user("worker", name="Sam Worker")
    officer_email, _ = live_user("officer", name="Jordan Officer")
    with live_server.app.app_context():
        from voice.auth import services as accounts

        officer = accounts.find_user(officer_email)
        ensure_area("Leaving care service", lead=officer, officers=[officer])
        submission = make_submission(ORIGINAL)
        reference, submission_id = submission.reference, submission.id
        db.session.commit()

    sign_in(page, live_server, worker_email, password)
    page.get_by_role("link", name="Moderation").click()
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    assert page.locator("mark", has_text="07911 123456").count() == 1
    assert_accessible(page)
    page.get_by_label("Shared version").fill(SHARED)
    page.get_by_label("Money", exact=True).check()
    page.get_by_label("Service area").select_option(label="Leaving care service")
    page.get_by_label("Officer who will answer").select_option(
        label=f"Jordan Officer ({officer_email})"
    )
    page.get_by_role("button", name="Save and send to the officer").click()
    assert f"{reference} sent to Jordan Officer" in page.locator(".notice").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, officer_email, password)
    page.get_by_role("link", name="My responses").click()
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    assert page.locator("#shared-text").inner_text() == SHARED
    assert "Jenny" not in page.content() and "07911" not in page.content()
    assert_accessible(page)
    # The officer's list opens a case waiting for them straight at the answer form.
    assert page.url.endswith(f"/responses/{submission_id}/respond")


def test_worker_pages_errors_are_accessible(page, live_server, live_user):
    page.set_viewport_size(LAPTOP)
    email, password = live_user("worker")
    with live_server.app.app_context():
        submission_id = make_submission("Something to decline").id
        held_id = make_submission(WORRYING).id
    sign_in(page, live_server, email, password)
    page.goto(live_server(f"/moderation/{held_id}"))
    assert "with the safeguarding lead" in page.locator("h1").inner_text()
    assert "hits me" not in page.content()
    assert_accessible(page)
    page.goto(live_server(f"/moderation/{submission_id}"))
    page.get_by_label("Shared version").fill("")
    page.get_by_role("button", name="Save and send to the officer").click()
    assert "The shared version can't be empty." in page.locator(".error-summary").inner_text()
    assert_accessible(page)
