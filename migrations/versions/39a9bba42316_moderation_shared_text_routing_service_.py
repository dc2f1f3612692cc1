"""moderation: shared text, routing, service areas, promises, redactions

Revision ID: 39a9bba42316
Revises: a687666c7576
Create Date: 2026-11-23 15:04:49.255363

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "39a9bba42316"
down_revision = "a687666c7576"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "promise",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("text", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promise")),
        sa.UniqueConstraint("slug", name=op.f("uq_promise_slug")),
    )
    op.create_table(
        "service_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["user.id"], name=op.f("fk_service_area_lead_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_area")),
        sa.UniqueConstraint("name", name=op.f("uq_service_area_name")),
    )
    op.create_table(
        "service_area_officer",
        sa.Column("service_area_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_area_id"],
            ["service_area.id"],
            name=op.f("fk_service_area_officer_service_area_id_service_area"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_service_area_officer_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("service_area_id", "user_id", name=op.f("pk_service_area_officer")),
    )
    with op.batch_alter_table("service_area_officer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_area_officer_user_id"), ["user_id"], unique=False
        )

    op.create_table(
        "redaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["user.id"], name=op.f("fk_redaction_by_id_user")),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_redaction_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redaction")),
    )
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_redaction_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "submission_promise",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("promise_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["promise_id"], ["promise.id"], name=op.f("fk_submission_promise_promise_id_promise")
        ),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_submission_promise_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", "promise_id", name=op.f("pk_submission_promise")),
    )
    with op.batch_alter_table("submission_promise", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_promise_promise_id"), ["promise_id"], unique=False
        )

    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shared_text", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("moderated_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("moderated_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("service_area_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("officer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("routed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "decline_reason",
                sa.Enum(
                    "duplicate",
                    "complaint",
                    "cannot_act",
                    "other",
                    name="declinereason",
                    native_enum=False,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("decline_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("duplicate_of_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("same_as_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.create_index(batch_op.f("ix_submission_officer_id"), ["officer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_submission_same_as_id"), ["same_as_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_submission_service_area_id"), ["service_area_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_officer_id_user"), "user", ["officer_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_service_area_id_service_area"),
            "service_area",
            ["service_area_id"],
            ["id"],
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_same_as_id_submission"), "submission", ["same_as_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_moderated_by_id_user"), "user", ["moderated_by_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_submission_duplicate_of_id_submission"),
            "submission",
            ["duplicate_of_id"],
            ["id"],
        )


def downgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_submission_duplicate_of_id_submission"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_submission_moderated_by_id_user"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_submission_same_as_id_submission"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_submission_service_area_id_service_area"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_submission_officer_id_user"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_submission_service_area_id"))
        batch_op.drop_index(batch_op.f("ix_submission_same_as_id"))
        batch_op.drop_index(batch_op.f("ix_submission_officer_id"))
        batch_op.drop_column("version")
        batch_op.drop_column("same_as_id")
        batch_op.drop_column("duplicate_of_id")
        batch_op.drop_column("decline_note")
        batch_op.drop_column("decline_reason")
        batch_op.drop_column("routed_at")
        batch_op.drop_column("officer_id")
        batch_op.drop_column("service_area_id")
        batch_op.drop_column("moderated_at")
        batch_op.drop_column("moderated_by_id")
        batch_op.drop_column("shared_text")

    with op.batch_alter_table("submission_promise", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_promise_promise_id"))

    op.drop_table("submission_promise")
    with op.batch_alter_table("redaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_redaction_submission_id"))

    op.drop_table("redaction")
    with op.batch_alter_table("service_area_officer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_area_officer_user_id"))

    op.drop_table("service_area_officer")
    op.drop_table("service_area")
    op.drop_table("promise")
