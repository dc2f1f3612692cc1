"""Who a notification is for, looked up when it is sent rather than when it is queued, so a
switched-off account or a deleted contact detail is respected even for a waiting message.

- "role:safeguarding": every active account with that role. The worker splits such a row
  into one "user:N" row per person, so each is sent, retried and recorded on its own.
- "user:N": that person's e-mail address, while the account is active.
- "submission:N": the young person's own contact detail (a text or an e-mail), if they still
  have one; it is deleted when the case closes.
- "advocacy:service": the council's advocacy service, at ADVOCACY_EMAIL.
"""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from voice.auth.models import Role, User
from voice.extensions import db
from voice.submissions.models import Contact, ReplyBy

ADVOCACY_SERVICE = "advocacy:service"


class NotNeeded(Exception):
    """There is nobody left to tell (the message is skipped, not failed)."""


class Unreachable(Exception):
    """Nobody can be told yet, but someone may be later (the message is retried)."""


@dataclass(frozen=True)
class Address:
    channel: str  # "email" or "sms"
    to: str


def parse(recipient):
    """("role", "safeguarding"), ("user", 3) or ("submission", 9)."""
    scheme, _, value = recipient.partition(":")
    if scheme == "role" and value in {r.value for r in Role}:
        return scheme, Role(value)
    if scheme in ("user", "submission") and value.isdigit():
        return scheme, int(value)
    if recipient == ADVOCACY_SERVICE:
        return scheme, value
    raise ValueError(f"unknown recipient {recipient!r}")


def is_group(recipient):
    return parse(recipient)[0] == "role"


def members(recipient):
    """The ids of the active accounts a "role:…" recipient stands for."""
    _, role = parse(recipient)
    ids = db.session.scalars(
        select(User.id).where(User.role == role, User.active).order_by(User.id)
    ).all()
    if not ids:
        # A safeguarding alert with nobody to receive it must not quietly count as done.
        raise Unreachable(f"no active account has the role {role.value}")
    return ids


def address(recipient):
    """Where one person's message goes."""
    scheme, ident = parse(recipient)
    if scheme == "advocacy":
        to = current_app.config.get("ADVOCACY_EMAIL")
        if not to:  # unset since it was queued: try again once someone sets it
            raise Unreachable("ADVOCACY_EMAIL is not set")
        return Address("email", to)
    if scheme == "user":
        user = db.session.get(User, ident)
        if user is None or not user.active:
            raise NotNeeded("the account is switched off or gone")
        return Address("email", user.email)
    contact = db.session.get(Contact, ident)
    if contact is None:
        raise NotNeeded("the young person has no contact detail with us now")
    return Address("sms" if contact.channel == ReplyBy.TEXT else "email", contact.value)
