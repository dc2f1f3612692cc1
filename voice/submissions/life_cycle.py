"""What happens to a submission. Every change of status goes through `transition`, which
refuses any move the life cycle (models.TRANSITIONS) does not have and records who and when."""

import functools
from datetime import date

from flask import current_app
from sqlalchemy import bindparam, insert, select

from voice.audit.services import record as audit
from voice.clock import add_working_days, next_staffed_day, utcnow
from voice.errors import Refused
from voice.extensions import db, insert_once
from voice.notifications import outbox
from voice.submissions import codes, disclosure, worker_tasks
from voice.submissions.models import (
    TRANSITIONS,
    Audience,
    Contact,
    Kind,
    ReplyBy,
    SafeNow,
    SayItsThem,
    Source,
    Status,
    StatusChange,
    Submission,
    submission_theme,
)
from voice.submissions.task_models import TaskKind


class TransitionRefused(Refused):
    """The life cycle has no such move; the message is safe to show staff."""


def transition(submission, to, by=None, note=""):
    to = Status(to)
    if to not in TRANSITIONS[submission.status]:
        raise TransitionRefused(f"This can't go from “{submission.status.value}” to “{to.value}”.")
    submission.changes.append(
        StatusChange(
            from_status=submission.status,
            to_status=to,
            by_id=by.id if by else None,
            note=note,
            at=utcnow(),
        )
    )
    # Every transition is audited here, once, whoever causes it (a worker, the young person
    # taking it back, or Voice holding a disclosure), so no caller can forget to.
    audit(
        "transition", by=by, submission=submission, detail=f"{submission.status.value} → {to.value}"
    )
    submission.status = to
    db.session.flush()


def code_key():
    return current_app.config["REFERENCE_CODE_KEY"]


def find_by_form_token(form_token):
    return db.session.scalar(BY_FORM_TOKEN, {"form_token": form_token})


# Built once: every message sent asks it when its code is shown.
BY_FORM_TOKEN = select(Submission).where(Submission.form_token == bindparam("form_token"))


def find_case(typed_code):
    """The submission this reference code belongs to, or None (however it was mistyped)."""
    hashes = [codes.code_hash(code, code_key()) for code in codes.readings(typed_code)]
    if not hashes:
        return None
    # As typed first: a code given out before S, B, Z and V were dropped may hold them.
    found = db.session.scalars(select(Submission).where(Submission.code_hash.in_(hashes))).all()
    return min(found, key=lambda submission: hashes.index(submission.code_hash), default=None)


def due_date(start: date):
    return add_working_days(start, current_app.config["RESPONSE_TARGET_DAYS"])


def create_submission(answers, form_token, code):
    """Save what a young person sent, before anything else happens. Returns (submission,
    created); sending the same form twice returns the first submission and created=False."""
    submission = _insert(answers, form_token, code)
    if submission is None:  # a double tap, or a retry on a slow connection
        existing = find_by_form_token(form_token)
        if existing is None:  # another form's code: one chance in 2^59, never seen
            raise RuntimeError("a new reference code matched an existing one")
        return existing, False
    from voice.board.rollup import changed  # not at the top: voice.board imports this module

    changed(submission.id, new=True)  # for the board's totals: the ORM does not see the INSERT
    act_on_signs(submission)
    if submission.say_its_them == SayItsThem.TALK_FIRST:
        worker_tasks.open_task(submission, TaskKind.TALK_FIRST)
    if submission.wants_advocate:
        from voice.advocacy import services as advocacy  # it reads submissions: import late

        advocacy.refer(submission)
    db.session.flush()
    return submission, True


def act_on_signs(submission):
    """The safety net when a message arrives (README, "Two strengths of sign"). A strong
    sign, or the young person saying they are not safe, holds it for the safeguarding lead;
    a weaker sign leaves it with the workers, first in their queue, marked "read today"."""
    if submission.safe_now == SafeNow.NO:
        hold_for_safeguarding(submission, note="The young person said they are not safe now.")
        return
    strength = disclosure.assess(submission.message).strength
    if strength == disclosure.Strength.STRONG:
        hold_for_safeguarding(submission)
    elif strength == disclosure.Strength.WEAK:
        submission.read_today = True


def shows_help_now(submission):
    """Whether the young person is shown where to get help now after sending it."""
    return submission.safeguarding or submission.read_today


def tell_the_lead(what, reply_by, contact, form_token, code):
    """The "I don't feel safe" link: a held message straight to the safeguarding lead, with
    an urgent alert, whatever it says (it may say nothing). Returns (submission, created)."""
    answers = {
        "kind": Kind.VIEW,
        "theme_ids": [],
        "message": (what or "").strip(),
        "audience": Audience.NOT_SURE,
        "reply_by": reply_by,
        "contact": contact,
        "consent_publish": False,
        "consent_quote": False,
        "wants_advocate": False,
        "safe_now": SafeNow.NO,
        "safety_link": True,
    }
    return create_submission(answers, form_token, code)


def _insert(answers, form_token, code):
    """The submission, its themes, its first status change and any contact, as four INSERTs
    in the caller's transaction; None if a submission from this form was saved already.

    Not the ORM's unit of work: its bookkeeping for these few rows was a large share of the
    cost of sending a message (bench/RESULTS.md). The row comes back
    as an ordinary Submission in the session (INSERT … RETURNING). A second send of one form
    inserts nothing and returns no row (ON CONFLICT DO NOTHING): no error to recover from, so
    nothing else the caller has done in this transaction is rolled back, and a send racing
    the first waits for it."""
    now = utcnow()
    row = {
        "code_hash": codes.code_hash(code, code_key()),
        "form_token": form_token,
        "kind": answers["kind"],
        "message": answers["message"],
        "audience": answers["audience"],
        "name": answers.get("name") or None,
        "age_band": answers.get("age_band"),
        "care_status": answers.get("care_status"),
        "reply_by": answers["reply_by"],
        "worker_name": answers.get("worker_name") or None,
        "consent_publish": answers["consent_publish"],
        "consent_quote": answers["consent_quote"],
        "wants_advocate": answers["wants_advocate"],
        "council_decision_id": answers.get("council_decision_id"),
        "source": answers.get("source", Source.ONLINE),
        "meeting": answers.get("meeting") or None,
        "given_on": answers.get("given_on"),
        "entered_by_id": answers.get("entered_by_id"),
        "safe_now": answers.get("safe_now"),
        "say_its_them": answers.get("say_its_them"),
        "feeling": answers.get("feeling"),
        "safety_link": answers.get("safety_link", False),
        "created_at": now,
        # A view gathered at a meeting is owed its reply from the day it was given.
        "due_on": due_date(answers.get("given_on") or now.date()),
    }
    dialect = db.session.get_bind().dialect.name
    submission = db.session.scalars(_insert_statement(dialect, tuple(row)), row).one_or_none()
    if submission is None:
        return None
    if answers["theme_ids"]:
        db.session.execute(
            insert(submission_theme),
            [
                {"submission_id": submission.id, "theme_id": theme_id}
                for theme_id in answers["theme_ids"]
            ],
        )
    db.session.execute(
        insert(StatusChange),
        [
            {
                "submission_id": submission.id,
                "from_status": None,
                "to_status": Status.NEW,
                "by_id": None,
                "note": "",
                "at": now,
            }
        ],
    )
    if answers["reply_by"] in (ReplyBy.TEXT, ReplyBy.EMAIL):
        db.session.execute(
            insert(Contact),
            [
                {
                    "submission_id": submission.id,
                    "channel": answers["reply_by"],
                    "value": answers["contact"],
                }
            ],
        )
    return submission


def hold_for_safeguarding(submission, by=None, note=""):
    """Keep it from officers and the public, and tell the safeguarding lead at once. The
    alert carries only the submission's id, never its words."""
    submission.safeguarding = True
    transition(
        submission,
        Status.SAFEGUARDING,
        by=by,
        note=note or ("" if by else "Signs of possible harm found when it was sent."),
    )
    outbox.queue(
        "safeguarding_alert", "role:safeguarding", {"submission_id": submission.id}, urgent=True
    )


def tell_of_news(submission):
    """'There is news', content-free: to a young person who asked for a text or an e-mail
    (never the answer, which a lock screen would show), or to the worker who typed in the view
    of one who hears back through them."""
    if submission.reply_by in (ReplyBy.TEXT, ReplyBy.EMAIL) and submission.contact is not None:
        outbox.queue(
            "news_for_young_person", f"submission:{submission.id}", {"submission_id": submission.id}
        )
    elif submission.reply_by == ReplyBy.WORKER:
        # Nobody else will tell them: a job in the workers' queue until it is passed on.
        worker_tasks.open_task(submission, TaskKind.PASS_ON)
        if submission.entered_by_id:
            outbox.queue(
                "news_for_worker",
                f"user:{submission.entered_by_id}",
                {"submission_id": submission.id, "path": f"/moderation/{submission.id}"},
            )


def safeguarding_reads_on(submission):
    """The day the young person is told a safeguarding worker will read their held message."""
    return next_staffed_day(submission.created_at, current_app.config["WORKING_DAY_ENDS_AT"])


def withdraw(submission):
    """The young person takes it back. Their contact detail is no longer needed."""
    transition(submission, Status.WITHDRAWN, note="Taken back by the young person.")
    submission.contact = None
    db.session.flush()


@functools.cache
def _insert_statement(dialect, columns):
    """The INSERT of a submission, built once per kind of database (`dialect` is the key;
    insert_once reads the same from the session) with its values as parameters: building it
    afresh for every message cost more than running it. On any unique column, not only
    form_token: two sends of one form racing on PostgreSQL carry the same code, and its hash
    collided first. "orm": the values are this one row's, not a bulk insert's list."""
    return (
        insert_once(Submission)
        .values({column: bindparam(column) for column in columns})
        .returning(Submission)
        .execution_options(dml_strategy="orm")
    )
