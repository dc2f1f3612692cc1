"""What each notification says: every word the outbox sends is on this page.

A notification never carries what a young person wrote. Staff get a link to sign in and read
it; a young person gets only "there is news", because a text or an e-mail shows on a lock
screen that someone else may see. We cannot put their reference code in it either: only a
keyed hash of the code is kept.
"""

from dataclasses import dataclass

# kind: (subject, body, where the link goes unless the payload names a "path").
WORDING = {
    "safeguarding_alert": (
        "Urgent: a Voice message needs the safeguarding lead",
        "A message sent to Voice shows signs that a young person may be at risk of harm. "
        "Please read it in Voice and record what you did:\n\n{link}\n\n"
        "The message is not in this e-mail, to keep it safe.",
        "/safeguarding",
    ),
    "submission_routed": (
        "A young person's message is waiting for your answer",
        "A participation worker has passed you a young person's message to answer. "
        "Read it and write your response in Voice:\n\n{link}",
        "/responses",
    ),
    "response_waiting": (
        "A response is waiting for your check",
        "An officer has written a response to a young person's message. Please check it "
        "before it goes to them:\n\n{link}",
        "/moderation",
    ),
    "follow_up_waiting": (
        "A young person has asked a follow-up question",
        "A young person has asked a follow-up question about an answer they were sent. "
        "Please read it and pass it to the officer:\n\n{link}",
        "/moderation",
    ),
    # From `flask tick` (voice/deadlines): each goes once per case (or action) and due date.
    "response_due_soon": (
        "A young person's reply is due soon",
        "A reply you are writing for a young person is due soon. Please finish it, or tell "
        "the participation team if it will be late:\n\n{link}",
        "/responses",
    ),
    "response_overdue": (
        "A reply to a young person is overdue",
        "A reply to a young person's message is past its due date. Please find out what is "
        "holding it up and help it along:\n\n{link}",
        "/overdue",
    ),
    "action_due": (
        "An action you promised a young person is due",
        "An action you promised in a reply to a young person has reached its date. Please "
        "update its progress, so they can see where it is:\n\n{link}",
        "/actions",
    ),
    # From `flask tick`, once each working day: the first-read safety net (voice/deadlines).
    "unread_waiting": (
        "Voice messages are waiting to be read",
        "Some messages sent to Voice by the end of the last working day have not been read "
        "by anyone yet. Every message should be read within one working day. Please read "
        "them today:\n\n{link}",
        "/moderation",
    ),
    # From the admin area (voice/admin/links.py): the link is the payload's path.
    "staff_invite": (
        "You are invited to Voice",
        "Your council's Voice admin has made you an account on Voice, where young people in "
        "care send their views and questions. Set your password and two-step sign-in here "
        "(the link works once, for 72 hours):\n\n{link}",
        "/staff/login",
    ),
    "password_reset": (
        "Set a new Voice password",
        "Someone asked to set a new password for your Voice account. If it was you, use this "
        "link (it works once, for an hour):\n\n{link}\n\nIf it was not you, you need do "
        "nothing: your password has not changed.",
        "/staff/login",
    ),
    # From voice/auth/throttle.py: no account is named; the audit log says which.
    "account_under_attack": (
        "Many wrong tries to sign in to a Voice account",
        "Someone has tried many wrong passwords or codes for a Voice staff account, so "
        "signing in to it with a password alone is paused for a while. The right password "
        "with a code from the app still works. See which account in the audit log:\n\n{link}",
        "/admin/audit",
    ),
    "news_for_young_person": (
        "News about your Voice message",
        "There is news about your Voice message. Check it at {link} with your reference code.",
        "/check",
    ),
    # A young person who hears back through the worker who typed in their view.
    "news_for_worker": (
        "News for a young person whose view you gathered",
        "There is news about a view you typed into Voice for a young person who hears back "
        "through you. Read it in Voice and let them know:\n\n{link}",
        "/moderation",
    ),
    # Board members' questions (voice/questions): the question and answer stay in Voice.
    "member_question_waiting": (
        "A board member has asked a question",
        "A member of the Corporate Parenting Board has asked a question in Voice. Please pass "
        "it to an officer who can answer:\n\n{link}",
        "/board/questions/",
    ),
    "member_question_routed": (
        "A board member's question is waiting for your answer",
        "A question from the Corporate Parenting Board has been passed to you. Please answer "
        "it in Voice:\n\n{link}",
        "/board/questions/",
    ),
    "member_question_answered": (
        "Your question to Voice has been answered",
        "An officer has answered a question you asked about the board's figures. Read it in "
        "Voice:\n\n{link}",
        "/board/questions/",
    ),
    # To the council's advocacy service (or the participation workers if it has no address).
    "advocacy_referral": (
        "A young person would like an advocate",
        "A young person has asked Voice for an advocate. Please get in touch with the "
        "participation team, who will pass on how to reach them, within one working day. "
        "The referral in Voice:\n\n{link}",
        "/advocacy",
    ),
    "advocacy_overdue": (
        "An advocacy referral has not been passed on",
        "A young person asked for an advocate more than a working day ago and it has not been "
        "passed on yet. Please pass it on today:\n\n{link}",
        "/advocacy",
    ),
}

KINDS = frozenset(WORDING)


@dataclass(frozen=True)
class Message:
    """One message to one address, ready for a backend."""

    notification_id: int
    kind: str
    recipient: str  # "user:3", "submission:9": what logs name instead of the address
    channel: str  # "email" or "sms"
    to: str
    subject: str
    body: str
    link: str
    urgent: bool = False

    @property
    def personalisation(self):
        """For a GOV.UK Notify template: one with ((subject)) and ((body)) fits every kind;
        a council's own wording can use ((link))."""
        return {"subject": self.subject, "body": self.body, "link": self.link}


def compose(notification, address, public_url):
    """The message for one address. Only ids and a path are read from the payload."""
    subject, body, default_path = WORDING[notification.kind]
    link = public_url.rstrip("/") + _path(notification.payload, default_path)
    return Message(
        notification_id=notification.id,
        kind=notification.kind,
        recipient=notification.recipient,
        channel=address.channel,
        to=address.to,
        subject=subject,
        body=body.format(link=link),
        link=link,
        urgent=notification.urgency.value == "urgent",
    )


def _path(payload, default):
    path = (payload or {}).get("path")
    # Only a path on our own site: a payload must never smuggle words or another host in.
    if (
        isinstance(path, str)
        and path.startswith("/")
        and not path.startswith("//")
        and len(path) <= 200
        and " " not in path
    ):
        return path
    return default
