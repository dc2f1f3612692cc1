"""Officers write reasoned responses; a worker checks them; the young person reads them."""

import pytest

from tests.conftest import page
from tests.submissions_helpers import make_submission, theme_id
from voice.areas.services import ensure_area
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.responses import services as answering
from voice.responses.models import RESPONSE_MOVES, Response, ResponseStatus
from voice.submissions.models import Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask your placement to keep it on until 11pm on school nights."
)


@pytest.fixture
def officer(make_user):
    return make_user("officer", name="Jordan Reid")


@pytest.fixture
def routed(officer, make_user):
    """A submission a worker has moderated and sent to the officer."""
    worker = make_user("worker", name="Sam Patel")
    area = ensure_area("Leaving care service", lead=officer, officers=[officer])
    submission = make_submission()
    moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    db.session.commit()
    return submission


def answer(**changes):
    data = {
        "decision": "do",
        "explanation": EXPLANATION,
        "team_name": "Placements team",
        "checklist": "Heard: wifi. Decided: yes. Next: ask the placement.",
        "actions-0-what": "Ask the placement to keep the wifi on until 11pm",
        "actions-0-team": "Placements team",
        "actions-0-due_on": "2026-12-18",
        "actions-1-what": "Check with you that it worked",
        "actions-1-team": "Participation team",
        "actions-1-due_on": "2027-01-15",
        "submit": "y",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def young_person(app, submission):
    other = app.test_client()
    with other.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
    return page(other.get("/check/case"))


def test_respond_send_back_revise_release_and_read(
    app, client, sign_in, make_user, officer, routed
):
    sign_in(officer)
    url = f"/responses/{routed.id}/respond"
    assert "The wifi goes off at 9pm." in page(client.get(url))
    client.post(url, data=answer())
    db.session.refresh(routed)
    assert routed.status == Status.RESPONSE_READY
    assert (
        db.session.query(Notification)
        .filter_by(kind="response_waiting", recipient="role:worker")
        .count()
        == 1
    )
    assert "The answer" not in young_person(app, routed)

    client.post("/staff/logout")
    worker = make_user("worker")
    sign_in(worker)
    check = page(client.get(f"/moderation/{routed.id}/check"))
    assert EXPLANATION in check and "Ask the placement" in check
    assert "Check the officer" in page(client.get(f"/moderation/{routed.id}"))
    refused = page(client.post(f"/moderation/{routed.id}/check", data={"send_back": "y"}))
    assert "Say what the officer should change" in refused
    client.post(
        f"/moderation/{routed.id}/check",
        data={"send_back": "y", "comment": "Please say when the wifi change starts."},
    )
    db.session.refresh(routed)
    assert routed.status == Status.WITH_OFFICER

    client.post("/staff/logout")
    sign_in(officer)
    form = page(client.get(url))
    assert "Please say when the wifi change starts." in form
    assert "Ask the placement to keep the wifi on until 11pm" in form  # the draft is kept
    client.post(url, data=answer(explanation=EXPLANATION + " It starts on 1 December."))

    client.post("/staff/logout")
    sign_in(worker)
    done = client.post(
        f"/moderation/{routed.id}/check", data={"release": "y"}, follow_redirects=True
    )
    assert "released" in page(done)
    db.session.refresh(routed)
    assert routed.status == Status.ANSWERED
    response = db.session.query(Response).one()
    assert response.status == ResponseStatus.RELEASED and response.released_by_id == worker.id

    again = page(
        client.post(f"/moderation/{routed.id}/check", data={"release": "y"}, follow_redirects=True)
    )
    assert "no response waiting" in again

    html = young_person(app, routed)
    assert "The answer" in html and "We&#39;ll do it." in html
    assert "It starts on 1 December." in html and "Placements team" in html
    assert "Check with you that it worked" in html and "15 January 2027" in html
    assert "Jordan Reid" not in html  # the team answers, not a named officer


def test_an_officer_cannot_release(client, sign_in, officer, routed):
    sign_in(officer)
    client.post(f"/responses/{routed.id}/respond", data=answer())
    assert client.post(f"/moderation/{routed.id}/check", data={"release": "y"}).status_code == 403
    assert client.get(f"/moderation/{routed.id}/check").status_code == 403
    db.session.refresh(routed)
    assert routed.status == Status.RESPONSE_READY


def test_another_officer_gets_not_found(client, sign_in, make_user, routed):
    sign_in(make_user("officer"))
    assert client.get(f"/responses/{routed.id}/respond").status_code == 404
    assert client.post(f"/responses/{routed.id}/respond", data=answer()).status_code == 404


@pytest.mark.parametrize("decision", ["cannot", "part"])
def test_cannot_or_part_needs_a_real_reason(client, sign_in, officer, routed, decision):
    sign_in(officer)
    html = page(
        client.post(
            f"/responses/{routed.id}/respond", data=answer(decision=decision, explanation="No.")
        )
    )
    assert "Say why" in html
    db.session.refresh(routed)
    assert routed.status == Status.WITH_OFFICER and db.session.query(Response).count() == 0


def test_looking_into_needs_a_date(client, sign_in, officer, routed):
    sign_in(officer)
    url = f"/responses/{routed.id}/respond"
    assert "Give the date" in page(client.post(url, data=answer(decision="looking_into")))
    client.post(url, data=answer(decision="looking_into", full_answer_by="2027-02-01"))
    assert db.session.query(Response).one().full_answer_by.isoformat() == "2027-02-01"


def test_a_half_filled_action_is_an_error_and_blank_rows_are_ignored(
    client, sign_in, officer, routed
):
    sign_in(officer)
    url = f"/responses/{routed.id}/respond"
    html = page(client.post(url, data=answer(**{"actions-1-team": ""})))
    assert "Each action needs what will happen" in html
    client.post(
        url, data=answer(**{"actions-1-what": "", "actions-1-team": "", "actions-1-due_on": ""})
    )
    assert len(db.session.query(Response).one().actions) == 1


def test_a_saved_draft_shows_its_reading_age_and_never_reaches_the_young_person(
    app, client, sign_in, officer, routed
):
    sign_in(officer)
    url = f"/responses/{routed.id}/respond"
    saved = page(client.post(url, data=answer(submit=None, save="y"), follow_redirects=True))
    assert "Draft saved" in saved and "Reading age about" in saved
    assert db.session.query(Response).one().status == ResponseStatus.DRAFT
    html = young_person(app, routed)
    assert "The answer" not in html and "11pm on school nights" not in html


def test_looking_into_releases_an_interim_reply_and_keeps_the_case_open(
    app, client, sign_in, make_user, officer, routed
):
    sign_in(officer)
    url = f"/responses/{routed.id}/respond"
    client.post(url, data=answer(decision="looking_into", full_answer_by="2027-02-01"))
    client.post("/staff/logout")
    sign_in(make_user("worker"))
    client.post(f"/moderation/{routed.id}/check", data={"release": "y"})
    db.session.refresh(routed)
    assert routed.status == Status.WITH_OFFICER
    assert routed.due_on.isoformat() == "2027-02-01"
    html = young_person(app, routed)
    assert "looking into it" in html and "1 February 2027" in html

    client.post("/staff/logout")
    sign_in(officer)
    client.post(url, data=answer(explanation=EXPLANATION + " Here is the full answer."))
    assert db.session.query(Response).count() == 2  # the interim reply is kept as it was
    assert "Here is the full answer." not in young_person(app, routed)


def test_my_responses_lists_what_still_needs_me_first_and_says_answered_not_days_left(
    client, sign_in, make_user, officer, routed
):
    from datetime import timedelta

    from voice.responses import services as responses

    worker = make_user("worker")
    later = make_submission("The bus pass only works until 6pm.")
    moderation.moderate(later, worker, "The bus pass only works until 6pm.", [theme_id()], [])
    moderation.route(later, worker, routed.service_area, officer)
    responses.save(
        routed,
        officer,
        decision="do",
        explanation=EXPLANATION,
        team_name="Placements team",
        submit=True,
    )
    responses.release(routed, worker)
    later.due_on = routed.due_on + timedelta(days=7)  # the answered one was due sooner
    db.session.commit()

    assert [s.id for s in responses.for_officer(officer)] == [later.id, routed.id]
    sign_in(officer)
    rows = page(client.get("/responses/")).split("<tbody>")[1].split("</tr>")
    assert later.reference in rows[0] and routed.reference in rows[1]
    assert "Answered" in rows[1]


def test_every_response_move_outside_the_table_is_refused(officer, routed):
    """A response's moves are a table (RESPONSE_MOVES), as a submission's are: a released
    answer cannot be sent back or released twice, nor a draft released unchecked."""
    response = Response(
        submission_id=routed.id,
        officer_id=officer.id,
        decision="do",
        explanation=EXPLANATION,
        team_name="Placements team",
    )
    for start, allowed in RESPONSE_MOVES.items():
        for to in set(ResponseStatus) - allowed:
            response.status = start
            with pytest.raises(answering.ResponseRefused):
                answering.move(response, to, officer)
            assert response.status == start and response.released_at is None
    response.status = ResponseStatus.SUBMITTED
    answering.move(response, ResponseStatus.RELEASED, officer)
    assert response.released_by_id == officer.id and response.released_at is not None
