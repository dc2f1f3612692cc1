"""Every exchange on a case, in the order it happened: the first message, each released
answer (with its actions and the young person's rating) and each follow-up. Drafts and
answers waiting for a check are never in it, for anyone."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from voice.extensions import db
from voice.responses.models import Action, FollowUp, Rating, Response, ResponseStatus


@dataclass
class Entry:
    kind: str  # "message", "response" or "follow_up"
    at: datetime
    item: object
    rating: Rating | None = None


def released_responses(submission):
    # Each answer shows its actions and their last notes: read for the whole thread at once.
    return db.session.scalars(
        select(Response)
        .where(Response.submission_id == submission.id, Response.status == ResponseStatus.RELEASED)
        .order_by(Response.released_at, Response.id)
        .options(selectinload(Response.actions).selectinload(Action.updates))
    ).all()


def entries(submission):
    """[Entry], oldest first. Templates choose which words each reader may see."""
    ratings = {
        r.response_id: r
        for r in db.session.scalars(select(Rating).where(Rating.submission_id == submission.id))
    }
    found = [Entry("message", submission.created_at, submission)]
    found += [
        Entry("response", r.released_at, r, ratings.get(r.id))
        for r in released_responses(submission)
    ]
    found += [
        Entry("follow_up", f.created_at, f)
        for f in db.session.scalars(select(FollowUp).where(FollowUp.submission_id == submission.id))
    ]
    return sorted(found, key=lambda entry: entry.at)


def followed_up(submission_ids):
    """Which of these cases have had a follow-up (one query, for lists)."""
    if not submission_ids:
        return set()
    return set(
        db.session.scalars(
            select(FollowUp.submission_id)
            .distinct()
            .where(FollowUp.submission_id.in_(submission_ids))
        )
    )
