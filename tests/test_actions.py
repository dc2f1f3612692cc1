"""Officers keep the actions they promised up to date; every update is kept."""

from datetime import timedelta

import pytest

from tests.clock_helpers import answered_case
from tests.conftest import page
from voice import clock
from voice.actions import checks, services
from voice.actions.models import ActionUpdate
from voice.audit.models import AuditEvent
from voice.extensions import db
from voice.responses.models import ACTION_MOVES, Action, ActionStatus

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def case(people):
    today = clock.utcnow().date()
    submission, response = answered_case(
        people["worker"],
        people["officer"],
        lead=people["lead"],
        actions=[
            (
                "Ask the placement to keep the wifi on",
                "Placements team",
                today + timedelta(days=30),
            ),
            ("Check with you that it worked", "Participation team", today - timedelta(days=3)),
        ],
    )
    return submission, response.actions


def checked(worker):
    """A participation worker releases every officer's update waiting for a check (words to
    a young person about an action are checked first, as answers are: issue 19)."""
    for waiting in checks.waiting():
        checks.release(waiting, worker)
    db.session.commit()


def test_the_officer_updates_an_action_and_every_update_is_kept(client, sign_in, people, case):
    submission, (later, _) = case
    sign_in(people["officer"])
    url = f"/actions/{later.id}"
    client.post(url, data={"status": "in_progress", "note": "The placement has agreed."})
    checked(people["worker"])
    done = client.post(
        url, data={"status": "done", "note": "The wifi stays on until 11pm."}, follow_redirects=True
    )
    assert "Update sent for a participation worker" in page(done)
    checked(people["worker"])
    db.session.refresh(later)
    assert later.status == ActionStatus.DONE
    assert [(u.status, u.note, u.by_id) for u in later.updates] == [
        (ActionStatus.IN_PROGRESS, "The placement has agreed.", people["officer"].id),
        (ActionStatus.DONE, "The wifi stays on until 11pm.", people["officer"].id),
    ]
    assert all(u.at.date() == clock.utcnow().date() for u in later.updates)
    assert later.latest_note == "The wifi stays on until 11pm."
    html = page(client.get(url))
    assert "The placement has agreed." in html and "The wifi stays on until 11pm." in html
    # Each update: sent for a check, then released.
    assert db.session.query(AuditEvent).filter_by(action="action_update").count() == 4


def test_the_area_lead_may_update_but_another_officer_is_told_not_found(
    client, sign_in, make_user, people, case
):
    _, (later, _) = case
    sign_in(make_user("officer"))
    assert client.get(f"/actions/{later.id}").status_code == 404
    assert (
        client.post(f"/actions/{later.id}", data={"status": "done", "note": "Done."}).status_code
        == 404
    )
    assert "Ask the placement" not in page(client.get("/actions/"))
    client.post("/staff/logout")
    sign_in(people["lead"])
    client.post(f"/actions/{later.id}", data={"status": "in_progress", "note": "Started."})
    checked(people["worker"])
    db.session.refresh(later)
    assert later.status == ActionStatus.IN_PROGRESS and len(later.updates) == 1


def test_not_going_ahead_needs_a_reason(client, sign_in, people, case):
    _, (later, _) = case
    sign_in(people["officer"])
    html = page(
        client.post(f"/actions/{later.id}", data={"status": "not_going_ahead", "note": "No budget"})
    )
    assert "Say why it is not going ahead" in html
    assert "No budget" in html  # what was typed is kept
    db.session.refresh(later)
    assert later.status == ActionStatus.PLANNED and later.updates == []
    client.post(
        f"/actions/{later.id}",
        data={
            "status": "not_going_ahead",
            "note": "The placement's provider switches the router off; we are moving you instead.",
        },
    )
    checked(people["worker"])
    db.session.refresh(later)
    assert later.status == ActionStatus.NOT_GOING_AHEAD


def test_the_service_refuses_an_empty_update_and_an_unreleased_action(people, case):
    _, (later, _) = case
    with pytest.raises(services.ActionRefused, match="Nothing has changed"):
        services.update(later, people["officer"], "planned", "  ")
    with pytest.raises(services.ActionRefused, match="Say why"):
        services.update(later, people["officer"], "not_going_ahead", "")
    draft, _ = answered_case(
        people["worker"],
        people["officer"],
        release=False,
        actions=[("Visit", "Team", clock.utcnow().date())],
    )
    action = db.session.query(Action).filter_by(what="Visit").one()
    with pytest.raises(services.ActionRefused, match="told about"):
        services.update(action, people["officer"], "done", "")
    assert services.get_for_officer(people["officer"], action.id) is None


def test_my_actions_lists_overdue_first_and_the_case_page_shows_progress(
    client, sign_in, people, case
):
    submission, (later, late) = case
    assert late.is_overdue and not later.is_overdue
    today = clock.utcnow().date()
    overdue_ids = db.session.scalars(db.select(Action.id).where(Action.overdue_on(today))).all()
    assert overdue_ids == [late.id]
    sign_in(people["officer"])
    html = page(client.get("/actions/"))
    assert html.index("Check with you that it worked") < html.index("Ask the placement")
    assert "overdue" in html
    services.update(late, people["officer"], "done", "We called you on Tuesday.")
    db.session.commit()
    assert late.is_overdue  # until a worker has checked the words
    checked(people["worker"])
    assert not late.is_overdue
    case_page = page(client.get(f"/responses/{submission.id}"))
    assert "We called you on Tuesday." in case_page and "Done" in case_page


def test_workers_cannot_open_officers_action_pages(client, signed_in, case):
    _, (later, _) = case
    signed_in("worker")
    assert client.get("/actions/").status_code == 403
    assert client.post(f"/actions/{later.id}", data={"status": "done"}).status_code == 403
    assert db.session.query(ActionUpdate).count() == 0


def test_the_demo_gives_released_actions_a_believable_history_once(people, case):
    from voice.actions.demo import load_demo_progress

    _, (later, late) = case
    moved = load_demo_progress()
    db.session.commit()
    assert moved == sum(1 for a in (later, late) if a.updates) >= 1
    history = [(u.status, u.note, u.at) for a in (later, late) for u in a.updates]
    now = clock.utcnow()
    released_at = later.response.released_at
    assert all(released_at <= at <= now and note for _, note, at in history)
    assert load_demo_progress() == 0  # run again: nothing changes
    assert [(u.status, u.note, u.at) for a in (later, late) for u in a.updates] == history


def test_the_young_person_hears_there_is_news_once_a_day_and_never_what_it_is(people):
    from voice.notifications.models import Notification
    from voice.submissions.models import ReplyBy

    today = clock.utcnow().date()
    by_text, response = answered_case(
        people["worker"],
        people["officer"],
        reply_by=ReplyBy.TEXT,
        contact="07700900123",
        actions=[("Order the bus pass", "Leaving care team", today)],
    )
    by_code, quiet = answered_case(
        people["worker"], people["officer"], actions=[("Book a visit", "Placements team", today)]
    )
    db.session.query(Notification).delete()
    action = response.actions[0]
    services.update(action, people["officer"], "in_progress", "Ordered it today.")
    checked(people["worker"])
    services.update(action, people["officer"], "done", "It came; your PA has it.")
    services.update(quiet.actions[0], people["officer"], "done", "The visit is booked.")
    checked(people["worker"])
    news = db.session.query(Notification).filter_by(kind="news_for_young_person").all()
    assert [n.recipient for n in news] == [f"submission:{by_text.id}"]
    assert "bus pass" not in str(news[0].payload) and "PA" not in str(news[0].payload)


def test_a_done_action_stays_done_and_the_officer_is_told_why(client, sign_in, people, case):
    """The moves are a table (ACTION_MOVES): done is final, not going ahead can still go ahead."""
    _, (later, other) = case
    sign_in(people["officer"])
    client.post(f"/actions/{later.id}", data={"status": "done", "note": "The wifi stays on."})
    checked(people["worker"])
    html = page(client.post(f"/actions/{later.id}", data={"status": "planned", "note": "Oops."}))
    assert "This action is “Done”, so it can&#39;t be “Planned” now." in html
    db.session.refresh(later)
    assert later.status == ActionStatus.DONE and len(later.updates) == 1
    reason = "The provider has closed, so we are looking for another way to do this."
    client.post(f"/actions/{other.id}", data={"status": "not_going_ahead", "note": reason})
    checked(people["worker"])
    client.post(f"/actions/{other.id}", data={"status": "in_progress", "note": "Found a way."})
    checked(people["worker"])
    db.session.refresh(other)
    assert [u.status for u in other.updates] == [
        ActionStatus.NOT_GOING_AHEAD,
        ActionStatus.IN_PROGRESS,
    ]


def test_every_action_move_outside_the_table_is_refused(people, case):
    _, (later, _) = case
    for start, allowed in ACTION_MOVES.items():
        for to in set(ActionStatus) - allowed - {start}:
            later.status = start
            with pytest.raises(services.ActionRefused):
                services.move(later, to, people["officer"].id)
            assert later.status == start
