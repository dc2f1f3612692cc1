"""outbox delivery

Retries with back-off, claims that several workers respect, and the outcome of each
notification.

Revision ID: 7537a5933eb8
Revises: 39a9bba42316
Create Date: 2026-11-23 15:05:33.636296

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "7537a5933eb8"
down_revision = "39a9bba42316"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("claim_token", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("failed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("skipped_at", sa.DateTime(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_notification_next_attempt_at"), ["next_attempt_at"], unique=False
        )
    # Notifications queued before the worker existed are due now: send them, don't lose them.
    op.execute("UPDATE notification SET next_attempt_at = created_at WHERE sent_at IS NULL")


def downgrade():
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_next_attempt_at"))
        batch_op.drop_column("skipped_at")
        batch_op.drop_column("failed_at")
        batch_op.drop_column("claim_token")
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("next_attempt_at")
