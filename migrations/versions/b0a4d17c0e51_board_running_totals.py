"""board running totals: counts per month, figure and theme, kept with every change

Revision ID: b0a4d17c0e51
Revises: 5b0d4c1e9a73
Create Date: 2026-12-06 04:20:00

"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

# revision identifiers, used by Alembic.
revision = "b0a4d17c0e51"
down_revision = "5b0d4c1e9a73"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "board_count",
        sa.Column("figure", sa.String(length=20), nullable=False),
        sa.Column("theme", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("k1", sa.String(length=40), nullable=False),
        sa.Column("k2", sa.String(length=40), nullable=False),
        sa.Column("k3", sa.String(length=40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "figure", "theme", "month", "k1", "k2", "k3", name=op.f("pk_board_count")
        ),
    )
    op.create_index(
        "ix_board_count_figure_theme_k1", "board_count", ["figure", "theme", "k1"], unique=False
    )
    op.create_index("ix_action_due_on", "action", ["due_on"], unique=False)
    # The messages already sent: their totals, worked out once from the raw tables.
    from voice.board import rollup

    session = Session(bind=op.get_bind())
    rollup.rebuild(session)
    session.flush()


def downgrade():
    op.drop_index("ix_action_due_on", table_name="action")
    op.drop_index("ix_board_count_figure_theme_k1", table_name="board_count")
    op.drop_table("board_count")
