"""similar messages: the index by term also holds the message, so finding the messages that
share a term reads the index alone (issue 18)

Revision ID: b3c8e1f0a7d2
Revises: e3f1a6b2c9d4
Create Date: 2026-12-06 10:20:00

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "b3c8e1f0a7d2"
down_revision = "e3f1a6b2c9d4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_similarity_term_term_submission", "similarity_term", ["term", "submission_id"]
    )
    op.drop_index("ix_similarity_term_term", table_name="similarity_term")


def downgrade():
    op.create_index("ix_similarity_term_term", "similarity_term", ["term"])
    op.drop_index("ix_similarity_term_term_submission", table_name="similarity_term")
