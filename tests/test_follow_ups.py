"""The young person's side of an answer: reading the thread, rating it, asking a follow-up,
and the worker passing that follow-up back to the same officer with a new due date."""

from datetime import date, datetime, timedelta

import pytest

from tests.submissions_helpers import WORRYING, make_submission, theme_id
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.responses import follow_ups
from voice.responses import services as responses
from voice.responses.models import FollowUp, Rating, Response, ResponseStatus
from voice.submissions.models import ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask your placement to keep it on until 11pm on school nights."
)
SECOND = "Your placement will keep the wifi on until 11pm at weekends too, from January."


@pytest.fixture
def officer(make_user):
    return make_user("officer", name="Jordan Reid")


@pytest.fixture
def worker(make_user):
    return make_user("worker", name="Sam Patel")


@pytest.fixture
def route(officer, worker):
    def routed(message="The wifi at my placement goes off at 9pm.", **changes):
        area = ensure_area("Placements", lead=officer, officers=[officer])
        submission = make_submission(message, **changes)
        moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
        moderation.route(submission, worker, area, officer)
        db.session.commit()
        return submission

    return routed


def write(submission, officer, explanation=EXPLANATION, decision="do", **more):
    return responses.save(
        submission,
        officer,
        decision=decision,
        explanation=explanation,
        team_name="Placements team",
        submit=True,
        actions=[("Ask the placement to keep the wifi on", "Placements team", date(2026, 12, 18))],
        **more,
    )


@pytest.fixture
def answered(route, officer, worker):
    """A case whose answer a worker has released."""
    submission = route()
    write(submission, officer)
    responses.release(submission, worker)
    db.session.commit()
    return submission


def opened(app, submission):
    """A browser that has typed this case's code at /check."""
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
    return browser


def html(response):
    return response.get_data(as_text=True)


def news(submission):
    return (
        db.session.query(Notification)
        .filter_by(kind="news_for_young_person", recipient=f"submission:{submission.id}")
        .count()
    )


# --- Rating --------------------------------------------------------------------------------


def test_the_young_person_rates_an_answer_once_and_sees_it_in_the_thread(app, answered):
    browser = opened(app, answered)
    response = db.session.query(Response).one()
    page = html(browser.get("/check/case"))
    assert "What did you think of this answer?" in page and "Partly" in page

    refused = browser.post("/check/rate", data={"response_id": response.id})
    assert "Choose one answer." in html(refused) and db.session.query(Rating).count() == 0

    sent = browser.post(
        "/check/rate",
        data={"response_id": response.id, "answer": "partly", "comment": "What about weekends?"},
        follow_redirects=True,
    )
    assert "Thank you for telling us" in html(sent)
    assert "You said: <strong>Partly</strong>" in html(sent)
    assert "What about weekends?" in html(sent)
    assert "What did you think of this answer?" not in html(sent)

    again = browser.post(
        "/check/rate", data={"response_id": response.id, "answer": "yes"}, follow_redirects=True
    )
    assert "already told us what you thought" in html(again)
    rating = db.session.query(Rating).one()  # the first one stands
    assert rating.answer.value == "partly" and rating.created_at is not None
    event = db.session.query(AuditEvent).filter_by(action="rating").one()
    assert event.user_id is None and event.detail == "partly"
    assert "weekends" not in event.detail


def test_saying_yes_offers_to_close_the_case(app, answered):
    browser = opened(app, answered)
    response = db.session.query(Response).one()
    page = html(
        browser.post(
            "/check/rate", data={"response_id": response.id, "answer": "yes"}, follow_redirects=True
        )
    )
    assert "Mark it as finished" in page
    closed = html(browser.post("/check/finish", follow_redirects=True))
    assert "Your message is marked as finished" in closed
    db.session.refresh(answered)
    assert answered.status == Status.CLOSED
    assert answered.changes[-1].by_id is None


def test_an_interim_reply_is_not_rated(app, route, officer, worker):
    submission = route()
    write(submission, officer, decision="looking_into", full_answer_by=date(2027, 2, 1))
    responses.release(submission, worker)
    db.session.commit()
    browser = opened(app, submission)
    page = html(browser.get("/check/case"))
    assert "Our reply so far" in page and "What did you think" not in page
    response = db.session.query(Response).one()
    browser.post("/check/rate", data={"response_id": response.id, "answer": "yes"})
    assert db.session.query(Rating).count() == 0
    assert "Ask a follow-up question" not in page


def test_a_code_shows_only_its_own_case(app, route, officer, worker, answered):
    other = route("The bus stop near my placement has no light at night.")
    write(
        other,
        officer,
        explanation="We will ask the highways team to fix the bus stop "
        "light near your placement before Christmas.",
    )
    responses.release(other, worker)
    db.session.commit()
    other_answer = db.session.query(Response).filter_by(submission_id=other.id).one()

    browser = opened(app, answered)
    page = html(browser.get("/check/case"))
    assert "11pm on school nights" in page
    assert "bus stop" not in page and "highways" not in page
    # The other case's answer can't be rated from this browser, however the form is changed.
    browser.post("/check/rate", data={"response_id": other_answer.id, "answer": "not_really"})
    assert db.session.query(Rating).count() == 0
    browser.post("/check/follow-up", data={"message": "And the other one?"})
    db.session.refresh(other)
    assert other.status == Status.ANSWERED
    # Without a code, nothing at all.
    stranger = app.test_client()
    assert stranger.get("/check/case").location.endswith("/check")
    assert stranger.post("/check/follow-up", data={"message": "hi"}).location.endswith("/check")


# --- Releasing safely, and "there is news" -------------------------------------------------


def test_a_response_is_released_once_even_from_two_tabs(client, sign_in, route, officer, worker):
    submission = route(reply_by=ReplyBy.TEXT, contact="+447700900123")
    write(submission, officer)
    db.session.commit()
    sign_in(worker)
    version = submission.version
    first = client.post(
        f"/moderation/{submission.id}/check",
        data={"release": "y", "version": version},
        follow_redirects=True,
    )
    assert "released" in html(first)
    stale = html(
        client.post(
            f"/moderation/{submission.id}/check",
            data={"release": "y", "version": version},
            follow_redirects=True,
        )
    )
    assert "changed while you had the page open" in stale
    again = html(
        client.post(
            f"/moderation/{submission.id}/check", data={"release": "y"}, follow_redirects=True
        )
    )
    assert "no response waiting" in again
    assert db.session.query(Response).one().status == ResponseStatus.RELEASED
    assert news(submission) == 1


def test_a_stale_page_cannot_send_back_or_release(client, sign_in, route, officer, worker):
    submission = route()
    write(submission, officer)
    db.session.commit()
    seen = submission.version
    moderation.link_same_as(submission, make_submission(), worker)  # a colleague's change
    db.session.commit()
    sign_in(worker)
    page = html(
        client.post(
            f"/moderation/{submission.id}/check",
            data={"release": "y", "version": seen},
            follow_redirects=True,
        )
    )
    assert "changed while you had the page open" in page
    db.session.refresh(submission)
    assert submission.status == Status.RESPONSE_READY


def test_officers_can_neither_release_nor_pass_on_a_follow_up(client, sign_in, route, officer):
    submission = route()
    write(submission, officer)
    db.session.commit()
    sign_in(officer)
    assert (
        client.post(f"/moderation/{submission.id}/check", data={"release": "y"}).status_code == 403
    )
    assert client.get(f"/moderation/{submission.id}/follow-up").status_code == 403
    assert (
        client.post(f"/moderation/{submission.id}/follow-up", data={"shared_text": "x"}).status_code
        == 403
    )
    db.session.refresh(submission)
    assert submission.status == Status.RESPONSE_READY


@pytest.mark.parametrize(
    "reply_by, contact, expected",
    [
        (ReplyBy.TEXT, "+447700900123", 1),
        (ReplyBy.EMAIL, "jay@example.org", 1),
        (ReplyBy.CODE, None, 0),
        (ReplyBy.WORKER, None, 0),
    ],
)
def test_news_is_queued_once_per_release_and_only_for_text_or_email(
    route, officer, worker, reply_by, contact, expected
):
    submission = route(reply_by=reply_by, contact=contact)
    write(submission, officer)
    responses.release(submission, worker)
    db.session.commit()
    assert news(submission) == expected
    if expected:
        notification = db.session.query(Notification).filter_by(kind="news_for_young_person").one()
        assert "wifi" not in str(notification.payload)  # never what anyone wrote
    assert (
        db.session.query(Notification).filter_by(kind="news_for_young_person").count() == expected
    )


def test_each_release_is_news_the_interim_and_the_full_answer(route, officer, worker):
    submission = route(reply_by=ReplyBy.EMAIL, contact="jay@example.org")
    write(submission, officer, decision="looking_into", full_answer_by=date(2027, 2, 1))
    responses.release(submission, worker)
    write(submission, officer)
    responses.send_back(submission, worker, "Say when it starts.")
    assert news(submission) == 1  # sending back is not news for the young person
    write(submission, officer, explanation=EXPLANATION + " It starts on 1 December.")
    responses.release(submission, worker)
    db.session.commit()
    assert news(submission) == 2


# --- Follow-ups ----------------------------------------------------------------------------


def test_a_follow_up_goes_to_a_worker_then_the_same_officer_with_a_new_due_date(
    app, client, sign_in, answered, officer, worker, monkeypatch
):
    # Sent on Thursday 17 December 2026: Christmas Day, the Boxing Day substitute (Monday
    # 28th) and New Year's Day don't count, nor do weekends, so 20 working days end on 19 Jan.
    monkeypatch.setattr(follow_ups, "utcnow", lambda: datetime(2026, 12, 17, 10, 0))
    browser = opened(app, answered)
    form = html(browser.get("/check/follow-up"))
    assert "Your follow-up question" in form
    empty = browser.post("/check/follow-up", data={"message": "  "})
    assert "Write your question" in html(empty)
    browser.post("/check/follow-up", data={"message": "What about weekends? Ask Mrs Green."})
    db.session.refresh(answered)
    assert answered.status == Status.FOLLOW_UP
    assert answered.due_on == date(2027, 1, 19)
    assert (
        db.session.query(Notification)
        .filter_by(kind="follow_up_waiting", recipient="role:worker")
        .count()
        == 1
    )
    asked = db.session.query(AuditEvent).filter_by(action="follow_up").one()
    assert asked.user_id is None

    sign_in(officer)  # before it is passed on, the officer never reads the raw question
    assert "follow-up</span>" not in html(client.get("/responses/"))
    shown = html(client.get(f"/responses/{answered.id}"))
    assert "Mrs Green" not in shown and "has not passed this on yet" in shown
    client.post("/staff/logout")

    sign_in(worker)
    queue = html(client.get("/moderation/"))
    assert f"/moderation/{answered.id}/follow-up" in queue
    page = html(client.get(f"/moderation/{answered.id}/follow-up"))
    assert "Mrs Green" in page
    client.post(
        f"/moderation/{answered.id}/follow-up",
        data={"shared_text": "What about weekends?", "version": answered.version},
    )
    db.session.refresh(answered)
    assert answered.status == Status.WITH_OFFICER and answered.officer_id == officer.id
    assert answered.due_on == date(2027, 1, 19)  # from when it arrived, not when passed on
    follow_up = db.session.query(FollowUp).one()
    assert follow_up.passed_by_id == worker.id and follow_up.shared_text == "What about weekends?"
    assert (
        db.session.query(Notification)
        .filter_by(kind="submission_routed", recipient=f"user:{officer.id}")
        .count()
        == 2
    )
    client.post("/staff/logout")

    sign_in(officer)
    assert "follow-up</span>" in html(client.get("/responses/"))
    shown = html(client.get(f"/responses/{answered.id}/respond"))
    assert "What about weekends?" in shown and "Mrs Green" not in shown
    client.post(
        f"/responses/{answered.id}/respond",
        data={
            "decision": "do",
            "explanation": SECOND,
            "team_name": "Placements team",
            "submit": "y",
        },
    )
    assert db.session.query(Response).count() == 2
    assert (
        db.session.query(Response).order_by(Response.id.desc()).first().status
        == ResponseStatus.SUBMITTED
    )
    # Until a worker releases it, the young person sees only the first answer.
    assert SECOND not in html(browser.get("/check/case"))


def test_the_thread_shows_every_exchange_in_order(app, answered, officer, worker):
    follow_ups.ask(answered, "What about weekends?")
    follow_ups.pass_on(answered, worker, "What about weekends?")
    write(answered, officer, explanation=SECOND)
    responses.release(answered, worker)
    db.session.commit()
    page = html(opened(app, answered).get("/check/case"))
    order = [
        page.index(words)
        for words in (
            "The wifi at my placement goes off at 9pm.",
            "11pm on school nights",
            "What about weekends?",
            SECOND,
        )
    ]
    assert order == sorted(order)
    assert page.count("The answer,") == 2


def test_a_disclosure_in_a_follow_up_goes_to_safeguarding_and_back(
    app, client, sign_in, make_user, answered
):
    follow_ups.ask(answered, WORRYING)
    db.session.commit()
    assert answered.status == Status.SAFEGUARDING and answered.safeguarding
    assert db.session.query(Notification).filter_by(kind="safeguarding_alert").count() == 1
    assert db.session.query(Notification).filter_by(kind="follow_up_waiting").count() == 0

    lead = make_user("safeguarding")
    sign_in(lead)
    page = html(client.get(f"/safeguarding/{answered.id}"))
    assert "he hits me" in page
    client.post(
        f"/safeguarding/{answered.id}",
        data={"record-action": "social_worker", "record-note": "Called.", "record-save": "y"},
    )
    client.post(
        f"/safeguarding/{answered.id}",
        data={"release-shared_text": "The wifi goes off at 9pm.", "release-release": "y"},
    )
    db.session.refresh(answered)
    assert answered.status == Status.FOLLOW_UP  # back to the follow-up step, not to NEW


def test_a_follow_up_needs_an_answer_first(app, route):
    submission = route()
    browser = opened(app, submission)
    assert "Ask a follow-up question" not in html(browser.get("/check/case"))
    browser.post("/check/follow-up", data={"message": "Hello?"})
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER
    assert db.session.query(FollowUp).count() == 0


def test_the_download_holds_follow_ups_and_ratings_and_erasing_clears_them(app, answered, worker):
    from voice.privacy import services as privacy

    response = db.session.query(Response).one()
    follow_ups.rate(answered, response.id, "not_really", "Mrs Green has not changed her mind.")
    follow_ups.ask(answered, "Why does Mrs Green decide?")
    db.session.commit()
    copy = privacy.copy_for_young_person(answered)
    assert copy["follow_ups"][0]["question"] == "Why does Mrs Green decide?"
    assert copy["ratings"][0] == {
        "on": copy["ratings"][0]["on"],
        "answer": "not_really",
        "comment": "Mrs Green has not changed her mind.",
    }
    assert "Why does Mrs Green decide?" in html(opened(app, answered).get("/check/download"))

    removed = privacy.erase(answered, worker)
    db.session.commit()
    assert "follow-ups" in removed and "ratings comments" in removed
    assert db.session.query(FollowUp).one().message == privacy.ERASED
    assert db.session.query(Rating).one().comment is None
    assert "Mrs Green" not in html(opened(app, answered).get("/check/case"))


def test_the_demo_answers_most_routed_messages_the_same_way_every_run(app):
    from collections import Counter

    from sqlalchemy.orm import selectinload

    from voice.submissions.models import Submission

    def snapshot():
        return sorted(
            (r.submission_id, r.decision.value, r.status.value, r.released_at, len(r.actions))
            for r in db.session.query(Response).options(selectinload(Response.actions))
        )

    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo"]).exit_code == 0
    first = snapshot()
    routed = db.session.query(Submission).filter(Submission.routed_at.isnot(None)).all()
    released = {
        r.submission_id
        for r in db.session.query(Response).filter_by(status=ResponseStatus.RELEASED)
    }
    assert len(released) > 0.7 * len(routed)
    decisions = Counter(r.decision.value for r in db.session.query(Response))
    assert len(decisions) == 5  # every kind of answer, interim replies included
    ratings = db.session.query(Rating).all()
    assert len(ratings) > 0.4 * len(released) and len({r.answer for r in ratings}) == 3
    assert db.session.query(FollowUp).count() >= 3
    released_at = [r.released_at for r in db.session.query(Response) if r.released_at]
    assert max(released_at) - min(released_at) > timedelta(days=180)  # across the year
    assert all(r.released_at < utcnow() for r in db.session.query(Response) if r.released_at)

    assert runner.invoke(args=["demo"]).exit_code == 0
    assert snapshot() == first  # run again: nothing added, nothing changed


def test_purging_an_old_closed_case_clears_its_follow_ups_and_comments(answered):
    from voice.privacy import services as privacy

    response = db.session.query(Response).one()
    follow_ups.rate(answered, response.id, "yes", "Thanks, Mrs Green.")
    follow_ups.ask(answered, "Ask Mrs Green again?")
    answered.status = Status.CLOSED
    db.session.commit()
    later = utcnow() + timedelta(days=int(privacy.current_app.config["RETENTION_DAYS"]) + 1)
    counts = privacy.purge(now=later)
    db.session.commit()
    assert counts["follow-ups cleared"] == 1 and counts["rating comments cleared"] == 1
    assert db.session.query(FollowUp).one().message == privacy.PURGED
    assert db.session.query(Rating).one().comment is None


def test_a_rating_comment_that_shows_a_risk_of_harm_reaches_the_safeguarding_lead(answered):
    response = db.session.query(Response).one()
    follow_ups.rate(answered, response.id, "not_really", WORRYING)
    db.session.commit()
    assert answered.status == Status.SAFEGUARDING
    assert db.session.query(FollowUp).one().message == WORRYING
    assert db.session.query(Notification).filter_by(kind="safeguarding_alert").count() == 1


@pytest.mark.parametrize("response_id", ["", "abc", "9" * 40, "-1", "1 OR 1=1"])
def test_a_changed_rating_form_is_refused_kindly(app, answered, response_id):
    page = opened(app, answered).post(
        "/check/rate", data={"response_id": response_id, "answer": "yes"}, follow_redirects=True
    )
    assert page.status_code == 200 and "can&#39;t be rated" in html(page)
    assert db.session.query(Rating).count() == 0
