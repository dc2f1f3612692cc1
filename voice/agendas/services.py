"""Building an agenda and recording what a meeting decided. Plain functions taking `by=`;
the route commits."""

from datetime import timedelta

from sqlalchemy import func, select

from voice.agendas.models import AgendaItem, Body, Meeting
from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.notifications import outbox
from voice.submissions.models import ReplyBy, Status, Submission, submission_theme

# A message can go on an agenda once a worker has read and redacted it, and while it is
# still the young person's to discuss: never a held, declined or taken-back one.
ON_AGENDA_STATUSES = (
    Status.MODERATED,
    Status.WITH_OFFICER,
    Status.RESPONSE_READY,
    Status.ANSWERED,
    Status.FOLLOW_UP,
    Status.CLOSED,
)
# A theme item counts what young people raised about it in the last three months.
THEME_LOOKBACK = timedelta(days=91)
MAX_OUTCOME = 2000


class AgendaRefused(Refused):
    """The change cannot be made; the message is safe to show the worker."""


def upcoming_and_past(today):
    meetings = db.session.scalars(
        select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())
    ).all()
    return (
        [m for m in reversed(meetings) if not m.has_happened(today)],
        [m for m in meetings if m.has_happened(today)],
    )


def create_meeting(by, *, body, held_on, title=""):
    meeting = Meeting(
        body=Body(body), held_on=held_on, title=(title or "").strip() or None, created_by_id=by.id
    )
    db.session.add(meeting)
    db.session.flush()
    audit("agenda", by=by, detail=f"Planned a meeting of {meeting.body_name} on {held_on}")
    return meeting


def add_submission(meeting, submission, by, whole_group=False):
    """Put a message on the agenda; with whole_group, it and every message linked with it as
    saying the same thing, as one item."""
    if submission is None:
        raise AgendaRefused("There is no message with that reference.")
    if submission.safeguarding or submission.status not in ON_AGENDA_STATUSES:
        raise AgendaRefused(
            f"{submission.reference} can't go on an agenda: only messages a "
            "worker has read, and that are not held or taken back, can."
        )
    members = group_of(submission) if whole_group else [submission]
    if whole_group and len(members) < 2:
        raise AgendaRefused(
            f"No other message is linked with {submission.reference} as saying the same "
            "thing yet. Add it on its own, or link the others on their review pages first."
        )
    on_agenda = {m.id for item in meeting.items for m in members_of(item)}
    already = [m.reference for m in members if m.id in on_agenda]
    if already:
        verb = "is" if len(already) == 1 else "are"
        raise AgendaRefused(f"{', '.join(already)} {verb} already on this agenda.")
    _append(meeting, AgendaItem(submission_id=submission.id, whole_group=whole_group))
    for member in members:
        audit(
            "agenda",
            by=by,
            submission=member,
            detail=f"Added to the agenda for {meeting.held_on}"
            + (
                f" with the messages saying the same as {submission.reference}"
                if whole_group
                else ""
            ),
        )


def add_group(meeting, submission, by):
    """From a message's review page: its whole group on a meeting still to come."""
    if meeting is None or meeting.has_happened():
        raise AgendaRefused("Choose a meeting that has not happened yet.")
    add_submission(meeting, submission, by, whole_group=True)


def group_of(submission):
    """The message and every message linked with it as saying the same thing that may go on
    an agenda (read by a worker, not held or taken back), oldest first."""
    root = submission.same_as_id or submission.id
    return db.session.scalars(
        select(Submission)
        .where(
            (Submission.id == root) | (Submission.same_as_id == root),
            Submission.safeguarding.is_(False),
            Submission.status.in_(ON_AGENDA_STATUSES),
        )
        .order_by(Submission.id)
    ).all()


def members_of(item):
    """The messages an item is about: none for a theme, one, or a whole group."""
    if item.submission is None:
        return []
    return group_of(item.submission) if item.whole_group else [item.submission]


def add_theme(meeting, theme, by):
    if theme is None:
        raise AgendaRefused("Choose a theme.")
    if any(item.theme_id == theme.id for item in meeting.items):
        raise AgendaRefused(f"“{theme.name}” is already on this agenda.")
    _append(meeting, AgendaItem(theme_id=theme.id))
    audit(
        "agenda", by=by, detail=f"Added the theme {theme.name} to the agenda for {meeting.held_on}"
    )


def _append(meeting, item):
    _refuse_if_past(meeting, "add to")
    item.position = len(meeting.items)
    meeting.items.append(item)
    db.session.flush()


def remove_item(item, by):
    _refuse_if_past(item.meeting, "take things off")
    if item.outcome:
        raise AgendaRefused("This item has an outcome recorded, so it stays.")
    meeting = item.meeting
    audit(
        "agenda",
        by=by,
        submission=item.submission,
        detail=f"Taken off the agenda for {meeting.held_on}",
    )
    meeting.items.remove(item)
    db.session.flush()


def _refuse_if_past(meeting, doing):
    if meeting.has_happened(utcnow().date()):
        raise AgendaRefused(
            f"This meeting has happened: you can't {doing} its agenda now. "
            "Record what was decided instead."
        )


def record_outcome(item, outcome, by):
    """What the meeting decided, in words for the young person. Anyone who asked to hear by
    text or e-mail gets the content-free "there is news" message."""
    outcome = (outcome or "").strip()
    if not item.meeting.has_happened(utcnow().date()):
        raise AgendaRefused("You can record what was decided once the meeting has happened.")
    if not outcome:
        raise AgendaRefused("Write what the meeting decided.")
    if len(outcome) > MAX_OUTCOME:
        raise AgendaRefused(f"Keep it under {MAX_OUTCOME} characters.")
    first_time = item.outcome is None
    item.outcome, item.outcome_at, item.outcome_by_id = outcome, utcnow(), by.id
    audit(
        "meeting_outcome",
        by=by,
        submission=item.submission,
        detail=f"Outcome recorded for the meeting on {item.meeting.held_on}",
    )
    if first_time:  # everyone in a group hears, as one young person on their own would
        for member in members_of(item):
            if _hears_by_message(member):
                outbox.queue("news_for_young_person", f"submission:{member.id}")
    db.session.flush()


def _hears_by_message(submission):
    return submission.reply_by in (ReplyBy.TEXT, ReplyBy.EMAIL) and submission.contact


def theme_counts(meeting):
    """For each theme item, how many messages young people sent about it lately: one query."""
    theme_ids = [item.theme_id for item in meeting.items if item.theme_id]
    if not theme_ids:
        return {}
    since = utcnow() - THEME_LOOKBACK
    rows = db.session.execute(
        select(submission_theme.c.theme_id, func.count())
        .join(Submission, Submission.id == submission_theme.c.submission_id)
        .where(
            submission_theme.c.theme_id.in_(theme_ids),
            Submission.created_at >= since,
            Submission.safeguarding.is_(False),
            Submission.status.in_(ON_AGENDA_STATUSES),
        )
        .group_by(submission_theme.c.theme_id)
    )
    return dict(rows.all())


def for_young_person(submission):
    """The meetings this message is on, for /check/case: planned ones and what was decided,
    on its own or with the messages saying the same. Nothing for a message that has been held
    or taken back."""
    if submission.safeguarding or submission.status not in ON_AGENDA_STATUSES:
        return []
    root = submission.same_as_id or submission.id
    return db.session.scalars(
        select(AgendaItem)
        .join(Meeting)
        .join(Submission, Submission.id == AgendaItem.submission_id)
        .where(
            (AgendaItem.submission_id == submission.id)
            | (
                AgendaItem.whole_group.is_(True)
                & ((Submission.id == root) | (Submission.same_as_id == root))
            )
        )
        .order_by(Meeting.held_on)
    ).all()
