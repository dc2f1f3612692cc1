"""The moderation queue: what a worker has to look at, filtered and paged in SQL so it stays
fast however many submissions there are (the (status, created_at) index serves it)."""

from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import selectinload

from voice import caches
from voice.clock import local_time, working_days_between
from voice.extensions import db
from voice.submissions import words_rule
from voice.submissions.models import Status, Submission, submission_theme

PAGE_SIZE = 50
# Counts stop here: "more than 1,000" says as much to a worker as an exact figure would.
COUNT_LIMIT = 1000
# New messages and follow-ups both wait for a worker to read them first.
TO_DO = (Status.NEW, Status.FOLLOW_UP)
# "Any status": everything but what the safeguarding lead holds, which has its own list.
ANY = "any"
EVERY_STATUS = tuple(s for s in Status if s != Status.SAFEGUARDING)
# How much of a shared version a queue row shows: enough to choose by, not to read there.
FIRST_LINE = 90


@dataclass
class Filters:
    status: str = ""
    theme: int | None = None
    kind: str = ""
    audience: str = ""
    source: str = ""
    advocate: bool = False
    overdue: bool = False

    def statuses(self):
        if self.status == ANY:
            return EVERY_STATUS
        return (Status(self.status),) if self.status else TO_DO


def _filtered(filters, today):
    query = select(Submission).where(Submission.status.in_(filters.statuses()))
    if filters.theme:
        query = query.where(
            Submission.id.in_(
                select(submission_theme.c.submission_id).where(
                    submission_theme.c.theme_id == filters.theme
                )
            )
        )
    if filters.kind:
        query = query.where(Submission.kind == filters.kind)
    if filters.audience:
        query = query.where(Submission.audience == filters.audience)
    if filters.source:
        query = query.where(Submission.source == filters.source)
    if filters.advocate:
        query = query.where(Submission.wants_advocate.is_(True))
    if filters.overdue:
        query = query.where(Submission.due_on < today)
    return query


@dataclass(frozen=True)
class Count:
    """How many, counted only as far as a worker needs: exact up to a bound, then "more than".

    An exact count(*) reads every matching row on every page view, which grows with the
    table; counting at most COUNT_LIMIT rows past the page costs the same at 10,000 rows
    as at 1,000,000, and nobody works through a queue of a thousand by its total."""

    number: int
    exact: bool = True

    def __str__(self):
        return f"{self.number:,}" if self.exact else f"more than {self.number:,}"


def bounded_count(query, limit):
    """Count(rows of `query`), reading at most limit + 1 of them."""
    counted = db.session.scalar(
        select(func.count()).select_from(
            query.with_only_columns(Submission.id).limit(limit + 1).subquery()
        )
    )
    return Count(counted) if counted <= limit else Count(limit, exact=False)


LAST_PAGE = 1_000_000  # pages beyond the queue are empty; this only keeps the offset sane


def page_of(filters, page, today):
    """(submissions on this page, how many in all as a Count: exact up to COUNT_LIMIT past
    this page, "more than" beyond it)."""
    query = _filtered(filters, today)
    offset = (page - 1) * PAGE_SIZE
    total = bounded_count(query, offset + COUNT_LIMIT)
    # The page's ids first, from the (status, created_at) index alone; only its 50 rows are
    # then read from the table, instead of every row that OFFSET steps over.
    order = queue_order(filters)
    page_ids = (
        query.with_only_columns(Submission.id)
        .order_by(*order)
        .limit(PAGE_SIZE)
        .offset(offset)
        .subquery()
    )
    # Each row shows its topics and the words the worker may see (contact, redactions): read
    # for the whole page at once, not one query per row and per relationship.
    rows = db.session.scalars(
        select(Submission)
        .join(page_ids, Submission.id == page_ids.c.id)
        .order_by(*order)
        .options(selectinload(Submission.themes), *words_rule.read_with_the_list())
    ).all()
    return rows, total


def queue_order(filters):
    """Oldest first; the to-read queue puts messages with a weaker sign of harm, not yet
    read, before the rest."""
    order = (Submission.created_at, Submission.id)
    if not filters.status:
        order = (case((read_first(), 0), else_=1), *order)
    return order


def next_after(filters, today, done, skip):
    """The message a worker should open after `done`, in the queue's order: the first one
    that is not `done` and not in `skip` (a select of ids someone else has open), or None.
    The to-read queue loses `done` once it is saved, so "first" is "next"."""
    query = (
        _filtered(filters, today)
        .where(Submission.id != done.id, Submission.id.not_in(skip))
        .order_by(*queue_order(filters))
        .limit(1)
    )
    return db.session.scalar(query)


def first_line(text):
    """The first line of a shared version, shortened for a queue row; None for no text."""
    if not text or not text.strip():
        return None
    line = text.strip().splitlines()[0].strip()
    return line if len(line) <= FIRST_LINE else line[: FIRST_LINE - 1].rstrip() + "…"


def read_first():
    """A weaker sign of harm in a message or follow-up nobody has opened yet: "read today"."""
    return and_(
        Submission.read_today.is_(True),
        or_(Submission.first_read_at.is_(None), Submission.status == Status.FOLLOW_UP),
    )


def waiting(submission, today):
    """How long an unread message has waited, in staff words, or "" once someone has read
    it. `today` is the council's date."""
    if submission.first_read_at is not None:
        return ""
    days = working_days_between(local_time(submission.created_at).date(), today)
    if days <= 0:
        return "waiting less than a working day, not read yet"
    return f"waiting {days} working day{'' if days == 1 else 's'}, not read yet"


def held_for_safeguarding():
    """Oldest first. Workers see only references and dates; the safeguarding lead reads them."""
    return db.session.scalars(
        select(Submission)
        .where(Submission.status == Status.SAFEGUARDING)
        .order_by(Submission.created_at)
    ).all()


def counts_by_status():
    """{status: Count}, each counted up to COUNT_LIMIT through the (status, created_at) index,
    in one query: a GROUP BY would read the whole table on every view of the queue."""
    row = db.session.execute(_counts_statement()).one()
    return {
        status: Count(n) if n <= COUNT_LIMIT else Count(COUNT_LIMIT, exact=False)
        for status, n in zip(Status, row)
    }


@caches.kept(maxsize=1)
def _counts_statement():
    """The same statement on every staff home page and queue view: built once, as building
    its ten subqueries cost more than running them."""

    def capped(status):
        return (
            select(func.count())
            .select_from(
                select(Submission.id)
                .where(Submission.status == status)
                .limit(COUNT_LIMIT + 1)
                .subquery()
            )
            .scalar_subquery()
        )

    return select(*(capped(status) for status in Status))
