"""A worker plans a Children in Care Council meeting at a laptop, puts a message on the
agenda, records what was decided, and the young person reads it on a phone."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import make_submission, theme_id
from voice.clock import utcnow
from voice.extensions import db

OUTCOME = "The council agreed that wifi in every placement stays on until 11pm."


def moderated_submission(worker_email):
    from voice.auth import services as accounts
    from voice.moderation import services as moderation
    from voice.submissions import codes
    from voice.themes.services import ensure_default_themes

    ensure_default_themes()
    code = codes.new_code()
    submission = make_submission("The wifi at my placement goes off at 9pm.", code=code)
    moderation.moderate(
        submission, accounts.find_user(worker_email), "The wifi goes off at 9pm.", [theme_id()], []
    )
    db.session.commit()
    return submission.reference, code


def test_plan_a_meeting_record_the_outcome_and_the_young_person_reads_it(
    page, live_server, live_user
):
    page.set_viewport_size(LAPTOP)
    email, password = live_user("worker", name="Sam Worker")
    with live_server.app.app_context():
        reference, code = moderated_submission(email)
    sign_in(page, live_server, email, password)

    page.goto(live_server("/agendas/"))
    assert_accessible(page)
    page.get_by_role("link", name="Plan a meeting").click()
    page.get_by_role("button", name="Plan the meeting").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("The Children in Care Council").check()
    page.get_by_label("Date of the meeting").fill((utcnow().date() + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_label("Add a message by its reference").fill(reference)
    page.get_by_role("button", name="Add the message").click()
    page.get_by_label("Add a theme").select_option(label="School and learning")
    page.get_by_role("button", name="Add the theme").click()
    expect(page.get_by_text("The wifi goes off at 9pm.")).to_be_visible()
    assert_accessible(page)
    meeting_url = page.url

    # The meeting happens.
    with live_server.app.app_context():
        from voice.agendas.models import Meeting

        db.session.query(Meeting).update({"held_on": utcnow().date() - timedelta(days=1)})
        db.session.commit()
    page.goto(meeting_url)
    page.get_by_role("button", name="Save what was decided about item 1").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("textarea").first.fill(OUTCOME)
    page.get_by_role("button", name="Save what was decided about item 1").click()
    expect(page.get_by_text("Saved.")).to_be_visible()

    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill(code)
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text(OUTCOME)).to_be_visible()
    assert page.get_by_text("was talked about at the Children in Care Council").is_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
