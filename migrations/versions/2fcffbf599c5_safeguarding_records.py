"""safeguarding records

Revision ID: 2fcffbf599c5
Revises: 69c0ed5839e4
Create Date: 2026-11-23 15:12:42.353312

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "2fcffbf599c5"
down_revision = "69c0ed5839e4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "safeguarding_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "social_worker",
                "duty_team",
                "mash_referral",
                "no_concern",
                name="safeguardingaction",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["by_id"], ["user.id"], name=op.f("fk_safeguarding_record_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_safeguarding_record_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_record")),
    )
    with op.batch_alter_table("safeguarding_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_safeguarding_record_submission_id"), ["submission_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("safeguarding_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_record_submission_id"))

    op.drop_table("safeguarding_record")
