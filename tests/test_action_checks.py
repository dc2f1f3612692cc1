"""What an officer writes to a young person about an action, and a late action's new date
with its reason, go through a participation worker's check as answers do (issue 19). The
action moves only through its state table (services.move), and only when released."""

from datetime import timedelta

import pytest

from tests.clock_helpers import answered_case
from tests.conftest import page
from voice import clock
from voice.actions import checks, services
from voice.extensions import db
from voice.responses.models import ActionStatus

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

REASON = "The bus company has not sent the passes yet, so it will take two more weeks."


@pytest.fixture
def late(people):
    today = clock.utcnow().date()
    submission, response = answered_case(
        people["worker"],
        people["officer"],
        actions=[("Order your bus pass", "Leaving care team", today - timedelta(days=3))],
    )
    return submission, response.actions[0]


def young_person_sees(app, submission):
    other = app.test_client()
    with other.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": clock.utcnow().timestamp()}
    return page(other.get("/check/case"))


def test_a_late_action_gets_a_new_date_and_reason_once_a_worker_has_checked_it(
    app, client, sign_in, people, late
):
    submission, action = late
    new_date = clock.utcnow().date() + timedelta(days=14)
    sign_in(people["officer"])
    sent = client.post(
        f"/actions/{action.id}",
        data={"status": "planned", "note": REASON, "new_due_on": new_date.isoformat()},
        follow_redirects=True,
    )
    assert "sent for a participation worker" in page(sent)
    assert "Waiting for a worker" in page(sent)
    db.session.refresh(action)
    assert action.is_overdue and action.updates == []
    assert REASON not in young_person_sees(app, submission)

    client.post("/staff/logout")
    sign_in(people["worker"])
    queue = page(client.get("/moderation/action-checks"))
    assert REASON in queue and submission.reference in queue
    waiting = checks.waiting_for(action)
    client.post(f"/moderation/action-checks/{waiting.id}", data={"release": "y"})
    db.session.refresh(action)
    assert action.due_on == new_date and not action.is_overdue
    assert [(u.status, u.note, u.by_id) for u in action.updates] == [
        (ActionStatus.PLANNED, REASON, people["officer"].id)
    ]
    assert REASON in young_person_sees(app, submission)
    assert "Nothing to check." in page(client.get("/moderation/action-checks"))


def test_a_new_date_needs_a_reason_a_later_date_and_an_action_still_to_happen(people, late):
    _, action = late
    officer, today = people["officer"], clock.utcnow().date()
    with pytest.raises(services.ActionRefused, match="Say why the date has moved"):
        services.update(action, officer, "planned", "Later.", today + timedelta(days=7))
    with pytest.raises(services.ActionRefused, match="after today"):
        services.update(action, officer, "planned", REASON, today)
    with pytest.raises(services.ActionRefused, match="still to happen"):
        services.update(action, officer, "done", REASON, today + timedelta(days=7))
    assert checks.waiting() == []


def test_sent_back_the_officer_reads_why_and_the_young_person_sees_nothing(
    app, client, sign_in, people, late
):
    submission, action = late
    services.update(action, people["officer"], "in_progress", "Your PA ordered it.")
    db.session.commit()
    sign_in(people["worker"])
    waiting = checks.waiting_for(action)
    refused = client.post(
        f"/moderation/action-checks/{waiting.id}", data={"send_back": "y"}, follow_redirects=True
    )
    assert "Say what the officer should change." in page(refused)
    client.post(
        f"/moderation/action-checks/{waiting.id}",
        data={"send_back": "y", "comment": "Say 'your personal adviser', not PA."},
    )
    db.session.refresh(action)
    assert action.status == ActionStatus.PLANNED and action.updates == []
    assert "Your PA ordered it." not in young_person_sees(app, submission)
    client.post("/staff/logout")
    sign_in(people["officer"])
    html = page(client.get(f"/actions/{action.id}"))
    assert "sent your last update back" in html and "not PA." in html


def test_a_status_alone_shows_at_once_and_a_second_update_waits_for_the_first(people, late):
    _, action = late
    officer = people["officer"]
    assert services.update(action, officer, "in_progress", "") is None
    assert action.status == ActionStatus.IN_PROGRESS and len(action.updates) == 1
    services.update(action, officer, "in_progress", "We have asked the bus company.")
    with pytest.raises(services.ActionRefused, match="still waiting"):
        services.update(action, officer, "in_progress", "And again.")


def test_release_moves_the_action_only_through_its_table(people, late):
    _, action = late
    officer, worker = people["officer"], people["worker"]
    services.update(action, officer, "in_progress", "We have asked the bus company.")
    services.update(action, officer, "done", "")  # a status alone, applied at once
    db.session.commit()
    waiting = checks.waiting_for(action)
    with pytest.raises(services.ActionRefused, match="can't be"):
        checks.release(waiting, worker)
    db.session.rollback()
    db.session.refresh(action)
    assert action.status == ActionStatus.DONE
