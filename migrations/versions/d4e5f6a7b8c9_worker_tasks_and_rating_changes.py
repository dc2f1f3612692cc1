"""jobs a worker does by hand for one young person (pass news on to their worker, talk to
them first), shown in the queue until done; what a changed rating said before

Revision ID: d4e5f6a7b8c9
Revises: d1f7e2a9c4b8
Create Date: 2026-12-06 07:10:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d4e5f6a7b8c9"
down_revision = "d1f7e2a9c4b8"
branch_labels = None
depends_on = None

TASK_KINDS = ("pass_on", "talk_first")
RATINGS = ("yes", "partly", "not_really")


def upgrade():
    op.create_table(
        "worker_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*TASK_KINDS, name="taskkind", native_enum=False, length=10),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["done_by_id"], ["user.id"], name=op.f("fk_worker_task_done_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_worker_task_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker_task")),
    )
    with op.batch_alter_table("worker_task", schema=None) as batch_op:
        batch_op.create_index("ix_worker_task_open", ["done_at", "due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_worker_task_submission_id"), ["submission_id"], unique=False
        )
    op.create_table(
        "rating_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(*RATINGS, name="ratinganswer", native_enum=False, length=10),
            nullable=False,
        ),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rating_id"],
            ["rating.id"],
            name=op.f("fk_rating_change_rating_id_rating"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_change")),
    )
    with op.batch_alter_table("rating_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rating_change_rating_id"), ["rating_id"], unique=False)


def downgrade():
    with op.batch_alter_table("rating_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rating_change_rating_id"))
    op.drop_table("rating_change")
    with op.batch_alter_table("worker_task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_worker_task_submission_id"))
        batch_op.drop_index("ix_worker_task_open")
    op.drop_table("worker_task")
