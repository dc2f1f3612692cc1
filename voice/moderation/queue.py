"""The moderation queue: what a worker has to look at, filtered and paged in SQL so it stays
fast however many submissions there are (the (status, created_at) index serves it)."""
from dataclasses import dataclass

from sqlalchemy import func, select

from voice.extensions import db
from voice.submissions.models import Status, Submission, submission_theme

PAGE_SIZE = 50
# New messages and follow-ups both wait for a worker to read them first.
TO_DO = (Status.NEW, Status.FOLLOW_UP)


@dataclass
class Filters:
    status: str = ""
    theme: int | None = None
    kind: str = ""
    audience: str = ""
    advocate: bool = False
    overdue: bool = False

    def statuses(self):
        return (Status(self.status),) if self.status else TO_DO


def _filtered(filters, today):
    query = select(Submission).where(Submission.status.in_(filters.statuses()))
    if filters.theme:
        query = query.where(Submission.id.in_(
            select(submission_theme.c.submission_id)
            .where(submission_theme.c.theme_id == filters.theme)))
    if filters.kind:
        query = query.where(Submission.kind == filters.kind)
    if filters.audience:
        query = query.where(Submission.audience == filters.audience)
    if filters.advocate:
        query = query.where(Submission.wants_advocate.is_(True))
    if filters.overdue:
        query = query.where(Submission.due_on < today)
    return query


def page_of(filters, page, today):
    """(submissions on this page, how many in all)."""
    query = _filtered(filters, today)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(
        query.order_by(Submission.created_at, Submission.id)
        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).all()
    return rows, total


def held_for_safeguarding():
    """Oldest first. Workers see only references and dates; the safeguarding lead reads them."""
    return db.session.scalars(
        select(Submission).where(Submission.status == Status.SAFEGUARDING)
        .order_by(Submission.created_at)).all()


def counts_by_status():
    rows = db.session.execute(
        select(Submission.status, func.count()).group_by(Submission.status)).all()
    counts = {status: 0 for status in Status}
    counts.update(dict(rows))
    return counts
