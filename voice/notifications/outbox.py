from sqlalchemy import delete, func, select, update

from voice.extensions import db
from voice.notifications.models import Notification, Urgency

# A sent notification's recipient once its case is erased or purged: see `forget`.
FORGOTTEN = "erased"


def queue(kind, recipient, payload=None, urgent=False):
    """Write a notification into the outbox, in the caller's transaction."""
    notification = Notification(
        kind=kind,
        recipient=recipient,
        payload=payload or {},
        urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
    )
    db.session.add(notification)
    return notification


def _for_young_person(submission_id):
    return Notification.recipient == f"submission:{submission_id}"


def held_for(submission_id):
    """(unsent, sent): this case's young person's notifications that `forget` would delete,
    and those it would unlink."""
    total, sent = db.session.execute(
        select(func.count(), func.count(Notification.sent_at)).where(
            _for_young_person(submission_id)
        )
    ).one()
    return total - sent, sent


def forget(submission_id):
    """For erasure and purging, whose callers record what went. Returns (deleted, unlinked).

    Not yet sent (waiting, given up or not needed): deleted, so neither the worker nor
    `outbox retry-failed` ever tries to reach them again. Sent: kept, as the record that a
    message went (and so the outbox's counts stay true), but no longer naming the case: GOV.UK
    Notify keeps the phone number or address against "voice-<notification id>", so a row
    still saying "submission:N" would tie the erased case to it. The payload and error go
    too, in case a caller ever broke the rule and put an address there.

    A worker already sending one when this commits still sends it: the address was read
    before the network, which is the price of never holding a transaction open across it."""
    unsent = db.session.execute(
        delete(Notification).where(_for_young_person(submission_id), Notification.sent_at.is_(None))
    )
    sent = db.session.execute(
        update(Notification)
        .where(_for_young_person(submission_id), Notification.sent_at.is_not(None))
        .values(recipient=FORGOTTEN, payload={}, last_error=None)
    )
    return unsent.rowcount, sent.rowcount
