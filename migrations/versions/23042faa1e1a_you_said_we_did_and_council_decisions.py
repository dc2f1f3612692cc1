"""You said, we did (publications and "me too"s) and council decisions

Revision ID: 23042faa1e1a
Revises: c5a1b0a7d001
Create Date: 2026-11-23 16:32:08.192331

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "23042faa1e1a"
down_revision = "c5a1b0a7d001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "council_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("what_was_decided", sa.Text(), nullable=False),
        sa.Column("what_it_means", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["user.id"], name=op.f("fk_council_decision_created_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["user.id"], name=op.f("fk_council_decision_updated_by_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_decision")),
    )
    with op.batch_alter_table("council_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_council_decision_decided_on"), ["decided_on"], unique=False
        )

    op.create_table(
        "me_too",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("browser_hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_me_too_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_me_too")),
        sa.UniqueConstraint(
            "submission_id", "browser_hash", name="uq_me_too_submission_id_browser_hash"
        ),
    )
    with op.batch_alter_table("me_too", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_me_too_at"), ["at"], unique=False)

    op.create_table(
        "publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("unpublished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["user.id"], name=op.f("fk_publication_published_by_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_publication_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publication")),
        sa.UniqueConstraint("submission_id", name=op.f("uq_publication_submission_id")),
    )
    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.create_index(
            "ix_publication_unpublished_at_published_at",
            ["unpublished_at", "published_at"],
            unique=False,
        )

    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("council_decision_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_submission_council_decision_id"), ["council_decision_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_council_decision_id_council_decision"),
            "council_decision",
            ["council_decision_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_submission_council_decision_id_council_decision"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_submission_council_decision_id"))
        batch_op.drop_column("council_decision_id")

    with op.batch_alter_table("publication", schema=None) as batch_op:
        batch_op.drop_index("ix_publication_unpublished_at_published_at")
    op.drop_table("publication")

    with op.batch_alter_table("me_too", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_me_too_at"))
    op.drop_table("me_too")

    with op.batch_alter_table("council_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_decision_decided_on"))
    op.drop_table("council_decision")
