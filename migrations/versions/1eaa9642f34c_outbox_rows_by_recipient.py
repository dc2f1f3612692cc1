"""outbox rows by recipient, and erased cases' notifications forgotten

Erasure and `flask purge` now delete a case's unsent "there is news" notifications and
unlink its sent ones (voice/notifications/outbox.py `forget`), looking them up by
recipient. Cases erased or purged before that are put right here the same way, so no
waiting row is tried again and no sent row still names an erased case.

Revision ID: 1eaa9642f34c
Revises: 23042faa1e1a
Create Date: 2026-12-01 10:00:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "1eaa9642f34c"
down_revision = "23042faa1e1a"
branch_labels = None
depends_on = None

# The recipient of each erased or purged case's young person, by the markers
# voice/privacy/services.py wrote over the message (as they were at this revision).
CLEARED = (
    "SELECT 'submission:' || id FROM submission WHERE message IN "
    "('[erased on request]', '[cleared after the retention period]')"
)


def upgrade():
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_recipient"), ["recipient"], unique=False)
    op.execute(f"DELETE FROM notification WHERE sent_at IS NULL AND recipient IN ({CLEARED})")
    op.execute(
        "UPDATE notification SET recipient = 'erased', payload = '{}', last_error = NULL "
        f"WHERE recipient IN ({CLEARED})"
    )


def downgrade():
    # What was forgotten stays forgotten; only the index goes.
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_recipient"))
