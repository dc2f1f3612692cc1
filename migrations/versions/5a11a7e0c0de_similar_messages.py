"""similar messages: the terms of each shared version, for finding messages that say the same

Revision ID: 5a11a7e0c0de
Revises: 1eaa9642f34c
Create Date: 2026-12-06 04:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5a11a7e0c0de"
down_revision = "1eaa9642f34c"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "similarity_term",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_similarity_term_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "term", name=op.f("pk_similarity_term")),
    )
    op.create_index("ix_similarity_term_term", "similarity_term", ["term"])
    op.create_table(
        "similarity_term_count",
        sa.Column("term", sa.String(length=40), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_similarity_term_count")),
    )


def downgrade():
    op.drop_table("similarity_term_count")
    op.drop_index("ix_similarity_term_term", table_name="similarity_term")
    op.drop_table("similarity_term")
