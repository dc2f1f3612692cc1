"""'I'd like an advocate' as a referral: its clock of one working day, the notice to the
advocacy service, the status the young person sees, and tick's chase."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.submissions_helpers import make_submission
from voice.advocacy import services as advocacy
from voice.advocacy.models import AdvocacyReferral, ReferralStatus
from voice.clock import add_working_days, local_time, utcnow
from voice.deadlines import services as deadlines
from voice.extensions import db
from voice.notifications import recipients
from voice.notifications.models import Notification

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def opened(app, submission):
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
    return browser


def notices(kind):
    return db.session.scalars(select(Notification).where(Notification.kind == kind)).all()


def test_asking_with_the_first_message_makes_a_referral_due_in_one_working_day(app):
    app.config["ADVOCACY_EMAIL"] = "advocacy@council.example"
    submission = make_submission(wants_advocate=True)
    referral = advocacy.referral_for(submission)
    assert referral.status == ReferralStatus.ASKED
    assert referral.due_on == add_working_days(local_time(referral.asked_at).date(), 1)
    [notice] = notices("advocacy_referral")
    assert notice.recipient == "advocacy:service"
    assert notice.payload == {"submission_id": submission.id}  # no words of theirs
    assert recipients.address(notice.recipient).to == "advocacy@council.example"


def test_without_an_address_for_the_service_the_workers_are_told(app):
    make_submission(wants_advocate=True)
    assert [n.recipient for n in notices("advocacy_referral")] == ["role:worker"]


def test_a_young_person_asks_from_their_case_page_and_sees_where_it_is(app, make_user):
    submission = make_submission()
    browser = opened(app, submission)
    page = browser.get("/check/case").get_data(as_text=True)
    assert "I'd like an advocate</button>" in page
    browser.post("/check/advocate")
    browser.post("/check/advocate")  # asking twice is one referral
    assert len(db.session.scalars(select(AdvocacyReferral)).all()) == 1
    page = browser.get("/check/case").get_data(as_text=True)
    assert "You asked for an advocate" in page and "We will pass it on by" in page

    worker = make_user("worker")
    referral = advocacy.referral_for(submission)
    advocacy.move_on(referral, by=worker, to="passed_on")
    db.session.commit()
    page = browser.get("/check/case").get_data(as_text=True)
    assert 'We passed it on to the advocacy service<span class="visually-hidden">: done' in page
    assert "We will pass it on by" not in page


def test_a_referral_moves_on_one_step_at_a_time(app, make_user):
    worker = make_user("worker")
    referral = advocacy.refer(make_submission())
    try:
        advocacy.move_on(referral, by=worker, to="in_touch")
    except advocacy.ReferralRefused:
        pass
    else:
        raise AssertionError("skipped a step")
    advocacy.move_on(referral, by=worker, to="passed_on")
    advocacy.move_on(referral, by=worker, to="in_touch")
    assert referral.status == ReferralStatus.IN_TOUCH and referral.in_touch_by_id == worker.id


def test_workers_move_a_referral_on_from_their_list(client, signed_in):
    signed_in("worker")
    referral = advocacy.refer(make_submission())
    db.session.commit()
    page = client.get("/advocacy/").get_data(as_text=True)
    assert referral.reference in page
    client.post(f"/advocacy/{referral.id}/move", data={"to": "passed_on"})
    db.session.refresh(referral)
    assert referral.status == ReferralStatus.PASSED_ON


def test_tick_chases_a_referral_not_passed_on_within_its_working_day_once(app):
    referral = advocacy.refer(make_submission())
    db.session.commit()
    assert list(deadlines.chase_referrals(referral.due_on)) == []  # still on time on its day
    late = referral.due_on + timedelta(days=1)
    lines = list(deadlines.tick(late))
    assert any("Advocacy referral" in line for line in lines)
    db.session.commit()
    assert list(deadlines.chase_referrals(late + timedelta(days=1))) == []
    assert [n.recipient for n in notices("advocacy_overdue")] == ["role:worker"]


def test_a_referral_passed_on_in_time_is_never_chased(app, make_user):
    referral = advocacy.refer(make_submission())
    advocacy.move_on(referral, by=make_user("worker"), to="passed_on")
    db.session.commit()
    assert list(deadlines.chase_referrals(referral.due_on + timedelta(days=5))) == []


def test_the_board_counts_referrals_and_how_many_were_passed_on_in_time(app, make_user):
    worker = make_user("worker")
    on_time = advocacy.refer(make_submission("One."))
    late = advocacy.refer(make_submission("Two."))
    advocacy.refer(make_submission("Three."))
    advocacy.move_on(on_time, by=worker, to="passed_on")
    advocacy.move_on(late, by=worker, to="passed_on")
    late.due_on = late.due_on - timedelta(days=10)
    db.session.commit()
    figures = advocacy.figures(utcnow() - timedelta(days=1), utcnow() + timedelta(days=1))
    assert figures == {"asked": 3, "passed_on": 2, "in_time": 1, "waiting": 1}


def test_what_we_hold_includes_the_referral_and_where_the_view_was_given(app):
    from voice.privacy.services import copy_for_young_person
    from voice.submissions.models import Source

    submission = make_submission(wants_advocate=True, source=Source.PAPER_FORM)
    held = copy_for_young_person(submission)
    assert (held["advocate"], held["given_at"]) == ("asked", "paper_form")
