"""An officer answers at a laptop, a worker checks and releases, and the young person reads
the answer on a phone. axe-core finds nothing on any of the pages."""

from tests.browser.conftest import LAPTOP, PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import make_submission, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for "
    "homework. We will ask your placement to keep it on until 11pm."
)


def routed_submission(officer_email, worker_email):
    """A case a worker has moderated and routed; returns (id, reference, code)."""
    from voice.auth import services as accounts
    from voice.moderation import services as moderation
    from voice.submissions import codes
    from voice.themes.services import ensure_default_themes

    ensure_default_themes()
    officer, worker = accounts.find_user(officer_email), accounts.find_user(worker_email)
    area = ensure_area("Placements", lead=officer, officers=[officer])
    code = codes.new_code()
    submission = make_submission("The wifi at my placement goes off at 9pm.", code=code)
    moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    db.session.commit()
    return submission.id, submission.reference, code


def test_officer_answers_worker_releases_young_person_reads_on_a_phone(
    page, live_server, live_user
):
    page.set_viewport_size(LAPTOP)
    worker_email, password = live_user("worker", name="Sam Worker")
    officer_email, _ = live_user("officer", name="Jordan Officer")
    with live_server.app.app_context():
        submission_id, reference, code = routed_submission(officer_email, worker_email)

    sign_in(page, live_server, officer_email, password)
    page.goto(live_server(f"/responses/{submission_id}/respond"))
    page.get_by_label("We'll do it", exact=True).check()
    page.get_by_label("Your explanation").fill(EXPLANATION)
    page.get_by_label("The team answering").fill("Placements team")
    first = page.locator("fieldset", has_text="Action 1")
    first.get_by_label("What will happen").fill("Ask the placement to keep the wifi on")
    first.get_by_label("Which team").fill("Placements team")
    first.get_by_label("By when").fill("2026-12-18")
    page.get_by_role("button", name="Save draft").click()
    assert "Reading age about" in page.locator("#reading-age").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Send for a worker's check").click()
    assert "waiting for a worker's check" in page.locator(".notice").inner_text()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, worker_email, password)
    page.goto(live_server(f"/moderation/{submission_id}"))
    page.get_by_role("link", name="Check the officer's response").click()
    assert EXPLANATION in page.locator("#explanation").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Release to the young person").click()
    assert f"{reference} released" in page.locator(".notice").inner_text()
    page.get_by_role("button", name="Sign out").click()

    page.set_viewport_size(PHONE)
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill(code)
    page.get_by_role("button", name="Check").click()
    answer = page.locator(".answer")
    assert "We'll do it." in answer.inner_text()
    assert "Ask the placement to keep the wifi on" in answer.inner_text()
    assert "18 December 2026" in answer.inner_text()
    assert "Jordan Officer" not in answer.inner_text()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
