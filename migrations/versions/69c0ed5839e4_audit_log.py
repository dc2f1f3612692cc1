"""audit log

Revision ID: 69c0ed5839e4
Revises: 7537a5933eb8
Create Date: 2026-11-23 15:09:25.260012

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "69c0ed5839e4"
down_revision = "7537a5933eb8"
branch_labels = None
depends_on = None


def upgrade():
    # submission_id is a plain number on purpose, not a foreign key: erasing a submission
    # must neither delete its audit trail nor be blocked by it.
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], name=op.f("fk_audit_event_user_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_action_at", ["action", "at"], unique=False)
        batch_op.create_index("ix_audit_event_at_id", ["at", "id"], unique=False)
        batch_op.create_index(
            "ix_audit_event_submission_id_at", ["submission_id", "at"], unique=False
        )
        batch_op.create_index("ix_audit_event_user_id_at", ["user_id", "at"], unique=False)


def downgrade():
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_user_id_at")
        batch_op.drop_index("ix_audit_event_submission_id_at")
        batch_op.drop_index("ix_audit_event_at_id")
        batch_op.drop_index("ix_audit_event_action_at")

    op.drop_table("audit_event")
