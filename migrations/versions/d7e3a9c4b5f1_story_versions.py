"""the story of a period: every version of the board's account and young people's digest

Revision ID: d7e3a9c4b5f1
Revises: d4e5f6a7b8c9
Create Date: 2026-12-06 07:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d7e3a9c4b5f1"
down_revision = "d4e5f6a7b8c9"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "story_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("board", "digest", name="kind", native_enum=False, length=6),
            nullable=False,
        ),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("period_label", sa.Text(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_ur", sa.Text(), nullable=False),
        sa.Column("written_by_id", sa.Integer(), nullable=True),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["approved_by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["written_by_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint(
            "kind", "period_start", "period_end", "number", name="uq_story_version_number"
        ),
    )
    with op.batch_alter_table("story_version", schema=None) as batch_op:
        batch_op.create_index("ix_story_version_kind_approved_at", ["kind", "approved_at"])


def downgrade():
    with op.batch_alter_table("story_version", schema=None) as batch_op:
        batch_op.drop_index("ix_story_version_kind_approved_at")
    op.drop_table("story_version")
