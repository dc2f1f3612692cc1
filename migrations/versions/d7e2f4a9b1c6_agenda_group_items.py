"""an agenda item can be a group of messages saying the same thing (issue 18)

Revision ID: d7e2f4a9b1c6
Revises: d1a7f0e4b9c2
Create Date: 2026-12-06 08:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d7e2f4a9b1c6"
down_revision = "d1a7f0e4b9c2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("whole_group", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade():
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_column("whole_group")
