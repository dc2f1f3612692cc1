"""Jobs a participation worker does by hand for one young person: pass news on to the worker
they chose to hear back through, or talk to them first when they asked for that before anyone
is told it came from them. Each shows in the workers' queue until marked done; `tick` chases a
pass-on left for more than a working day. Plain functions; the route commits."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from voice.audit.services import record as audit
from voice.clock import add_working_days, local_time, utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.submissions.task_models import TaskKind, WorkerTask

# What the queue and the audit log say for each kind, in staff words.
DONE_WORDS = {TaskKind.PASS_ON: "passed on", TaskKind.TALK_FIRST: "talked to them first"}


class TaskRefused(Refused):
    """Safe to show staff."""


def open_task(submission, kind):
    """The open task of this kind for this case, made now if there is none: an interim reply
    and then the full answer, both not yet passed on, are one job, not two."""
    kind = TaskKind(kind)
    task = db.session.scalar(
        select(WorkerTask).where(
            WorkerTask.submission_id == submission.id,
            WorkerTask.kind == kind,
            WorkerTask.done_at.is_(None),
        )
    )
    if task is None:
        now = utcnow()
        task = WorkerTask(
            submission_id=submission.id,
            kind=kind,
            created_at=now,
            due_on=add_working_days(local_time(now).date(), 1),
        )
        db.session.add(task)
        db.session.flush()
    return task


def mark_done(task, by):
    """A worker has passed it on, or talked to the young person. Once: a second tab is told."""
    if task.done_at is not None:
        raise TaskRefused(f"{task.reference}: this was already marked done.")
    task.done_at, task.done_by_id = utcnow(), by.id
    audit("worker_task", by=by, submission=task.submission, detail=DONE_WORDS[task.kind])
    db.session.flush()


def open_tasks():
    """Every task not yet done, the longest waiting first."""
    return db.session.scalars(
        select(WorkerTask)
        .where(WorkerTask.done_at.is_(None))
        .options(selectinload(WorkerTask.submission))
        .order_by(WorkerTask.due_on, WorkerTask.id)
    ).all()


def late_pass_ons(today):
    """Pass-ons still not done after their working day."""
    return db.session.scalars(
        select(WorkerTask)
        .where(
            WorkerTask.kind == TaskKind.PASS_ON,
            WorkerTask.done_at.is_(None),
            WorkerTask.due_on < today,
        )
        .order_by(WorkerTask.due_on, WorkerTask.id)
    ).all()


def chase_pass_ons(today):
    """For `tick`: tell the workers, once per task, of news not passed on in a working day.
    The notice names no young person and carries none of their words."""
    from voice.deadlines.services import once  # not at the top: deadlines imports submissions

    for task in late_pass_ons(today):
        payload = {"submission_id": task.submission_id, "path": "/moderation/"}
        if once(
            "pass_on_overdue", f"worker_task:{task.id}", task.due_on, [("role:worker", payload)]
        ):
            yield f"Chased: news for {task.reference} not passed on to their worker in a day."
