"""disclosure feedback: what workers and the lead tell the disclosure check

One row per verdict ("a disclosure the check missed" or "no concern"), with the kind and what
the check had said; never the words. Kept (submission_id made null) when a message is erased.

Revision ID: 1bb690240a73
Revises: 5afe7e1a0e14
Create Date: 2026-12-06 04:22:25.434759

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "1bb690240a73"
down_revision = "5afe7e1a0e14"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "disclosure_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=True),
        sa.Column(
            "verdict",
            sa.Enum("missed", "no_concern", name="verdict", native_enum=False),
            nullable=False,
        ),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("check_said", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_id"], ["user.id"], name=op.f("fk_disclosure_feedback_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_disclosure_feedback_submission_id_submission"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disclosure_feedback")),
    )
    with op.batch_alter_table("disclosure_feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disclosure_feedback_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_disclosure_feedback_submission_id"), ["submission_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("disclosure_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disclosure_feedback_submission_id"))
        batch_op.drop_index(batch_op.f("ix_disclosure_feedback_at"))

    op.drop_table("disclosure_feedback")
