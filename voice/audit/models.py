"""The audit log: who did what, to which submission, when, and in which role.

Append-only. Nothing in Voice updates or deletes an AuditEvent, and the session refuses to
(see the listeners at the bottom), so a mistake in some later feature cannot quietly rewrite
the record of who read a young person's words.
"""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from voice.auth.models import Role, User
from voice.clock import utcnow
from voice.extensions import db

# Every kind of event, with the words the audit page shows. To log something new, add a line
# here: the column is plain text, so a new action needs no migration.
ACTIONS = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in refused",
    "sign_in_paused": "Sign-in paused after many wrong tries",
    "read_original": "Read the original",
    "transition": "Status changed",
    "redaction": "Redacted",
    "routing": "Routed",
    "link": "Linked to similar",
    "safeguarding_record": "Safeguarding record",
    "erasure": "Erased",
    "data_export": "Copy made on request",
    "purge": "Cleared after the retention period",
    "action_update": "Updated an action",
    "board_quote": "Board quote",
    "publish": "Published on You said, we did",
    "unpublish": "Taken off You said, we did",
    "decision_posted": "Council decision posted",
    "decision_changed": "Council decision changed",
    "agenda": "Agenda",
    "meeting_outcome": "Meeting outcome recorded",
    "rating": "Rated an answer",
    "follow_up": "Asked a follow-up",
    "follow_up_passed": "Passed a follow-up on",
    # The admin area (voice/admin)
    "settings_changed": "Council settings changed",
    "topic_changed": "Topic changed",
    "area_changed": "Service area changed",
    "promise_changed": "Promise changed",
    "staff_invited": "Staff invited",
    "invite_accepted": "Invitation accepted",
    "staff_changed": "Staff account changed",
    "password_reset": "Password reset",
    "reassigned": "Reassigned",
    "disclosure_feedback": "Told the disclosure check",
    "advocacy": "Advocacy referral",
    "gathered": "Entered for a young person",
    "influence": "Said whether anything changed",
    "member_question": "Board member's question",
}
DETAIL_LENGTH = 300
ROLE_VALUES = {role.value for role in Role}


class AuditLogIsAppendOnly(Exception):
    """Code tried to change or delete an audit event."""


class AuditEvent(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    # No ondelete: a staff account with a history is switched off, never deleted, and the
    # database refuses to delete it rather than blank out who did what.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # The role at the time: a worker later made admin still shows as a worker here.
    role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    # A plain number, not a foreign key: erasing a submission must neither delete its audit
    # trail nor be blocked by it.
    submission_id: Mapped[int | None]
    # Never a young person's words or anything typed as a password.
    detail: Mapped[str] = mapped_column(String(DETAIL_LENGTH), default="")

    user: Mapped[User | None] = relationship()

    __table_args__ = (
        # The page lists newest first and pages on (at, id); each filter has its own index.
        Index("ix_audit_event_at_id", "at", "id"),
        Index("ix_audit_event_action_at", "action", "at"),
        Index("ix_audit_event_user_id_at", "user_id", "at"),
        Index("ix_audit_event_submission_id_at", "submission_id", "at"),
    )

    @property
    def label(self):
        return ACTIONS.get(self.action, self.action)

    @property
    def role_label(self):
        return Role(self.role).label if self.role in ROLE_VALUES else (self.role or "")

    @property
    def submission_reference(self):
        return staff_reference(self.submission_id) if self.submission_id else ""


def staff_reference(submission_id):
    """'V00042': how staff name a submission (Submission.reference). Worked out from the id
    here, because an erased submission's events still need it."""
    return f"V{submission_id:05d}"


def _refuse(what):
    raise AuditLogIsAppendOnly(f"Audit events are never {what}.")


@event.listens_for(Session, "before_flush")
def _refuse_changes_and_deletes(session, _flush_context, _instances):
    for instance in session.deleted:
        if isinstance(instance, AuditEvent):
            _refuse("deleted")
    for instance in session.dirty:
        if isinstance(instance, AuditEvent) and session.is_modified(instance):
            _refuse("changed")


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_changes(state):
    """update(AuditEvent) and delete(AuditEvent) statements skip the flush, so check them too."""
    if (state.is_update or state.is_delete) and state.bind_mapper is AuditEvent.__mapper__:
        _refuse("changed" if state.is_update else "deleted")
