"""staff day (issue 19): who has a message open now, for the workers' queue; answer
templates each team's officers start from

Revision ID: d1a7f0e4b9c2
Revises: c0d5e7a1f2b3
Create Date: 2026-12-06 07:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1a7f0e4b9c2"
down_revision = "c0d5e7a1f2b3"
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


def downgrade():
    op.drop_index(op.f("ix_answer_template_team"), table_name="answer_template")
    op.drop_table("answer_template")
    op.drop_table("open_by")
