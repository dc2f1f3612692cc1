"""The clock: due dates in working days, reminders and escalations sent once however often
`flask tick` runs, quiet answered cases closing themselves, and the overdue list."""

from datetime import date, timedelta

import pytest

from tests.clock_helpers import answered_case, released_on, routed_case
from tests.submissions_helpers import ORDINARY
from voice import clock
from voice.clock import add_working_days
from voice.extensions import db
from voice.influence import services as influence
from voice.notifications.models import Notification
from voice.responses.models import ActionStatus, Response
from voice.submissions import life_cycle
from voice.submissions.models import Contact, ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

THURSDAY_BEFORE_EASTER = date(2027, 3, 25)
DUE = date(2027, 4, 26)  # 20 working days on: Good Friday and Easter Monday do not count


def sent(kind):
    return sorted(n.recipient for n in db.session.query(Notification).filter_by(kind=kind))


def test_a_case_routed_on_the_thursday_before_easter_is_due_twenty_working_days_on(app):
    assert life_cycle.due_date(THURSDAY_BEFORE_EASTER) == DUE
    # Ignoring the two bank holidays would have made it the Thursday before.
    assert add_working_days(THURSDAY_BEFORE_EASTER, 20, country_holidays=set()) == date(2027, 4, 22)


def test_the_officer_is_reminded_once_five_working_days_before(people, tick):
    case = routed_case(people["worker"], people["officer"], due_on=DUE)
    officer = f"user:{people['officer'].id}"
    tick(date(2027, 4, 16))  # Friday 16 April: six working days before
    assert sent("response_due_soon") == []
    output = tick(date(2027, 4, 19))  # Monday 19 April: five working days before
    assert f"Reminded the officer: {case.reference}" in output
    assert sent("response_due_soon") == [officer]
    assert "nothing done" in tick(date(2027, 4, 19))
    tick(date(2027, 4, 20))
    assert sent("response_due_soon") == [officer]
    case.due_on = date(2027, 5, 24)  # a new date (a follow-up, an interim reply): remind again
    db.session.commit()
    tick(date(2027, 5, 17))
    assert sent("response_due_soon") == [officer, officer]


def test_an_overdue_case_goes_to_the_area_lead_and_the_workers_once(people, tick):
    case = routed_case(people["worker"], people["officer"], lead=people["lead"], due_on=DUE)
    tick(DUE)  # due today is not late yet
    assert sent("response_overdue") == []
    output = tick(DUE + timedelta(days=1))
    assert f"Escalated {case.reference} (1 working day overdue)" in output
    assert sent("response_overdue") == sorted([f"user:{people['lead'].id}", "role:worker"])
    for later in (2, 3, 10):
        tick(DUE + timedelta(days=later))
    assert len(sent("response_overdue")) == 2
    assert ORDINARY not in output and "wifi" not in output.lower()


def test_an_action_reminds_its_officer_once_on_its_date(people, tick):
    when = date(2027, 1, 12)
    _, response = answered_case(
        people["worker"],
        people["officer"],
        actions=[
            ("Ask the placement", "Placements team", when),
            ("Already done", "Participation team", when),
        ],
    )
    response.actions[1].status = ActionStatus.DONE
    db.session.commit()
    tick(when - timedelta(days=1))
    assert sent("action_due") == []
    tick(when)
    tick(when)
    tick(when + timedelta(days=4))
    assert sent("action_due") == [f"user:{people['officer'].id}"]
    notification = db.session.query(Notification).filter_by(kind="action_due").one()
    assert notification.payload["path"] == f"/actions/{response.actions[0].id}"


def test_an_answered_case_with_no_follow_up_closes_after_twenty_working_days(people, tick):
    quiet, _ = answered_case(
        people["worker"],
        people["officer"],
        actions=[],
        reply_by=ReplyBy.TEXT,
        contact="07700900123",
    )
    asked, _ = answered_case(people["worker"], people["officer"], actions=[])
    for case in (quiet, asked):
        released_on(case, THURSDAY_BEFORE_EASTER)
    # Asked "has anything changed?" before (a case waits for that question: test_influence).
    influence.ask(quiet, db.session.query(Response).filter_by(submission_id=quiet.id).one())
    life_cycle.transition(asked, Status.FOLLOW_UP, note="Follow-up from the young person.")
    db.session.commit()

    tick(date(2027, 4, 23))  # 19 working days after the answer
    assert quiet.status == Status.ANSWERED
    output = tick(DUE)  # 20
    assert f"Closed {quiet.reference}" in output and asked.reference not in output
    db.session.refresh(quiet)
    db.session.refresh(asked)
    assert quiet.status == Status.CLOSED and asked.status == Status.FOLLOW_UP
    closing = quiet.changes[-1]
    assert closing.by_id is None and "no follow-up" in closing.note
    assert db.session.get(Contact, quiet.id) is None
    assert f"Closed {quiet.reference}" not in tick(DUE + timedelta(days=1))


def test_workers_see_overdue_replies_and_actions_and_officers_may_not(
    client, sign_in, make_user, people
):
    today = clock.utcnow().date()
    late = routed_case(people["worker"], people["officer"], due_on=today - timedelta(days=7))
    on_time = routed_case(people["worker"], people["officer"], due_on=today + timedelta(days=7))
    answered_case(
        people["worker"],
        people["officer"],
        actions=[
            ("Ask the placement to keep the wifi on", "Placements team", today - timedelta(days=9)),
            ("Check with you that it worked", "Participation team", today + timedelta(days=9)),
        ],
    )
    sign_in(people["worker"])
    html = client.get("/overdue").get_data(as_text=True)
    assert late.reference in html and on_time.reference not in html
    assert "Jordan Reid, Placements" in html
    days = clock.working_days_between(today - timedelta(days=7), today)
    assert f"{days} days" in html
    assert "Ask the placement to keep the wifi on" in html
    assert "Check with you that it worked" not in html
    assert ORDINARY not in html and "The wifi goes off at 9pm." not in html
    assert 'href="/overdue"' in html  # in the staff links
    client.post("/staff/logout")
    sign_in(people["officer"])
    assert client.get("/overdue").status_code == 403


def test_two_ticks_at_the_same_moment_still_queue_one_reminder(app, monkeypatch):
    from voice.deadlines import services

    def queue_once():
        queued = services.once("response_overdue", "submission:1", DUE, [("role:worker", {})])
        db.session.commit()
        return queued

    assert queue_once() is True
    # The other tick read "not sent yet" just before this one recorded it: the unique key
    # refuses its row, and it queues nothing.
    real_scalar = db.session.scalar
    monkeypatch.setattr(db.session, "scalar", lambda *a, **kw: None)
    assert queue_once() is False
    monkeypatch.setattr(db.session, "scalar", real_scalar)
    assert sent("response_overdue") == ["role:worker"]
