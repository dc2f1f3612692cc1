"""consent to act ("If it helps sort it out, can we say it came from you?") and which worker
passes the answer on to a young person who hears back through their worker

Revision ID: c0d5e7a1f2b3
Revises: 9a7d3c2e1b04
Create Date: 2026-12-06 05:35:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c0d5e7a1f2b3"
down_revision = "9a7d3c2e1b04"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("say_its_them", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("worker_name", sa.String(length=80), nullable=True))


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("worker_name")
        batch_op.drop_column("say_its_them")
