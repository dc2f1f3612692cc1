"""influence ("Has anything changed because of what you said?") and board members' questions

Revision ID: d1f7e2a9c4b8
Revises: c0d5e7a1f2b3
Create Date: 2026-12-06 07:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1f7e2a9c4b8"
down_revision = "c0d5e7a1f2b3"
branch_labels = None
depends_on = None

CHANGED = sa.Enum(
    "yes", "a_bit", "not_yet", "dont_know", name="changed", native_enum=False, length=9
)


def upgrade():
    op.create_table(
        "influence_ask",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("answer", CHANGED, nullable=True),
        sa.Column("words", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["response_id"], ["response.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["submission_id"], ["submission.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("submission_id"),
    )
    with op.batch_alter_table("influence_ask", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_influence_ask_answered_at"), ["answered_at"], unique=False
        )
    op.create_table(
        "influence_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ask_id", sa.Integer(), nullable=False),
        sa.Column("answer", CHANGED, nullable=False),
        sa.Column("words", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["ask_id"], ["influence_ask.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("influence_answer", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_influence_answer_ask_id"), ["ask_id"], unique=False)
    op.create_table(
        "member_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asked_by_id", sa.Integer(), nullable=False),
        sa.Column("asked_at", sa.DateTime(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("figure", sa.String(length=40), nullable=True),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "asked",
                "with_officer",
                "answered",
                "supplementary",
                "done",
                name="questionstate",
                native_enum=False,
                length=13,
            ),
            nullable=False,
        ),
        sa.Column("service_area_id", sa.Integer(), nullable=True),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("routed_by_id", sa.Integer(), nullable=True),
        sa.Column("routed_at", sa.DateTime(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("supplementary", sa.Text(), nullable=True),
        sa.Column("supplementary_at", sa.DateTime(), nullable=True),
        sa.Column("supplementary_answer", sa.Text(), nullable=True),
        sa.Column("supplementary_answered_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["asked_by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["officer_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["routed_by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["service_area_id"], ["service_area.id"]),
        sa.ForeignKeyConstraint(["theme_id"], ["theme.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("member_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_question_asked_at"), ["asked_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_member_question_officer_id"), ["officer_id"], unique=False
        )


def downgrade():
    op.drop_table("member_question")
    op.drop_table("influence_answer")
    op.drop_table("influence_ask")
