"""On a phone, in English and Urdu: a young person rates an answer, changes their mind, sees staff
shorthand in it explained, and after a follow-up sees where the follow-up is. axe finds nothing
at any step."""

from datetime import date

import pytest

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.browser.test_responses import routed_submission
from voice.extensions import db
from voice.responses import follow_ups
from voice.responses import services as responses
from voice.responses.models import Rating, RatingAnswer
from voice.submissions.models import Submission


def answered_case(live_server, live_user):
    worker_email, _ = live_user("worker")
    officer_email, _ = live_user("officer")
    with live_server.app.app_context():
        from voice.auth import services as accounts

        submission_id, _reference, code = routed_submission(officer_email, worker_email)
        submission = db.session.get(Submission, submission_id)
        responses.save(
            submission,
            accounts.find_user(officer_email),
            decision="do",
            explanation="We will ask your placement to keep the wifi on until 11pm.",
            team_name="Placements team",
            submit=True,
            actions=[
                ("Talk about your laptop at your next PEP", "Virtual School", date(2026, 12, 18))
            ],
        )
        responses.release(submission, accounts.find_user(worker_email))
        db.session.commit()
    return submission_id, code


def open_with_code(page, live_server, code):
    page.goto(live_server("/check"))
    page.locator("#code").fill(code)
    page.locator("#code").press("Enter")
    page.wait_for_url(live_server("/check/case"))


@pytest.mark.parametrize("language", ["en-GB", "ur"])
def test_rate_change_your_mind_and_follow_the_follow_up(page, live_server, live_user, language):
    submission_id, code = answered_case(live_server, live_user)
    page.context.add_cookies([{"name": "lang", "value": language, "url": live_server("/")}])
    open_with_code(page, live_server, code)
    assert page.locator(".glossary-note").count() == 1  # PEP, explained under the action
    assert_accessible(page)

    page.locator("#answer-1").check()  # Partly
    page.locator(".rate button, .rate input[type=submit]").first.click()
    page.wait_for_url(live_server("/check/case#next"))
    change = page.locator("#change-rating")
    change.locator("summary").click()
    assert change.locator("#change-answer-1").is_checked()  # what they said, ready to change
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    change.locator("#change-answer-0").check()  # Yes, that answers it
    change.locator("button[type=submit]").click()
    page.wait_for_url(live_server("/check/case"))
    assert page.locator(".notice-success").is_visible()
    assert_accessible(page)
    with live_server.app.app_context():
        assert db.session.query(Rating).filter_by(submission_id=submission_id).one().answer == (
            RatingAnswer.YES
        )
        follow_ups.ask(db.session.get(Submission, submission_id), "And at weekends?")
        db.session.commit()

    page.reload()
    steps = page.locator(".timeline li")
    assert steps.count() == 3  # the follow-up's own three steps
    assert "done" in steps.nth(0).get_attribute("class")
    assert "todo" in steps.nth(1).get_attribute("class")
    if language == "en-GB":
        assert "Where your follow-up question is now" in page.locator("main").inner_text()
        assert (
            steps.nth(0)
            .locator(".timeline-text")
            .inner_text()
            .startswith("We got your follow-up question")
        )
    assert_accessible(page)
    assert_no_sideways_scroll(page)
