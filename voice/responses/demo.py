"""Demo answers: most routed demo submissions get a released response (a few wait for a
worker's check, a few are interim replies), many are rated, and a few have a follow-up, with
dates across the past year. Like a council keeping up: what is still waiting on it is not yet
due, except LEFT_LATE cases left overdue on purpose (the first `tick` escalates just those),
and answers with no reply for AUTO_CLOSE_DAYS are closed, as `tick` would have done.
Deterministic (seeded by the demo token) and idempotent: a submission that already has a
response is left as it is."""

import random
from datetime import datetime, time, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from voice.clock import add_working_days, utcnow, working_days_between
from voice.extensions import db
from voice.responses import services as answering
from voice.responses.demo_answers import ANSWERS, FOLLOW_UPS, RATING_COMMENTS, SECOND_ANSWERS
from voice.responses.models import (
    Action,
    Decision,
    FollowUp,
    Rating,
    RatingAnswer,
    Response,
    ResponseStatus,
)
from voice.submissions import life_cycle
from voice.submissions.demo import DEMO_TOKEN, audit_at, step_at, write_history
from voice.submissions.models import Status, Submission

LATEST = timedelta(hours=6)  # nothing the demo makes is dated in the last few hours
KEPT_UP = timedelta(days=5)
LEFT_LATE = 3  # the most recently due of the unanswered cases stay overdue, for the pages


def load_demo_responses(worker, officer):
    """Answer the routed demo submissions that have no response yet. Returns how many."""
    if worker is None or officer is None:
        return 0
    answered = select(Response.submission_id)
    waiting = db.session.scalars(
        select(Submission)
        .where(
            Submission.form_token.startswith(DEMO_TOKEN),
            Submission.status == Status.WITH_OFFICER,
            Submission.id.not_in(answered),
        )
        .order_by(Submission.id)
    ).all()
    late = sorted(
        (s for s in waiting if s.due_on < utcnow().date()), key=lambda s: (s.due_on, s.id)
    )[-LEFT_LATE:]
    for submission in waiting:
        if submission in late:
            continue  # still with the officer, and overdue
        _answer(
            submission, random.Random(f"voice-demo-answer-{submission.form_token}"), worker, officer
        )
    db.session.flush()
    close_quiet_cases(current_app.config["AUTO_CLOSE_DAYS"])
    write_history()
    return len(waiting) - len(late)


def _overdue(submission):
    """Whether the council owes this reply already: then the demo does not leave it waiting."""
    return submission.due_on < utcnow().date()


def _by_now(at):
    """When an answer that is due was written: at the latest a few days ago, so what follows
    it (a worker sending it back, the release) is in the past too."""
    return min(at, utcnow() - KEPT_UP)


def close_quiet_cases(days):
    """Answered demo cases with no reply for more than `days` working days are closed on the
    day `tick` would have closed them (one on exactly `days` is left for the first tick)."""
    rows = db.session.execute(
        answering.answered_cases()
        .where(Submission.form_token.startswith(DEMO_TOKEN))
        .options(selectinload(Submission.contact))  # cleared below
    ).all()
    today = utcnow().date()
    for submission, released_at in rows:
        if working_days_between(released_at.date(), today) <= days:
            continue
        closed = datetime.combine(add_working_days(released_at.date(), days), time(7))
        step_at(
            submission,
            Status.CLOSED,
            None,
            closed,
            f"Closed by Voice: no follow-up within {days} working days.",
        )
        submission.contact = None
    db.session.flush()


def _answer_for(message):
    for start, answer in ANSWERS.items():
        if message.startswith(start):
            return answer
    return None


def _answer(submission, rng, worker, officer):
    found = _answer_for(submission.message)
    now = utcnow()
    written = submission.routed_at + timedelta(days=rng.randint(2, 30), hours=rng.randint(0, 5))
    roll = rng.random()
    keep_up = _overdue(submission)
    if keep_up:
        written = _by_now(written)
    # Not due yet: many are still being written or checked. Due: answered, a few after an
    # interim reply. (The chances of: still with the officer, waiting for a check, interim.)
    still, check, interim = (0, 0, 0.06) if keep_up else (0.10, 0.40, 0.46)
    if not keep_up and written > now - LATEST and roll < check:
        written = now - timedelta(days=1, hours=rng.randint(0, 12))  # written, not yet checked
    if found is None or roll < still or written > now - LATEST:
        return  # still with the officer
    decision, explanation, actions = found
    if roll < check:  # written and waiting for a worker's check
        _write(submission, officer, decision, explanation, actions, written)
        return
    if roll < interim:  # an interim reply first: the full answer comes later
        _interim(submission, officer, worker, written, rng)
        written = written + timedelta(days=rng.randint(10, 25))
        if _overdue(submission):  # the date promised in the interim reply has passed
            written = _by_now(written)
        if written > now - LATEST:
            return
    sent_back = rng.random() < 0.12
    response = _write(submission, officer, decision, explanation, actions, written)
    if sent_back:
        answering.move(response, ResponseStatus.SENT_BACK, worker, at=written + timedelta(hours=20))
        response.worker_comment = "Please say when this will happen, in a date."
        step_at(submission, Status.WITH_OFFICER, worker, written + timedelta(hours=20), "Sent back")
        written += timedelta(days=2)
        _write(submission, officer, decision, explanation, actions, written, response)
    released = written + timedelta(hours=rng.randint(3, 40))
    if released > now - LATEST:
        return
    _release(submission, response, worker, released)
    _after_answer(submission, response, rng, worker, officer, released)


def _write(submission, officer, decision, explanation, actions, at, response=None):
    """A new response (or the one sent back, revised), sent for a worker's check."""
    if response is None:
        response = Response(
            submission_id=submission.id,
            officer_id=officer.id,
            created_at=at,
            team_name=actions[0][1] if actions else "Participation team",
            status=ResponseStatus.DRAFT,
        )
        db.session.add(response)
    response.decision, response.explanation = decision, explanation
    answering.move(response, ResponseStatus.SUBMITTED, officer, at=at)
    response.actions = [
        Action(what=what, team=team, due_on=add_working_days(at.date(), days))
        for what, team, days in actions
    ]
    step_at(submission, Status.RESPONSE_READY, officer, at)
    return response


def _release(submission, response, worker, at):
    answering.move(response, ResponseStatus.RELEASED, worker, at=at)
    if response.decision == Decision.LOOKING_INTO:
        submission.due_on = response.full_answer_by
        step_at(submission, Status.WITH_OFFICER, worker, at, "Interim reply released")
    else:
        step_at(submission, Status.ANSWERED, worker, at)


def _interim(submission, officer, worker, at, rng):
    response = Response(
        submission_id=submission.id,
        officer_id=officer.id,
        created_at=at,
        decision=Decision.LOOKING_INTO,
        team_name="Participation team",
        full_answer_by=add_working_days(at.date(), rng.randint(10, 20)),
        explanation="Thank you for your message. We need to talk to another team before we "
        "can give you a full answer. We will send it to you by the date below.",
        status=ResponseStatus.DRAFT,
    )
    db.session.add(response)
    answering.move(response, ResponseStatus.SUBMITTED, officer, at=at)
    step_at(submission, Status.RESPONSE_READY, officer, at)
    _release(submission, response, worker, at + timedelta(hours=4))


def _after_answer(submission, response, rng, worker, officer, released):
    """What the young person did next: rate it (often), close it, or ask a follow-up."""
    now = utcnow()
    if response.decision == Decision.LOOKING_INTO or rng.random() > 0.7:
        return
    rated = released + timedelta(days=rng.randint(0, 6), hours=rng.randint(1, 12))
    if rated > now - LATEST:
        return
    weights = {
        Decision.DO: (0.75, 0.2),
        Decision.ANSWER: (0.6, 0.3),
        Decision.PART: (0.35, 0.45),
        Decision.CANNOT: (0.2, 0.4),
    }[response.decision]
    roll = rng.random()
    answer = (
        RatingAnswer.YES
        if roll < weights[0]
        else RatingAnswer.PARTLY
        if roll < sum(weights)
        else RatingAnswer.NOT_REALLY
    )
    db.session.add(
        Rating(
            submission_id=submission.id,
            response=response,
            answer=answer,
            comment=rng.choice(RATING_COMMENTS[answer.value]) or None,
            created_at=rated,
        )
    )
    audit_at("rating", None, submission, rated, answer.value)  # the young person
    if answer == RatingAnswer.YES and rng.random() < 0.5:
        step_at(
            submission,
            Status.CLOSED,
            None,
            rated + timedelta(minutes=2),
            "The young person said it answers their message.",
        )
    elif answer != RatingAnswer.YES and rng.random() < 0.45:
        _follow_up(submission, response, rng, worker, officer, rated + timedelta(minutes=5))


def _follow_up(submission, response, rng, worker, officer, asked):
    number = rng.randrange(len(FOLLOW_UPS))
    follow_up = FollowUp(submission_id=submission.id, message=FOLLOW_UPS[number], created_at=asked)
    follow_up.after_response = response
    db.session.add(follow_up)
    submission.due_on = life_cycle.due_date(asked.date())
    step_at(submission, Status.FOLLOW_UP, None, asked, "Follow-up from the young person.")
    audit_at("follow_up", None, submission, asked)  # the young person
    passed = asked + timedelta(days=rng.randint(1, 3))
    keep_up = _overdue(submission)  # its 20 working days have passed: it is not left waiting
    if passed > utcnow() - LATEST or (
        not keep_up and ((utcnow() - asked).days < 60 or rng.random() < 0.2)
    ):
        return  # waiting in the worker's queue
    follow_up.shared_text, follow_up.passed_at, follow_up.passed_by_id = (
        follow_up.message,
        passed,
        worker.id,
    )
    step_at(submission, Status.WITH_OFFICER, worker, passed, f"Follow-up to {officer.display_name}")
    audit_at("follow_up_passed", worker, submission, passed, officer.email)
    again = passed + timedelta(days=rng.randint(3, 15))
    if again > utcnow() - LATEST:
        return  # the officer is writing the second answer
    second = _write(submission, officer, Decision.ANSWER, SECOND_ANSWERS[number], [], again)
    _release(submission, second, worker, again + timedelta(hours=6))
