"""A young person comes back with their reference code."""

import pytest
from sqlalchemy import select

from tests.submissions_helpers import send
from voice.extensions import db
from voice.submissions import life_cycle
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


def test_a_wrong_code_gets_a_kind_answer_and_opens_nothing(client):
    send(client)
    wrong = html(client.post("/check", data={"code": "222-333-444-555"}))
    assert NOT_FOUND.replace("'", "&#39;") in wrong
    assert client.get("/check/case").status_code == 302  # nothing was opened


def test_a_code_that_cannot_be_one_says_which_group_to_look_at(client):
    send(client)
    zero = html(client.post("/check", data={"code": "7KQ-M4X-P0T-H82"}))
    assert "Look again at “P0T”. Codes never have 0, O, 1, I or L in them." in zero
    short = html(client.post("/check", data={"code": "7KQ-M4X-P9T"}))
    assert "A code has 12 letters and numbers. You typed 9." in short
    assert client.get("/check/case").status_code == 302


def test_a_look_alike_typed_for_a_new_codes_symbol_still_opens_it(client):
    _, code = send(client)
    # Each of 5, 8, 2 and U is typed as the letter people mistake it for.
    mistyped = code.replace("5", "S").replace("8", "B").replace("2", "Z").replace("U", "V")
    page = html(open_case(client, mistyped.lower()))
    assert "We got your message" in page


def test_an_old_code_holding_a_dropped_letter_still_opens_its_own_message(client, app):
    from voice.submissions.codes import code_hash

    _, new = send(client, message="The newer message.")
    old = db.session.scalars(select(Submission)).one()
    # A code from before S, B, Z and V were dropped, differing from another only by S and 5.
    old.code_hash = code_hash("7KQ-M4X-P9T-HS2", app.config["REFERENCE_CODE_KEY"])
    db.session.commit()
    _, other = send(client, message="Someone else's message.")
    other_row = db.session.scalars(select(Submission).where(Submission.id != old.id)).one()
    other_row.code_hash = code_hash("7KQ-M4X-P9T-H52", app.config["REFERENCE_CODE_KEY"])
    db.session.commit()
    assert "The newer message." in html(open_case(client, "7kq m4x p9t hs2"))
    assert "Someone else" in html(open_case(client, "7KQ-M4X-P9T-H52"))


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
    from voice.submissions.life_cycle import TransitionRefused, create_submission
    from voice.submissions.models import Audience, Kind, ReplyBy

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
            life_cycle.transition(submission, impossible)
        except TransitionRefused:
            pass
        else:
            raise AssertionError(f"new → {impossible.value} was allowed")
    life_cycle.transition(submission, Status.WITHDRAWN)
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


def test_each_app_keeps_its_own_rate_limit_setting(tmp_path):
    """Flask-Limiter keeps one `enabled` for every app in a process: the browser tests' live
    server (limits off) was refused sends after another test made an app with limits on."""
    from tests.conftest import settings_for
    from voice import create_app

    for name in "abc":
        (tmp_path / name).mkdir()
    limited = create_app(settings_for(tmp_path / "a", RATELIMIT_ENABLED=True))
    open_ = create_app(settings_for(tmp_path / "b"))
    create_app(settings_for(tmp_path / "c", RATELIMIT_ENABLED=True))
    for app, expected in ((open_, [200] * 12), (limited, [200] * 10 + [429, 429])):
        with app.app_context():
            db.create_all()
            client = app.test_client()
            statuses = [
                client.post("/check", data={"code": "222-333-444-555"}).status_code
                for _ in range(12)
            ]
            assert statuses == expected
            db.session.remove()
            db.drop_all()
            db.engine.dispose()
