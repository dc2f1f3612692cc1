from voice.extensions import db
from voice.notifications.models import Notification, Urgency


def queue(kind, recipient, payload=None, urgent=False):
    """Write a notification into the outbox, in the caller's transaction."""
    notification = Notification(kind=kind, recipient=recipient, payload=payload or {},
                                urgency=Urgency.URGENT if urgent else Urgency.NORMAL)
    db.session.add(notification)
    return notification
