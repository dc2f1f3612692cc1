"""gathered views (source, meeting, day given, who typed it in) and advocacy referrals

Revision ID: 9a7d3c2e1b04
Revises: b0a4d17c0e51
Create Date: 2026-12-06 04:50:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "9a7d3c2e1b04"
down_revision = "b0a4d17c0e51"
branch_labels = None
depends_on = None

SOURCES = ("online", "cicc_meeting", "care_leavers_forum", "event", "paper_form", "phone_call",
           "advocate", "another_app")  # fmt: skip
REFERRAL = ("asked", "passed_on", "in_touch")


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "source",
                sa.Enum(*SOURCES, name="source", native_enum=False, length=18),
                server_default="online",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("meeting", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("given_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("entered_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_entered_by_id_user"), "user", ["entered_by_id"], ["id"]
        )
    op.create_table(
        "advocacy_referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*REFERRAL, name="referralstatus", native_enum=False, length=9),
            nullable=False,
        ),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("passed_on_at", sa.DateTime(), nullable=True),
        sa.Column("passed_on_by_id", sa.Integer(), nullable=True),
        sa.Column("in_touch_at", sa.DateTime(), nullable=True),
        sa.Column("in_touch_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["in_touch_by_id"], ["user.id"], name=op.f("fk_advocacy_referral_in_touch_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["passed_on_by_id"],
            ["user.id"],
            name=op.f("fk_advocacy_referral_passed_on_by_id_user"),
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_advocacy_referral_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_advocacy_referral")),
        sa.UniqueConstraint("submission_id", name=op.f("uq_advocacy_referral_submission_id")),
    )
    with op.batch_alter_table("advocacy_referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_advocacy_referral_asked_at"), ["asked_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("advocacy_referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_advocacy_referral_asked_at"))
    op.drop_table("advocacy_referral")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_submission_entered_by_id_user"), type_="foreignkey")
        batch_op.drop_column("entered_by_id")
        batch_op.drop_column("given_on")
        batch_op.drop_column("meeting")
        batch_op.drop_column("source")
