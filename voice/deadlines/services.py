"""The clock's rules: which cases and actions are overdue, and what `tick` does about it.

The clock runs only while the council owes the young person a reply (WAITING_ON_US). Time
waiting on the young person never counts: a follow-up or an interim reply sets a new
`Submission.due_on`, and every rule here reads `due_on`, so it follows."""

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.exc import StaleDataError

from voice.advocacy import services as advocacy
from voice.clock import add_working_days, working_days_between
from voice.deadlines.models import Reminder
from voice.extensions import db, insert_once
from voice.influence import services as influence
from voice.notifications import outbox
from voice.responses import services as answering
from voice.responses.models import OPEN_ACTIONS, Action, Response, ResponseStatus
from voice.submissions import life_cycle, worker_tasks
from voice.submissions.models import WAITING_ON_US, Status, Submission

# Routed cases have an officer and a service area to answer for them.
ROUTED = (Status.WITH_OFFICER, Status.RESPONSE_READY, Status.FOLLOW_UP)
WAITING_WORDS = {
    Status.NEW: "Participation team: to read",
    Status.MODERATED: "Participation team: to route",
    Status.RESPONSE_READY: "Participation team: to check the response",
    Status.FOLLOW_UP: "Participation team: a follow-up to pass on",
}


def days_overdue(due_on, today):
    """Working days since the due date: 0 on a weekend straight after a Friday due date."""
    return working_days_between(due_on, today)


def waiting_on(submission):
    """Who the reply waits for, in a few words for workers."""
    if submission.status == Status.WITH_OFFICER:
        officer = submission.officer.display_name if submission.officer else "An officer"
        area = submission.service_area.name if submission.service_area else ""
        return f"{officer}, {area}" if area else officer
    return WAITING_WORDS.get(submission.status, submission.status.value)


def overdue_cases(today):
    """Cases whose reply is late, longest overdue first."""
    return db.session.scalars(
        select(Submission)
        .where(Submission.status.in_(WAITING_ON_US), Submission.due_on < today)
        .options(selectinload(Submission.themes))
        .order_by(Submission.due_on, Submission.id)
    ).all()


def overdue_actions(today):
    """[(action, its case)] for every overdue action, longest overdue first."""
    return db.session.execute(
        select(Action, Submission)
        .join(Action.response)
        .join(Submission, Submission.id == Response.submission_id)
        .where(Action.overdue_on(today))
        .options(selectinload(Submission.themes))
        .order_by(Action.due_on, Action.id)
    ).all()


# --- tick: each step yields one line per thing done; the command commits after each ------


def tick(today):
    from voice.deadlines.unread import tell_about_unread

    config = current_app.config
    yield from tell_about_unread(today)
    yield from influence.ask_due(today)  # before closing: a case asked today stays open
    yield from remind_officers(today, config["RESPONSE_REMINDER_DAYS"])
    yield from escalate_overdue(today)
    yield from remind_actions(today)
    yield from close_quiet_cases(today, config["AUTO_CLOSE_DAYS"])
    yield from chase_referrals(today)
    yield from worker_tasks.chase_pass_ons(today)


def chase_referrals(today):
    """An advocacy referral not passed on within its working day: the workers, once."""
    for referral in advocacy.late_referrals(today):
        payload = {"submission_id": referral.submission_id}
        subject = f"referral:{referral.id}"
        if once("advocacy_overdue", subject, referral.due_on, [("role:worker", payload)]):
            yield f"Advocacy referral for {referral.reference} chased: not passed on in a day."


def remind_officer(kind, officer_id, about, path):
    """One reminder to one officer about a case or an action, once for each of its due dates.
    The reminder's subject and the payload's key name the kind of thing ("submission:12")."""
    thing = type(about).__name__.lower()
    payload = {f"{thing}_id": about.id, "path": path}
    return once(kind, f"{thing}:{about.id}", about.due_on, [(f"user:{officer_id}", payload)])


def once(kind, subject, due_on, notifications):
    """Queue `notifications` [(recipient, payload)] unless this reminder went before.
    True if queued. A second tick racing this one meets the unique key and backs off,
    with nothing of the caller's undone."""
    key = (Reminder.kind == kind, Reminder.subject == subject, Reminder.due_on == due_on)
    if db.session.scalar(select(Reminder.id).where(*key)) is not None:
        return False
    added = db.session.scalar(
        insert_once(Reminder)
        .values(kind=kind, subject=subject, due_on=due_on)
        .returning(Reminder.id)
    )
    if added is None:
        return False
    for recipient, payload in notifications:
        outbox.queue(kind, recipient, payload)
    return True


def remind_officers(today, days):
    """`days` working days before the due date (or later, if tick was not run), once."""
    soon = add_working_days(today, days + 1)  # days before it are at most `days` away
    cases = db.session.scalars(
        select(Submission)
        .where(
            Submission.status == Status.WITH_OFFICER,
            Submission.officer_id.is_not(None),
            Submission.due_on >= today,
            Submission.due_on < soon,
        )
        .order_by(Submission.id)
    ).all()
    for case in cases:
        if remind_officer("response_due_soon", case.officer_id, case, f"/responses/{case.id}"):
            yield f"Reminded the officer: {case.reference} is due on {case.due_on}."


def escalate_overdue(today):
    """A late routed case goes to its service area's lead and to the participation workers."""
    cases = db.session.scalars(
        select(Submission)
        .where(Submission.status.in_(ROUTED), Submission.due_on < today)
        .order_by(Submission.id)
    ).all()
    for case in cases:
        told = [("role:worker", {"submission_id": case.id, "path": "/overdue"})]
        area = case.service_area
        if area is not None and area.lead_id is not None:
            told.insert(
                0,
                (
                    f"user:{area.lead_id}",
                    {"submission_id": case.id, "path": f"/responses/{case.id}"},
                ),
            )
        if once("response_overdue", f"submission:{case.id}", case.due_on, told):
            who = f"the lead of {area.name} and " if len(told) == 2 else ""
            late = days_overdue(case.due_on, today)
            yield (
                f"Escalated {case.reference} ({late} working day{'' if late == 1 else 's'} "
                f"overdue) to {who}the participation workers."
            )


def remind_actions(today):
    """On an action's due date (or after, if tick was not run), remind its officer once."""
    actions = db.session.scalars(
        select(Action)
        .join(Action.response)
        .where(
            Response.status == ResponseStatus.RELEASED,
            Action.status.in_(OPEN_ACTIONS),
            Action.due_on <= today,
        )
        .order_by(Action.id)
    ).all()
    for action in actions:
        officer_id = action.response.officer_id
        if remind_officer("action_due", officer_id, action, f"/actions/{action.id}"):
            yield (
                f"Reminded the officer: action {action.id} on "
                f"V{action.response.submission_id:05d} was due on {action.due_on}."
            )


def close_quiet_cases(today, days):
    """An answer with no follow-up for `days` working days closes the case. A follow-up
    moves the case out of ANSWERED, and a newer answer restarts the count. A case waits for
    the influence question, and counts from it (voice.influence.services.counts_from)."""
    rows = db.session.execute(answering.answered_cases().order_by(Submission.id)).all()
    for case, released_at in rows:
        start = influence.counts_from(case, released_at)
        if start is None or working_days_between(start.date(), today) < days:
            continue
        if close(case, days):
            yield f"Closed {case.reference}: no reply in {days} working days since the answer."


def close(case, days):
    try:
        with db.session.begin_nested():  # a savepoint: a refusal undoes only this case
            life_cycle.transition(
                case,
                Status.CLOSED,
                by=None,
                note=f"Closed by Voice: no follow-up within {days} working days.",
            )
            case.contact = None  # as for any closed case: nobody needs to reach them now
    except StaleDataError:  # a follow-up arrived this instant: leave it open
        return False
    return True
