"""staff day (issue 19): who has a message open now, for the workers' queue; answer
templates each team's officers start from; an officer's words about an action waiting for a
worker's check

Revision ID: d1a7f0e4b9c2
Revises: d7e3a9c4b5f1
Create Date: 2026-12-06 07:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1a7f0e4b9c2"
down_revision = "d7e3a9c4b5f1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "open_by",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_open_by_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_open_by_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("submission_id", "user_id", name=op.f("pk_open_by")),
    )
    op.create_table(
        "answer_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user.id"],
            name=op.f("fk_answer_template_updated_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_template")),
    )
    op.create_index(op.f("ix_answer_template_team"), "answer_template", ["team"])
    op.create_table(
        "action_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "in_progress",
                "done",
                "not_going_ahead",
                name="actionstatus",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("new_due_on", sa.Date(), nullable=True),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("checked_by_id", sa.Integer(), nullable=True),
        sa.Column("released", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["action.id"],
            name=op.f("fk_action_check_action_id_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["user.id"], name=op.f("fk_action_check_by_id_user"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["user.id"],
            name=op.f("fk_action_check_checked_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_check")),
    )
    op.create_index(op.f("ix_action_check_action_id"), "action_check", ["action_id"])


def downgrade():
    op.drop_index(op.f("ix_action_check_action_id"), table_name="action_check")
    op.drop_table("action_check")
    op.drop_index(op.f("ix_answer_template_team"), table_name="answer_template")
    op.drop_table("answer_template")
    op.drop_table("open_by")
