"""Publishing on "You said, we did", what the public page shows, and "me too".

Three rules keep a child safe here, and every public query goes through `shown()` so no page
can forget one: the young person said yes to public sharing; it is not, and never was, a
safeguarding item; and only the worker's redacted version and summary are ever shown."""

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db, insert_once
from voice.published.models import MeToo, Publication
from voice.responses import services as answering
from voice.responses.models import Response, ResponseStatus
from voice.submissions import words_rule
from voice.submissions.models import Status, Submission, submission_theme
from voice.themes.models import Theme

PAGE_SIZE = 10
STAFF_PAGE_SIZE = 30
LAST_PAGE = 1_000_000  # a page number past this would overflow the database's offset
SUMMARY_LIMIT = 600
# Never on the public page, whatever else is true of them.
HIDDEN_STATUSES = (Status.WITHDRAWN, Status.DECLINED, Status.SAFEGUARDING)


class PublishingRefused(Refused):
    """It cannot be published; the message is safe to show the worker."""


# --- Which submissions may be published -------------------------------------------------


def latest_released():
    """(submission_id, response_id) of each submission's newest released response."""
    return (
        select(Response.submission_id, func.max(Response.id).label("response_id"))
        .where(Response.status == ResponseStatus.RELEASED)
        .group_by(Response.submission_id)
        .subquery()
    )


def may_be_public(query):
    """The conditions on the submission itself, for both the worker's list and the public."""
    return query.where(
        Submission.consent_publish.is_(True),
        Submission.safeguarding.is_(False),
        Submission.status.not_in(HIDDEN_STATUSES),
        Submission.shared_text.is_not(None),
    )


def why_not(submission):
    """The reason a worker may not publish this, in words for them, or None if they may."""
    if not submission.consent_publish:
        return "The young person did not say yes to sharing their words publicly."
    if submission.safeguarding or submission.changed_to(Status.SAFEGUARDING):
        return "This was a safeguarding item. Those are never published."
    if submission.status in HIDDEN_STATUSES:
        return "This message was taken back or declined, so it can't be published."
    if not submission.shared_text:
        return "It has no shared version yet: a worker needs to moderate it first."
    if answering.released(submission) is None:
        return "There is no released answer yet."
    return None


def publishable(page=1):
    """The worker's list: every submission that may be published, newest answer first, with
    its publication if there is one. Returns ([(submission, publication or None)], total)."""
    released = latest_released()
    query = may_be_public(
        select(Submission, Publication)
        .join(released, released.c.submission_id == Submission.id)
        .outerjoin(Publication, Publication.submission_id == Submission.id)
    )
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.order_by(released.c.response_id.desc())
        .limit(STAFF_PAGE_SIZE)
        .offset((page - 1) * STAFF_PAGE_SIZE)
        .options(*words_rule.read_with_the_list())
    ).all()
    return [tuple(row) for row in rows], total


def publication_of(submission):
    return db.session.scalar(select(Publication).where(Publication.submission_id == submission.id))


# --- Publishing and unpublishing (a worker) ---------------------------------------------


def publish(submission, by, summary):
    """Put it on the public page with the worker's summary (or change the summary)."""
    reason = why_not(submission)
    if reason:
        raise PublishingRefused(reason)
    summary = (summary or "").strip()
    if not summary:
        raise PublishingRefused("Write a short summary of what the council did.")
    publication = publication_of(submission)
    if publication is None:
        publication = Publication(submission_id=submission.id)
        db.session.add(publication)
    publication.summary = summary[:SUMMARY_LIMIT]
    publication.published_at, publication.published_by_id = utcnow(), by.id
    publication.unpublished_at = None
    audit("publish", by=by, submission=submission, detail="On “You said, we did”")
    db.session.flush()
    return publication


def unpublish(submission, by):
    publication = publication_of(submission)
    if publication is None or not publication.live:
        raise PublishingRefused("This is not on “You said, we did”.")
    publication.unpublished_at = utcnow()
    audit("unpublish", by=by, submission=submission, detail="Taken off “You said, we did”")
    db.session.flush()


def remove(submission):
    """For erasure and purging: the summary may echo the young person's words, so it goes
    entirely (the "me too" counts stay, as they say nothing about anyone). Returns whether
    there was one."""
    publication = publication_of(submission)
    if publication is None:
        return False
    db.session.delete(publication)
    db.session.flush()
    return True


# --- The public page --------------------------------------------------------------------


@dataclass
class Item:
    """One entry on the public page: only what is safe to show the world."""

    submission_id: int
    kind: str
    shared_text: str
    summary: str
    published_at: object
    themes: list
    response: Response
    me_too: int = 0
    said_it: bool = False


def shown():
    """Live publications whose submission may still be public, with the released response
    to show. Everything public reads from here."""
    released = latest_released()
    return may_be_public(
        select(Publication, Response)
        .join(Submission, Submission.id == Publication.submission_id)
        .join(released, released.c.submission_id == Submission.id)
        .join(Response, Response.id == released.c.response_id)
        .where(Publication.unpublished_at.is_(None))
    )


def _with_theme(query, theme):
    if theme is None:
        return query
    return query.where(
        Submission.id.in_(
            select(submission_theme.c.submission_id).where(submission_theme.c.theme_id == theme.id)
        )
    )


def page_of(theme=None, page=1, browser=None):
    """([Item], total) for one page of the public list, newest first."""
    query = _with_theme(shown(), theme)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.execute(
        query.options(
            selectinload(Publication.submission).selectinload(Submission.themes),
            selectinload(Response.actions),
        )
        .order_by(Publication.published_at.desc(), Publication.id.desc())
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    items = [
        Item(
            submission_id=p.submission_id,
            kind=p.submission.kind.value,
            shared_text=p.submission.shared_text,
            summary=p.summary,
            published_at=p.published_at,
            themes=list(p.submission.themes),
            response=r,
        )
        for p, r in rows
    ]
    _add_me_toos(items, browser)
    return items, total


def themes_in_use():
    """The themes that have something published, in the usual order, for the filter."""
    ids = select(submission_theme.c.theme_id).where(
        submission_theme.c.submission_id.in_(shown().with_only_columns(Submission.id))
    )
    return db.session.scalars(
        select(Theme).where(Theme.id.in_(ids)).order_by(Theme.position, Theme.name)
    ).all()


def find_theme(slug):
    """The theme a ?theme= link names, or None. A slug is short and plain: anything else (a
    null character PostgreSQL refuses, a page of text) cannot be one, so is not looked up."""
    if not slug or len(slug) > 40 or "\x00" in slug:
        return None
    return db.session.scalar(select(Theme).where(Theme.slug == slug))


def is_shown(submission_id):
    return (
        db.session.scalar(
            shown()
            .with_only_columns(Publication.id)
            .where(Publication.submission_id == submission_id)
        )
        is not None
    )


# --- "Me too" ---------------------------------------------------------------------------


def new_browser_id():
    """A random number for the browser's cookie: it identifies nobody, only "this browser
    already said me too"."""
    return secrets.token_urlsafe(24)


def browser_hash(browser_id):
    """The cookie's number is random and long, so a plain hash is enough to keep the
    database from holding anything a cookie could be matched against by eye."""
    return hashlib.sha256(browser_id.encode()).hexdigest()


def say_me_too(submission_id, browser_id):
    """Count this browser once for this item. Returns True if counted now, False if it
    already had been. The caller checks the item is shown."""
    digest = browser_hash(browser_id)
    if _already(submission_id, digest):
        return False
    counted = db.session.scalar(  # None: a double tap raced past the check, the first counted
        insert_once(MeToo)
        .values(submission_id=submission_id, browser_hash=digest, at=utcnow())
        .returning(MeToo.id)
    )
    return counted is not None


def _already(submission_id, digest):
    return (
        db.session.scalar(
            select(MeToo.id).where(
                MeToo.submission_id == submission_id, MeToo.browser_hash == digest
            )
        )
        is not None
    )


def me_too_count(submission_id):
    return db.session.scalar(
        select(func.count(MeToo.id)).where(MeToo.submission_id == submission_id)
    )


def _add_me_toos(items, browser_id):
    ids = [item.submission_id for item in items]
    if not ids:
        return
    counts = dict(
        db.session.execute(
            select(MeToo.submission_id, func.count(MeToo.id))
            .where(MeToo.submission_id.in_(ids))
            .group_by(MeToo.submission_id)
        ).all()
    )
    said = set()
    if browser_id:
        said = set(
            db.session.scalars(
                select(MeToo.submission_id).where(
                    MeToo.submission_id.in_(ids), MeToo.browser_hash == browser_hash(browser_id)
                )
            )
        )
    for item in items:
        item.me_too, item.said_it = counts.get(item.submission_id, 0), item.submission_id in said


# --- For the board ----------------------------------------------------------------------


def me_toos_between(start, end):
    """How many "me too"s were said from `start` (inclusive) to `end` (exclusive): the
    board's figure for a period. Datetimes in UTC, as stored."""
    return db.session.scalar(select(func.count(MeToo.id)).where(MeToo.at >= start, MeToo.at < end))


def me_toos_by_theme(start, end):
    """{theme name: "me too"s in the period}, for the board's table by theme."""
    rows = db.session.execute(
        select(Theme.name, func.count(MeToo.id))
        .join(submission_theme, submission_theme.c.submission_id == MeToo.submission_id)
        .join(Theme, Theme.id == submission_theme.c.theme_id)
        .where(MeToo.at >= start, MeToo.at < end)
        .group_by(Theme.name)
        .order_by(Theme.name)
    ).all()
    return dict(rows)
