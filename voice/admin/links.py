"""Single-use links sent by e-mail: an invitation to set a first password (valid 72 hours)
and a "forgot password" link (valid an hour). Only a SHA-256 of each token is stored; the
token itself travels once, in the e-mail (the outbox row's link)."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import func, select, update

from voice import clock
from voice.admin.models import StaffLink
from voice.extensions import db
from voice.notifications import outbox

VALID_FOR = {"invite": timedelta(hours=72), "reset": timedelta(hours=1)}
PATHS = {"invite": "/staff/welcome/{token}", "reset": "/staff/new-password/{token}"}
KINDS = {"invite": "staff_invite", "reset": "password_reset"}


def _hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def send(user, purpose, by=None):
    """Make a link, void any earlier unused one of the same kind, and queue the e-mail."""
    void(user, purpose)
    token = secrets.token_urlsafe(32)
    db.session.add(
        StaffLink(
            user_id=user.id,
            purpose=purpose,
            token_hash=_hash(token),
            expires_at=clock.utcnow() + VALID_FOR[purpose],
            created_by_id=by.id if by is not None else None,
        )
    )
    outbox.queue(KINDS[purpose], f"user:{user.id}", {"path": PATHS[purpose].format(token=token)})
    db.session.flush()
    return token


def void(user, purpose):
    db.session.execute(
        update(StaffLink)
        .where(
            StaffLink.user_id == user.id,
            StaffLink.purpose == purpose,
            StaffLink.used_at.is_(None),
        )
        .values(used_at=clock.utcnow())
        .execution_options(synchronize_session=False)
    )


def find(token, purpose):
    """The unused, unexpired link for this token, or None (one answer for every reason)."""
    if not token or len(token) > 100:
        return None
    link = db.session.scalar(
        select(StaffLink).where(StaffLink.token_hash == _hash(token), StaffLink.purpose == purpose)
    )
    if link is None or link.used_at is not None or link.expires_at <= clock.utcnow():
        return None
    if not link.user.active:
        return None
    return link


def sent_recently(user, purpose, within):
    return db.session.scalar(
        select(func.count()).where(
            StaffLink.user_id == user.id,
            StaffLink.purpose == purpose,
            StaffLink.created_at > clock.utcnow() - within,
        )
    )


def pending_invite(user):
    return db.session.scalar(
        select(StaffLink)
        .where(
            StaffLink.user_id == user.id,
            StaffLink.purpose == "invite",
            StaffLink.used_at.is_(None),
        )
        .order_by(StaffLink.id.desc())
        .limit(1)
    )
