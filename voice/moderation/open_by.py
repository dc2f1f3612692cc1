"""Who else has a message open: a worker choosing from the queue skips one a colleague is
already reading, instead of both redacting it and one losing their work to the other's save."""

from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from voice.clock import utcnow
from voice.extensions import db
from voice.moderation.models import OpenBy

# Long enough to read and redact a long message; short enough that a tab left open over a
# break stops holding anyone off.
FRESH_MINUTES = 15


def opened(submission, by):
    """`by` has opened this message's page now (again)."""
    record = db.session.get(OpenBy, (submission.id, by.id))
    if record is not None:
        record.opened_at = utcnow()
        return
    try:  # the same worker's second tab may have added it a moment ago: that one will do
        with db.session.begin_nested():
            db.session.add(OpenBy(submission_id=submission.id, user_id=by.id, opened_at=utcnow()))
    except IntegrityError:
        pass


def closed(submission, by):
    """`by` is done with it (saved, sent, declined): nobody need wait for them."""
    db.session.execute(
        delete(OpenBy).where(OpenBy.submission_id == submission.id, OpenBy.user_id == by.id)
    )


def fresh_since():
    return utcnow() - timedelta(minutes=FRESH_MINUTES)


def others_on(submission_ids, by):
    """{submission id: [names of other people with it open]}, fresh records only."""
    if not submission_ids:
        return {}
    rows = db.session.scalars(
        select(OpenBy)
        .where(
            OpenBy.submission_id.in_(submission_ids),
            OpenBy.user_id != by.id,
            OpenBy.opened_at >= fresh_since(),
        )
        .order_by(OpenBy.opened_at)
    ).all()
    found = {}
    for row in rows:
        found.setdefault(row.submission_id, []).append(row.user.display_name)
    return found


def open_by_others(by):
    """A select of the submission ids someone else has open now, for skipping in the queue."""
    return select(OpenBy.submission_id).where(
        OpenBy.user_id != by.id, OpenBy.opened_at >= fresh_since()
    )
