"""Consent to act: "If it helps sort it out, can we say it came from you?" is asked once on the
share form, stored, shown to staff in their words, and a "No" needs the checking worker's tick
before an answer is released."""

import pytest

from tests.conftest import page
from tests.submissions_helpers import make_submission, send, share_page, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import services as answering
from voice.responses.models import Response, ResponseStatus
from voice.submissions.models import ReplyBy, SayItsThem, Status, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask your placement to keep it on until 11pm on school nights."
)


def test_the_share_form_asks_once_and_it_can_be_skipped(client):
    html, _ = share_page(client)
    assert html.count("If it helps sort it out, can we say it came from you?") == 1
    assert "Talk to me first" in html
    send(client)
    assert db.session.query(Submission).one().say_its_them is None


@pytest.mark.parametrize("answer", list(SayItsThem))
def test_the_answer_is_stored(client, answer):
    send(client, say_its_them=answer.value)
    assert db.session.query(Submission).one().say_its_them == answer


def test_an_answer_that_is_not_a_choice_is_refused_and_nothing_is_lost(client):
    response, code = send(client, say_its_them="maybe", message="Keep my words please.")
    assert code is None and db.session.query(Submission).count() == 0
    assert "Keep my words please." in page(response)


def routed_to(make_user, answer):
    officer = make_user("officer", name="Jordan Reid")
    worker = make_user("worker", name="Sam Patel")
    area = ensure_area("Leaving care service", lead=officer, officers=[officer])
    submission = make_submission(say_its_them=answer)
    moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    answering.save(
        submission,
        officer,
        decision="do",
        explanation=EXPLANATION,
        team_name="Placements team",
        submit=True,
    )
    db.session.commit()
    return submission, officer


def test_staff_see_the_answer_in_their_words(client, sign_in, make_user):
    submission, officer = routed_to(make_user, SayItsThem.TALK_FIRST)
    sign_in(officer)
    assert "talk to them first" in page(client.get(f"/responses/{submission.id}"))
    client.post("/staff/logout")
    sign_in(make_user("worker"))
    assert "talk to them first" in page(client.get(f"/moderation/{submission.id}/check"))
    assert "talk to them first" in page(client.get(f"/moderation/{submission.id}"))
    queue = page(client.get("/moderation/?status=response_ready"))
    assert submission.reference in queue and "talk to them first" in queue


def test_a_no_is_not_released_without_the_tick_and_the_comment_is_kept(client, sign_in, make_user):
    submission, _ = routed_to(make_user, SayItsThem.NO)
    sign_in(make_user("worker"))
    check = page(client.get(f"/moderation/{submission.id}/check"))
    assert "does not give away who sent it" in check
    refused = page(
        client.post(
            f"/moderation/{submission.id}/check",
            data={"release": "y", "comment": "Names the carer's support worker."},
        )
    )
    assert "asked us not to say it came from them" in refused
    assert "Names the carer&#39;s support worker." in refused
    db.session.refresh(submission)
    assert submission.status == Status.RESPONSE_READY
    assert db.session.query(Response).one().status == ResponseStatus.SUBMITTED


def test_a_no_is_released_with_the_tick(client, sign_in, make_user):
    submission, _ = routed_to(make_user, SayItsThem.NO)
    worker = make_user("worker")
    sign_in(worker)
    done = client.post(
        f"/moderation/{submission.id}/check",
        data={"release": "y", "not_given_away": "y"},
        follow_redirects=True,
    )
    assert "released" in page(done)
    db.session.refresh(submission)
    assert submission.status == Status.ANSWERED


def test_a_yes_is_released_without_a_tick(client, sign_in, make_user):
    submission, _ = routed_to(make_user, SayItsThem.YES)
    sign_in(make_user("worker"))
    check = page(client.get(f"/moderation/{submission.id}/check"))
    assert "does not give away who sent it" not in check
    client.post(f"/moderation/{submission.id}/check", data={"release": "y"})
    db.session.refresh(submission)
    assert submission.status == Status.ANSWERED


def test_through_my_worker_asks_who(client):
    response, code = send(client, reply_by="worker", message="Tell Sam please.")
    assert code is None and db.session.query(Submission).count() == 0
    html = page(response)
    assert "Type your worker&#39;s name or team" in html and "Tell Sam please." in html
    send(client, reply_by="worker", worker_name="  Sam in the leaving care team ")
    assert db.session.query(Submission).one().worker_name == "Sam in the leaving care team"


def test_through_my_worker_with_staying_anonymous_is_refused_kindly(client):
    response, code = send(client, reply_by="worker", worker_name="Sam", call_me="anonymous")
    assert code is None and db.session.query(Submission).count() == 0
    assert "Your worker needs to know it is you" in page(response)


def test_the_worker_name_is_not_kept_for_another_way_of_hearing_back(client):
    send(client, reply_by="code", worker_name="Sam")
    assert db.session.query(Submission).one().worker_name is None


def test_release_says_whom_to_pass_it_on_to(client, sign_in, make_user):
    submission, _ = routed_to(make_user, SayItsThem.YES)
    submission.reply_by = ReplyBy.WORKER
    submission.worker_name = "Sam in the leaving care team"
    db.session.commit()
    sign_in(make_user("worker"))
    check = page(client.get(f"/moderation/{submission.id}/check"))
    assert "pass this on to Sam in the leaving care team" in check
    done = page(
        client.post(
            f"/moderation/{submission.id}/check", data={"release": "y"}, follow_redirects=True
        )
    )
    assert "Pass this on to Sam in the leaving care team." in done
