"""the safety net: first-read clock, "are you safe right now?", the "I don't feel safe" link
and weaker signs marked "read today"

Revision ID: 5afe7e1a0e14
Revises: a9d3c0f1e216
Create Date: 2026-12-06 04:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5afe7e1a0e14"
down_revision = "a9d3c0f1e216"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("safe_now", sa.String(length=7), nullable=True))
        batch_op.add_column(
            sa.Column("safety_link", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("read_today", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("first_read_at", sa.DateTime(), nullable=True))
    # Messages read before the clock existed: their first read by a worker or the lead is
    # in the audit log, so they do not all show as waiting unread.
    op.execute(
        "UPDATE submission SET first_read_at = (SELECT min(audit_event.at) FROM audit_event "
        "WHERE audit_event.submission_id = submission.id "
        "AND audit_event.action = 'read_original' "
        "AND audit_event.role IN ('worker', 'safeguarding'))"
    )


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("first_read_at")
        batch_op.drop_column("read_today")
        batch_op.drop_column("safety_link")
        batch_op.drop_column("safe_now")
