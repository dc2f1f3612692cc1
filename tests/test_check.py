"""A young person comes back with their reference code."""

import pytest
from sqlalchemy import select

from tests.submissions_helpers import send
from voice.extensions import db
from voice.submissions import services
from voice.submissions.models import Status, Submission
from voice.submissions.routes import NOT_FOUND

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def html(response):
    return response.get_data(as_text=True)


def open_case(client, code):
    return client.post("/check", data={"code": code}, follow_redirects=True)


def test_the_code_opens_the_case_at_received_however_it_is_typed(client):
    _, code = send(client)
    typed = " " + code.replace("-", "").lower() + " "
    page = html(open_case(client, typed))
    assert "We got your message" in page and ": done" in page
    assert "The participation team read it: not yet" in page.replace(
        '<span class="visually-hidden">', ""
    )


def test_a_wrong_code_and_nonsense_get_the_same_kind_answer(client):
    send(client)
    wrong = html(client.post("/check", data={"code": "222-333-444-555"}))
    nonsense = html(client.post("/check", data={"code": "hello!"}))
    expected = NOT_FOUND.replace("'", "&#39;")
    assert expected in wrong and expected in nonsense
    assert client.get("/check/case").status_code == 302  # nothing was opened


def test_a_code_shows_only_its_own_case(client):
    _, mine = send(client, message="Mine: about the wifi.")
    _, theirs = send(client, message="Theirs: about pocket money.")
    page = html(open_case(client, mine))
    assert "Mine: about the wifi." in page and "Theirs" not in page


def test_withdrawing_asks_first_then_takes_it_back(client):
    _, code = send(client)
    open_case(client, code)
    confirm = client.get("/check/withdraw")
    assert "Take your message back?" in html(confirm)
    done = client.post("/check/withdraw", follow_redirects=True)
    assert "You took your message back" in html(done)
    submission = db.session.scalars(select(Submission)).one()
    assert submission.status == Status.WITHDRAWN
    assert submission.changes[-1].note == "Taken back by the young person."
    from voice.audit.models import AuditEvent

    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "transition")).one()
    assert event.user_id is None and event.detail == "new → withdrawn"  # audited too
    again = html(open_case(client, code))  # the code still works, and says what happened
    assert "You took this message back on" in again and "Take my message back" not in again


def test_a_withdrawn_message_cannot_be_withdrawn_again(client):
    _, code = send(client)
    open_case(client, code)
    client.post("/check/withdraw")
    response = client.post("/check/withdraw", follow_redirects=True)
    assert "can&#39;t be taken back now" in html(response)
    assert db.session.scalars(select(Submission)).one().changes[-1].to_status == Status.WITHDRAWN


def test_withdrawing_removes_the_contact_detail(client):
    _, code = send(client, reply_by="text", phone="07911 123456")
    open_case(client, code)
    client.post("/check/withdraw")
    assert db.session.scalars(select(Submission)).one().contact is None


def test_a_safeguarding_case_says_only_that_staff_will_be_in_touch(client):
    from tests.submissions_helpers import WORRYING

    _, code = send(client, message=WORRYING)
    page = html(open_case(client, code))
    assert "A member of staff will be in touch" in page
    assert "Take my message back" not in page  # safeguarding carries on regardless


def test_i_am_done_and_quick_exit_forget_the_open_case(client):
    _, code = send(client)
    open_case(client, code)
    client.post("/check/close")
    assert client.get("/check/case").status_code == 302
    open_case(client, code)
    leave = client.get("/leave")
    assert leave.status_code == 303 and leave.location == "https://www.bbc.co.uk/weather"
    assert client.get("/check/case").status_code == 302
    assert client.get("/leave?beacon=1").status_code == 204


def test_an_open_case_closes_itself_after_a_while(client, monkeypatch):
    _, code = send(client)
    open_case(client, code)
    with client.session_transaction() as session:
        session["case"] = {**session["case"], "at": session["case"]["at"] - 31 * 60}
    response = client.get("/check/case")
    assert response.status_code == 302 and response.location.endswith("/check")


def test_the_life_cycle_refuses_moves_it_does_not_have(app):
    from voice.submissions.models import Audience, Kind, ReplyBy
    from voice.submissions.services import TransitionRefused, create_submission

    submission, _ = create_submission(
        {
            "kind": Kind.VIEW,
            "theme_ids": [],
            "message": "x",
            "audience": Audience.CICC,
            "reply_by": ReplyBy.CODE,
            "consent_publish": False,
            "consent_quote": False,
            "wants_advocate": False,
        },
        "token-1",
        "222-333-444-555",
    )
    for impossible in (Status.ANSWERED, Status.CLOSED, Status.RESPONSE_READY):
        try:
            services.transition(submission, impossible)
        except TransitionRefused:
            pass
        else:
            raise AssertionError(f"new → {impossible.value} was allowed")
    services.transition(submission, Status.WITHDRAWN)
    assert [c.to_status for c in submission.changes] == [Status.NEW, Status.WITHDRAWN]


def test_checking_codes_is_rate_limited_with_a_friendly_page(tmp_path):
    from tests.conftest import settings_for
    from voice import create_app

    app = create_app(settings_for(tmp_path, RATELIMIT_ENABLED=True))
    client = app.test_client()
    with app.app_context():
        db.create_all()
        statuses = [
            client.post("/check", data={"code": "222-333-444-555"}).status_code for _ in range(11)
        ]
        assert statuses[:10] == [200] * 10 and statuses[-1] == 429
        assert "slow down" in html(client.post("/check", data={"code": "x"}))
        db.session.remove()
        db.drop_all()
        db.engine.dispose()
