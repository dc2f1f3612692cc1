"""the admin area: council settings, staff links, topic Urdu, promise wordings

The council's own settings (one row over the environment's first values), single-use
invitation and password-reset links (only a hash of each token), each topic's Urdu name and
description, and every wording a promise clause has had.

Revision ID: a9d3c0f1e216
Revises: 5a11a7e0c0de
Create Date: 2026-12-06 04:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a9d3c0f1e216"
down_revision = "5a11a7e0c0de"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "council_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_id"], ["user.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "staff_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("staff_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_link_user_id"), ["user_id"], unique=False)
    op.create_table(
        "promise_wording",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("from_at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["by_id"], ["user.id"]),
        sa.ForeignKeyConstraint(["promise_id"], ["promise.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("promise_wording", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promise_wording_promise_id"), ["promise_id"], unique=False
        )
    with op.batch_alter_table("theme", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("name_ur", sa.String(length=60), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("description_ur", sa.String(length=200), server_default="", nullable=False)
        )


def downgrade():
    # Not in a batch: rebuilding the theme table on SQLite would trip the foreign keys that
    # tagged messages hold on it. SQLite (3.35 on) and PostgreSQL both drop a column in place.
    op.drop_column("theme", "description_ur")
    op.drop_column("theme", "name_ur")
    with op.batch_alter_table("promise_wording", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promise_wording_promise_id"))
    op.drop_table("promise_wording")
    with op.batch_alter_table("staff_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_link_user_id"))
    op.drop_table("staff_link")
    op.drop_table("council_settings")
