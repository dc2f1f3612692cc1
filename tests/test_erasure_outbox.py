"""Erasing a case (on request, or by `flask purge` after the retention period) takes the
young person's "there is news" notifications with it: the ones still waiting (or given up)
are deleted, so the worker never tries them again, and the ones that went keep only that a
message went, not whose case it was for (GOV.UK Notify keeps the phone number against the
notification's id, so a sent row still naming the case would link the two)."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from tests.submissions_helpers import make_submission
from tests.test_data_requests import PHONE, rows_holding, sent
from voice.audit.models import AuditEvent
from voice.extensions import db
from voice.notifications import sender
from voice.notifications.backends import SendFailed
from voice.notifications.models import Notification
from voice.responses import services as answering
from voice.submissions import life_cycle as submissions
from voice.submissions.models import ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

EMAIL = "jess.wren@example.org"


class Recorder:
    """Stands in for GOV.UK Notify or the mail server: keeps every message handed to it."""

    name = "recorder"

    def __init__(self):
        self.messages = []

    def send(self, message):
        self.messages.append(message)

    @property
    def addresses(self):
        return [message.to for message in self.messages]


class Refusing(Recorder):
    """A mail server that refuses every message, so the worker gives them up."""

    def send(self, message):
        raise SendFailed("the mail server refused the address", permanent=True)


def rows_for(submission):
    """Outbox rows that still name this case's young person, by state."""
    return sorted(
        n.state
        for n in db.session.scalars(
            select(Notification).where(Notification.recipient == f"submission:{submission.id}")
        )
    )


def said(action):
    """What the audit log says was done, which names what went and never the contact."""
    return db.session.scalars(
        select(AuditEvent.detail).where(AuditEvent.action == action).order_by(AuditEvent.id)
    ).all()


def news_sent_then_more_waiting(submission):
    """One "there is news" has gone to them; a second waits (the worker was down)."""
    answering.tell_young_person(submission)
    db.session.commit()
    earlier = Recorder()
    sender.run_once(earlier)
    answering.tell_young_person(submission)
    db.session.commit()
    return earlier


def test_a_case_erased_on_request_is_sent_no_more_news_and_the_outbox_forgets_it(client, signed_in):
    submission, _ = sent("Please tell me when it is fixed", phone=PHONE)
    earlier = news_sent_then_more_waiting(submission)
    assert earlier.addresses == [PHONE] and rows_for(submission) == ["sent", "waiting"]
    signed_in("worker")
    confirm = client.get("/privacy/requests/erase", query_string={"ids": [submission.id]})
    assert "unsent notifications" in confirm.get_data(as_text=True)

    done = client.post("/privacy/requests/erase", data={"ids": [submission.id], "asked": "y"})
    assert done.status_code == 303
    later = Recorder()
    assert sender.run_once(later) == {}  # nothing was left waiting for the worker
    assert later.addresses == []
    db.session.expire_all()
    assert rows_for(submission) == []
    assert rows_holding(PHONE) == []
    sent_rows = db.session.scalars(
        select(Notification).where(Notification.kind == "news_for_young_person")
    ).all()
    assert [(n.state, n.payload) for n in sent_rows] == [("sent", {})]  # that one went stays
    assert said("erasure") == [
        "Erased: message, contact, unsent notifications, links from sent notifications"
    ]


def test_purge_takes_the_given_up_news_of_an_old_case_with_its_contact(app):
    submission = make_submission("Tell me by e-mail", reply_by=ReplyBy.EMAIL, contact=EMAIL)
    news_sent_then_more_waiting(submission)
    sender.run_once(Refusing())  # the second is given up; `outbox retry-failed` would wake it
    submissions.transition(submission, Status.DECLINED)  # declining keeps the contact
    for change in submission.changes:
        change.at -= timedelta(days=800)
    db.session.commit()
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["purge", "--dry-run"])
    assert "1 unsent notifications removed" in dry.output, dry.output
    assert "1 sent notifications unlinked" in dry.output
    assert rows_for(submission) == ["failed", "sent"]

    result = runner.invoke(args=["purge"])
    assert "1 unsent notifications removed" in result.output, result.output
    assert "1 contact details deleted" in result.output
    retried = runner.invoke(args=["outbox", "retry-failed"])
    assert "0 given-up notifications will be tried again" in retried.output, retried.output
    later = Recorder()
    assert sender.run_once(later) == {} and later.addresses == []
    db.session.expire_all()
    assert rows_for(submission) == [] and rows_holding(EMAIL) == []
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 1
    again = runner.invoke(args=["purge"])
    assert "0 unsent notifications removed" in again.output
    (purged,) = said("purge")
    assert "unsent notifications removed, sent notifications unlinked" in purged
    assert EMAIL not in purged
