"""boundary: sign-in pauses per network address

Revision ID: 5b0d4c1e9a73
Revises: 1bb690240a73
Create Date: 2026-12-06 04:15:00

Wrong sign-in tries are now counted per address as well as per account (a keyed hash of the
address, never the address). Existing counts on accounts carry on.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5b0d4c1e9a73"
down_revision = "1bb690240a73"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "sign_in_address",
        sa.Column("address_hash", sa.String(length=64), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("address_hash", name=op.f("pk_sign_in_address")),
    )
    with op.batch_alter_table("sign_in_address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sign_in_address_updated_at"), ["updated_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("sign_in_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sign_in_address_updated_at"))
    op.drop_table("sign_in_address")
