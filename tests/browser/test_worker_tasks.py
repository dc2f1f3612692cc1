""" "Talk to me first" and "through my worker" in a browser: a young person on a phone chooses
both (English and Urdu, axe finds nothing), and a worker at phone width finds each job in the
queue, with whom to pass the news on to, and marks it done."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import theme_id
from voice.areas.services import ensure_area
from voice.auth import services as accounts
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import services as responses
from voice.submissions.models import ReplyBy, SayItsThem, Submission
from voice.submissions.task_models import WorkerTask

pytestmark = pytest.mark.usefixtures("themes")  # the starter topics (conftest)

MESSAGE = "My carers' support worker keeps reading my texts and it is not fair."


@pytest.mark.parametrize("language", ["en-GB", "ur"])
def test_a_young_person_asks_us_to_talk_first_and_to_hear_back_through_their_worker(
    page, live_server, language
):
    page.context.add_cookies([{"name": "lang", "value": language, "url": live_server("/")}])
    page.goto(live_server("/share"))
    page.locator("#message").fill(MESSAGE)
    page.locator("#kind-0").check()
    page.locator("#theme-0").check()
    page.locator("#say_its_them-1").check()  # Talk to me first
    page.locator("#call_me-0").check()  # Use my first name or nickname
    page.locator("#name").fill("Ali")
    page.locator("#reply_by-1").check()  # Through my worker
    assert page.locator("#worker_name").is_visible()
    page.locator("#worker_name").fill("Sam")
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    page.locator("button[type=submit]").click()
    page.wait_for_url(live_server("/share/sent"))
    assert_accessible(page)
    with live_server.app.app_context():
        sent = db.session.scalars(select(Submission).order_by(Submission.id.desc())).first()
        assert (sent.message, sent.say_its_them, sent.worker_name) == (
            MESSAGE,
            SayItsThem.TALK_FIRST,
            "Sam",
        )
        assert db.session.scalar(select(WorkerTask).where(WorkerTask.submission_id == sent.id))


def released_through(live_server, worker_email, officer_email, worker_name):
    """A case answered and released for a young person who hears back through `worker_name`."""
    from tests.submissions_helpers import make_submission

    with live_server.app.app_context():
        worker = accounts.find_user(worker_email)
        officer = accounts.find_user(officer_email)
        area = ensure_area("Placements", lead=officer, officers=[officer])
        submission = make_submission(
            MESSAGE,
            reply_by=ReplyBy.WORKER,
            worker_name=worker_name,
            say_its_them=SayItsThem.TALK_FIRST,
        )
        moderation.moderate(submission, worker, "About texts.", [theme_id()], [])
        moderation.route(submission, worker, area, officer)
        responses.save(
            submission,
            officer,
            decision="do",
            explanation="We will talk to your carers' support team about privacy.",
            team_name="Placements team",
            submit=True,
            actions=[("Talk to the team", "Placements team", date(2026, 12, 18))],
        )
        responses.release(submission, worker)
        db.session.commit()
        return submission.reference


def test_a_worker_at_phone_width_clears_both_jobs_from_the_queue(page, live_server, live_user):
    worker_email, password = live_user("worker", name="Pat Worker")
    officer_email, _ = live_user("officer", name="Jo Officer")
    reference = released_through(live_server, worker_email, officer_email, "Mo from leaving care")
    sign_in(page, live_server, worker_email, password)
    page.goto(live_server("/moderation/"))
    jobs = page.locator("#worker-tasks + .table-wrap")
    row = jobs.locator("tr", has_text=reference)
    assert "pass this on to Mo from leaving care" in " ".join(row.all_inner_texts())
    assert "talk to them first" in " ".join(row.all_inner_texts())
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    row.get_by_role("button", name=f"Passed on for {reference}").click()
    assert f"{reference}: marked as passed on." in page.locator(".notice").inner_text()
    row = page.locator("#worker-tasks + .table-wrap tr", has_text=reference)
    assert "pass this on to" not in " ".join(row.all_inner_texts())
    row.get_by_role("button", name=f"Talked to them for {reference}").click()
    assert f"{reference}: marked as talked to them first." in page.locator(".notice").inner_text()
    assert page.locator("#worker-tasks + .table-wrap tr", has_text=reference).count() == 0
    assert_accessible(page)
