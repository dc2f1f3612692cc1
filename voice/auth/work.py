"""A person's own work, for the page a sign-in lands on: what is waiting for them and what
is late, whatever their role, each with the link that opens it. Counted, never listed with
words: the page is a signpost, and each list it links to applies its own rules on words."""

from dataclasses import dataclass

from flask import current_app, url_for
from sqlalchemy import func, select

from voice.areas.models import ServiceArea
from voice.auth.models import Role
from voice.clock import end_of_working_day, previous_working_day, utcnow
from voice.extensions import db
from voice.moderation import open_by, queue
from voice.moderation.models import OpenBy
from voice.responses.models import Action, Response
from voice.submissions.models import WAITING_ON_US, Status, Submission

WORKERS = (Role.WORKER, Role.ADMIN)


@dataclass(frozen=True)
class Item:
    label: str
    count: object  # a number, a queue.Count or words ("fewer than 5")
    url: str
    late: bool = False

    @property
    def none(self):
        return str(self.count) == "0"


def counted(query):
    return queue.bounded_count(query, queue.COUNT_LIMIT)


def late_cases(today):
    return select(Submission).where(Submission.status.in_(WAITING_ON_US), Submission.due_on < today)


def late_actions(today, cases=None):
    query = select(func.count(Action.id)).join(Action.response).where(Action.overdue_on(today))
    if cases is not None:
        query = query.where(Response.submission_id.in_(cases))
    return db.session.scalar(query)


def not_opened(status, today):
    """Messages in `status` nobody opened though they came before the previous working day
    ended: late for "read by a person within one working day" (voice.deadlines.unread)."""
    cutoff = end_of_working_day(
        previous_working_day(today), current_app.config["WORKING_DAY_ENDS_AT"]
    )
    return select(Submission).where(
        Submission.status == status,
        Submission.first_read_at.is_(None),
        Submission.created_at < cutoff,
    )


def action_checks():
    from voice.actions.models import ActionCheck

    return db.session.scalar(
        select(func.count(ActionCheck.id)).where(ActionCheck.checked_at.is_(None))
    )


def for_worker(user, today):
    counts = queue.counts_by_status()
    to_read = counts[Status.NEW].number + counts[Status.FOLLOW_UP].number
    index = "moderation.index"
    waiting = [
        Item("Messages and follow-ups to read", to_read, url_for(index)),
        Item(
            "Read, not sent to an officer yet",
            counts[Status.MODERATED],
            url_for(index, status="moderated"),
        ),
        Item(
            "Answers to check",
            counts[Status.RESPONSE_READY],
            url_for(index, status="response_ready"),
        ),
        Item("With the safeguarding lead", counts[Status.SAFEGUARDING], url_for(index)),
        Item("Action updates to check", action_checks(), url_for("moderation.action_checks")),
    ]
    late = [
        Item(
            "Not opened within a working day",
            counted(not_opened(Status.NEW, today)),
            url_for(index),
            True,
        ),
        Item("Replies late", counted(late_cases(today)), url_for("deadlines.overdue"), True),
        Item("Actions late", late_actions(today), url_for("deadlines.overdue"), True),
    ]
    return waiting, late


def still_open(user):
    """Messages this worker opened and has not saved yet, newest first: "carry on with"."""
    return db.session.scalars(
        select(Submission)
        .join(OpenBy, OpenBy.submission_id == Submission.id)
        .where(OpenBy.user_id == user.id, OpenBy.opened_at >= open_by.fresh_since())
        .where(Submission.status.in_(queue.TO_DO + (Status.MODERATED, Status.RESPONSE_READY)))
        .order_by(OpenBy.opened_at.desc())
        .limit(5)
    ).all()


def for_officer(user, today):
    from voice.responses.services import visible_to

    mine = visible_to(user).where(Submission.officer_id == user.id)
    to_answer = mine.where(Submission.status == Status.WITH_OFFICER)
    cases = visible_to(user).with_only_columns(Submission.id)
    waiting = [
        Item("Waiting for your answer", counted(to_answer), url_for("responses.index")),
        Item(
            "Your answers with a worker to check",
            counted(mine.where(Submission.status == Status.RESPONSE_READY)),
            url_for("responses.index"),
        ),
    ]
    late = [
        Item(
            "Your answers late",
            counted(to_answer.where(Submission.due_on < today)),
            url_for("responses.index"),
            True,
        ),
        Item("Actions late", late_actions(today, cases), url_for("actions.index"), True),
    ]
    led = visible_to(user).where(
        Submission.officer_id != user.id,
        Submission.status == Status.WITH_OFFICER,
        Submission.due_on < today,
    )
    leads = db.session.scalar(select(ServiceArea.id).where(ServiceArea.lead_id == user.id).limit(1))
    if leads is not None:  # an area lead also sees what is late across their areas
        late.append(
            Item(
                "Late in the areas you lead (other officers)",
                counted(led),
                url_for("responses.index"),
                True,
            )
        )
    return waiting, late


def for_lead(user, today):
    held = select(Submission).where(Submission.status == Status.SAFEGUARDING)
    waiting = [
        Item("Held for you to read and act on", counted(held), url_for("safeguarding.index"))
    ]
    late = [
        Item(
            "Not opened within a working day",
            counted(not_opened(Status.SAFEGUARDING, today)),
            url_for("safeguarding.index"),
            True,
        )
    ]
    return waiting, late


def for_board(user, today):
    """The board never sees a count below the threshold: it reads "fewer than N"."""
    from voice.board.suppress import hide_small

    threshold = int(current_app.config["BOARD_SUPPRESS_BELOW"])
    late = db.session.scalar(select(func.count()).select_from(late_cases(today).subquery()))
    shown = hide_small(late, threshold).shown(threshold) if late else "0"
    waiting = [Item("This quarter's figures and board pack", "", url_for("board.index"))]
    return waiting, [Item("Replies late across the council", shown, url_for("board.index"), True)]


def for_admin(user, today):
    waiting, late = for_worker(user, today)
    return waiting + [Item("Staff, topics, areas and settings", "", url_for("admin.index"))], late


BY_ROLE = {
    Role.WORKER: for_worker,
    Role.OFFICER: for_officer,
    Role.SAFEGUARDING: for_lead,
    Role.BOARD: for_board,
    Role.CHAMPION: for_board,
    Role.ADMIN: for_admin,
}


def of(user):
    """(waiting, late): lists of Item for this person's role."""
    return BY_ROLE[user.role](user, utcnow().date())
