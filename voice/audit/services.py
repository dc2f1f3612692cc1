"""Writing to the audit log and reading it back. Plain functions; the caller commits.

Nothing here updates or deletes an event, and voice.audit.models makes the session refuse to.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import exists, select, tuple_
from sqlalchemy.orm import joinedload

from voice.audit.models import ACTIONS, DETAIL_LENGTH, AuditEvent
from voice.auth import services as accounts
from voice.auth import throttle
from voice.auth.models import User

# Shown and filtered by day on the council's clock: an admin matching an event to a phone
# call thinks in the time on the office wall.
from voice.clock import LOCAL_ZONE
from voice.clock import local_time as on_council_clock
from voice.extensions import db

PAGE_SIZE = 50
ORDER_KEY = tuple_(AuditEvent.at, AuditEvent.id)
DOMAIN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,63}")


def record(action, by=None, submission=None, detail="", email=None):
    """Add one event in the caller's transaction: flushed, not committed, so if the change it
    records is rolled back, the record of it goes too.

    by: the acting user (None for a young person or Voice itself). submission: a Submission or
    its id. detail: a few words for the admin, never a young person's words or a password.
    email: the address typed at a refused sign-in when there is no user yet; it is used to find
    the account and is never stored whole (see _typed_address).
    """
    if action not in ACTIONS:
        raise ValueError(
            f"Unknown audit action {action!r}: add it to ACTIONS in voice/audit/models.py"
        )
    by = by if by is not None and by.is_authenticated else None
    if by is None and email is not None:
        by, detail = _typed_address(email, detail)
    if action == "sign_in_failed" and by is not None:
        detail = _joined(detail, _account_state(by))
    event = AuditEvent(
        action=action,
        user_id=by.id if by else None,
        role=_role_of(by),
        submission_id=_submission_id(submission),
        detail=_short(detail),
    )
    db.session.add(event)
    db.session.flush()
    return event


def _typed_address(email, detail):
    """The account a typed address belongs to; for none, only the domain goes in the detail.

    A mistyped address can be anyone's, a young person's or a stranger's, and people sometimes
    type their password into the e-mail box. The domain alone is enough to tell a colleague's
    slip (council.example) from a stranger guessing, and names nobody."""
    user = accounts.find_user(email)
    if user is not None:
        return user, detail
    domain = accounts.normalise_email(email).rpartition("@")[2]
    if "@" in email and DOMAIN.fullmatch(domain):
        return None, _joined(detail, f"no account for an address at {domain}")
    return None, _joined(detail, "no account; what was typed was not an e-mail address")


def _account_state(user):
    if throttle.is_locked(user):
        return "signing in to this account is paused"
    return "" if user.active else "the account is switched off"


def _joined(*parts):
    return "; ".join(part for part in parts if part)


def _short(detail):
    detail = (detail or "").strip()
    return detail if len(detail) <= DETAIL_LENGTH else detail[: DETAIL_LENGTH - 1] + "…"


def _role_of(user):
    return getattr(user.role, "value", user.role) if user is not None else None


def _submission_id(submission):
    if submission is None or isinstance(submission, int):
        return submission
    if submission.id is None:
        db.session.flush()  # a submission made in this same transaction needs its id first
    return submission.id


@dataclass
class Filters:
    """What the admin asked to see. `since` and `until` are UTC; `until` is not included."""

    action: str | None = None
    user: User | None = None
    submission_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None

    def criteria(self):
        found = []
        if self.action:
            found.append(AuditEvent.action == self.action)
        if self.user is not None:
            found.append(AuditEvent.user_id == self.user.id)
        if self.submission_id is not None:
            found.append(AuditEvent.submission_id == self.submission_id)
        if self.since is not None:
            found.append(AuditEvent.at >= self.since)
        if self.until is not None:
            found.append(AuditEvent.at < self.until)
        return found


@dataclass
class Page:
    """Up to PAGE_SIZE events, newest first; `newer` and `older` are the ids to page from,
    or None when there is nothing more that way."""

    events: list
    newer: int | None
    older: int | None


def page_of_events(filters, older_than=None, newer_than=None, size=PAGE_SIZE):
    """Keyset paging on (at, id), which the ix_audit_event_at_id index serves at any depth,
    and which does not shift while new events arrive as offset paging would."""
    matching = select(AuditEvent).where(*filters.criteria())
    anchor = _order_key(newer_than)
    if anchor is not None:
        events = _fetch(matching.where(ORDER_KEY > anchor), size, newest_first=False)[::-1]
    else:
        anchor = _order_key(older_than)
        older = matching.where(ORDER_KEY < anchor) if anchor is not None else matching
        events = _fetch(older, size, newest_first=True)
    if not events:
        return Page([], None, None)
    first, last = events[0], events[-1]
    return Page(
        events,
        newer=first.id if _any(matching, ORDER_KEY > (first.at, first.id)) else None,
        older=last.id if _any(matching, ORDER_KEY < (last.at, last.id)) else None,
    )


def _order_key(event_id):
    if event_id is None:
        return None
    row = db.session.execute(
        select(AuditEvent.at, AuditEvent.id).where(AuditEvent.id == event_id)
    ).one_or_none()
    return tuple(row) if row else None


def _fetch(query, size, newest_first):
    order = (
        (AuditEvent.at.desc(), AuditEvent.id.desc())
        if newest_first
        else (AuditEvent.at, AuditEvent.id)
    )
    return list(
        db.session.scalars(query.options(joinedload(AuditEvent.user)).order_by(*order).limit(size))
    )


def _any(query, condition):
    return db.session.scalar(select(exists(query.where(condition))))


def start_of_day(day):
    """Midnight at the start of `day` on the council's clock, as the UTC the log keeps."""
    local = datetime.combine(day, time(), LOCAL_ZONE)
    return local.astimezone(UTC).replace(tzinfo=None)


def end_of_day(day):
    return start_of_day(day + timedelta(days=1))


def local_time(at):
    """'Mon 23 Nov 2026 14:05' on the council's clock. The date's own spaces do not break, so
    a narrow column wraps it only before the time."""
    local = on_council_clock(at)
    return f"{local:%a}\u00a0{local.day}\u00a0{local:%b}\u00a0{local.year} {local:%H:%M}"
