"""board quotes: a worker's choice of young people's words for the board

Revision ID: c5a1b0a7d001
Revises: 07288c5b75d6
Create Date: 2026-11-23 16:50:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c5a1b0a7d001"
down_revision = "07288c5b75d6"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "board_quote",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("chosen_by_id", sa.Integer(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["chosen_by_id"], ["user.id"], name=op.f("fk_board_quote_chosen_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_board_quote_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", name=op.f("pk_board_quote")),
    )


def downgrade():
    op.drop_table("board_quote")
