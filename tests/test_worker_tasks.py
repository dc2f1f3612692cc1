""" "Through my worker" that works, and "talk to me first": the jobs a participation worker does
by hand for one young person. Released news for a young person who hears back through their
worker says whom to pass it on to, waits in the queue until a worker marks it passed on (a
CSRF-protected POST, audited), and `tick` chases it, content-free, after a working day. A
young person who said "talk to me first" puts a job in the queue until a worker has."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.clock_helpers import routed_case
from tests.conftest import csrf_token_from
from tests.submissions_helpers import make_submission
from voice.audit.models import AuditEvent
from voice.deadlines import services as deadlines
from voice.extensions import db
from voice.notifications.models import Notification
from voice.responses import services as responses
from voice.submissions import worker_tasks
from voice.submissions.models import ReplyBy, SayItsThem
from voice.submissions.task_models import TaskKind, WorkerTask

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EXPLANATION = "We will ask your placement to keep the wifi on until 11pm on school nights."


def tasks(kind=None):
    query = select(WorkerTask).order_by(WorkerTask.id)
    if kind is not None:
        query = query.where(WorkerTask.kind == kind)
    return db.session.scalars(query).all()


def written(submission, officer, decision="do", **more):
    return responses.save(
        submission,
        officer,
        decision=decision,
        explanation=EXPLANATION,
        team_name="Placements team",
        submit=True,
        actions=[],
        **more,
    )


@pytest.fixture
def through_sam(make_user):
    """A case routed to an officer, for a young person who hears back through Sam."""
    worker, officer = make_user("worker"), make_user("officer")
    submission = routed_case(
        worker, officer, reply_by=ReplyBy.WORKER, worker_name="Sam (leaving care team)"
    )
    written(submission, officer)
    db.session.commit()
    return submission, worker, officer


def test_releasing_an_answer_makes_a_pass_on_job_due_in_a_working_day(through_sam):
    submission, worker, _ = through_sam
    assert tasks() == []
    responses.release(submission, worker)
    db.session.commit()
    [task] = tasks()
    assert task.kind == TaskKind.PASS_ON and task.submission_id == submission.id
    assert task.done_at is None and task.due_on > task.created_at.date() - timedelta(days=1)
    assert task in worker_tasks.open_tasks()


def test_no_job_for_a_young_person_who_hears_back_with_their_code(make_user):
    worker, officer = make_user("worker"), make_user("officer")
    submission = routed_case(worker, officer)
    written(submission, officer)
    responses.release(submission, worker)
    db.session.commit()
    assert tasks() == []


def test_an_interim_reply_and_the_full_answer_are_one_job_while_it_is_open(make_user):
    from datetime import date

    worker, officer = make_user("worker"), make_user("officer")
    submission = routed_case(worker, officer, reply_by=ReplyBy.WORKER, worker_name="Sam")
    written(submission, officer, decision="looking_into", full_answer_by=date(2026, 12, 30))
    responses.release(submission, worker)
    written(submission, officer)
    responses.release(submission, worker)
    db.session.commit()
    assert len(tasks()) == 1


def test_the_release_says_whom_to_pass_it_on_to_and_the_queue_keeps_it_until_done(
    app, client, sign_in, through_sam
):
    submission, worker, _ = through_sam
    sign_in(worker)
    released = client.post(
        f"/moderation/{submission.id}/check",
        data={"release": "y", "version": submission.version},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Pass this on to Sam (leaving care team)." in released
    assert "pass this on to <strong>Sam (leaving care team)</strong>" in released
    [task] = tasks()

    app.config["WTF_CSRF_ENABLED"] = True
    forged = client.post(f"/worker-tasks/{task.id}/done")  # no CSRF token: nothing happens
    assert forged.status_code in (302, 303, 400)
    db.session.refresh(task)
    assert task.done_at is None

    queue = client.get("/moderation/").get_data(as_text=True)
    done = client.post(
        f"/worker-tasks/{task.id}/done",
        data={"csrf_token": csrf_token_from(queue)},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert f"{submission.reference}: marked as passed on." in done
    assert "pass this on to <strong>" not in done  # gone from the queue
    db.session.refresh(task)
    assert task.done_at is not None and task.done_by_id == worker.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "worker_task"))
    assert event.user_id == worker.id and event.detail == "passed on"

    again = client.post(
        f"/worker-tasks/{task.id}/done",
        data={"csrf_token": csrf_token_from(queue)},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "already marked done" in again


def test_an_officer_cannot_mark_a_job_done(client, signed_in, through_sam):
    submission, worker, _ = through_sam
    responses.release(submission, worker)
    db.session.commit()
    signed_in("officer")
    assert client.post(f"/worker-tasks/{tasks()[0].id}/done").status_code == 403
    assert tasks()[0].done_at is None


def test_tick_chases_news_not_passed_on_after_a_working_day_once_and_content_free(through_sam):
    submission, worker, _ = through_sam
    responses.release(submission, worker)
    db.session.commit()
    [task] = tasks()
    assert list(worker_tasks.chase_pass_ons(task.due_on)) == []  # still on time on its day
    late = task.due_on + timedelta(days=1)
    lines = list(deadlines.tick(late))
    assert any(f"news for {submission.reference} not passed on" in line for line in lines)
    db.session.commit()
    assert list(worker_tasks.chase_pass_ons(late + timedelta(days=1))) == []  # once
    [notice] = db.session.scalars(
        select(Notification).where(Notification.kind == "pass_on_overdue")
    ).all()
    assert notice.recipient == "role:worker"
    assert "wifi" not in str(notice.payload) and "Sam" not in str(notice.payload)


def test_news_passed_on_in_time_is_never_chased(through_sam):
    submission, worker, _ = through_sam
    responses.release(submission, worker)
    worker_tasks.mark_done(tasks()[0], by=worker)
    db.session.commit()
    assert list(worker_tasks.chase_pass_ons(tasks()[0].due_on + timedelta(days=5))) == []


def test_talk_to_me_first_puts_a_job_in_the_queue_until_a_worker_has(client, signed_in):
    worker = signed_in("worker")
    submission = make_submission(say_its_them=SayItsThem.TALK_FIRST)
    make_submission(say_its_them=SayItsThem.YES)
    [task] = tasks()
    assert task.kind == TaskKind.TALK_FIRST and task.submission_id == submission.id
    queue = client.get("/moderation/").get_data(as_text=True)
    assert "They asked us to <strong>talk to them first</strong>" in queue
    assert "Talked to them" in queue
    client.post(f"/worker-tasks/{task.id}/done", follow_redirects=True)
    db.session.refresh(task)
    assert task.done_by_id == worker.id
    assert "They asked us to <strong>talk to them first</strong>" not in client.get(
        "/moderation/"
    ).get_data(as_text=True)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "worker_task"))
    assert event.detail == "talked to them first"
