"""submissions, themes and the notification outbox

Revision ID: 2e39c1926430
Revises: 5e3df07c1216
Create Date: 2026-11-23 14:24:13.209090

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "2e39c1926430"
down_revision = "5e3df07c1216"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=60), nullable=False),
        sa.Column(
            "urgency",
            sa.Enum("normal", "urgent", name="urgency", native_enum=False),
            nullable=False,
        ),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification")),
    )
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notification_sent_at"), ["sent_at"], unique=False)

    op.create_table(
        "submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("form_token", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("view", "question", "idea", name="kind", native_enum=False),
            nullable=False,
        ),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "audience",
            sa.Enum(
                "cicc",
                "care_leavers_forum",
                "board",
                "not_sure",
                name="audience",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=40), nullable=True),
        sa.Column(
            "age_band",
            sa.Enum("11-13", "14-15", "16-17", "18-21", "22-25", name="ageband", native_enum=False),
            nullable=True,
        ),
        sa.Column(
            "care_status",
            sa.Enum("in_care", "care_leaver", name="carestatus", native_enum=False),
            nullable=True,
        ),
        sa.Column(
            "reply_by",
            sa.Enum("code", "worker", "text", "email", name="replyby", native_enum=False),
            nullable=False,
        ),
        sa.Column("consent_publish", sa.Boolean(), nullable=False),
        sa.Column("consent_quote", sa.Boolean(), nullable=False),
        sa.Column("wants_advocate", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "new",
                "moderated",
                "declined",
                "with_officer",
                "response_ready",
                "answered",
                "follow_up",
                "closed",
                "withdrawn",
                "safeguarding",
                name="status",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("safeguarding", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submission")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_submission_code_hash")),
        sa.UniqueConstraint("form_token", name=op.f("uq_submission_form_token")),
    )
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.create_index("ix_submission_created_at", ["created_at"], unique=False)
        batch_op.create_index(
            "ix_submission_status_created_at", ["status", "created_at"], unique=False
        )

    op.create_table(
        "theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("emoji", sa.String(length=8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_theme")),
        sa.UniqueConstraint("slug", name=op.f("uq_theme_slug")),
    )
    op.create_table(
        "contact",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum("code", "worker", "text", "email", name="replyby", native_enum=False),
            nullable=False,
        ),
        sa.Column("value", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_contact_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("submission_id", name=op.f("pk_contact")),
    )
    op.create_table(
        "status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "new",
                "moderated",
                "declined",
                "with_officer",
                "response_ready",
                "answered",
                "follow_up",
                "closed",
                "withdrawn",
                "safeguarding",
                name="status",
                native_enum=False,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "new",
                "moderated",
                "declined",
                "with_officer",
                "response_ready",
                "answered",
                "follow_up",
                "closed",
                "withdrawn",
                "safeguarding",
                name="status",
                native_enum=False,
            ),
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["by_id"], ["user.id"], name=op.f("fk_status_change_by_id_user")),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_status_change_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_change_submission_id"), ["submission_id"], unique=False
        )

    op.create_table(
        "submission_theme",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"],
            ["submission.id"],
            name=op.f("fk_submission_theme_submission_id_submission"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["theme_id"], ["theme.id"], name=op.f("fk_submission_theme_theme_id_theme")
        ),
        sa.PrimaryKeyConstraint("submission_id", "theme_id", name=op.f("pk_submission_theme")),
    )
    with op.batch_alter_table("submission_theme", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submission_theme_theme_id"), ["theme_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("submission_theme", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submission_theme_theme_id"))

    op.drop_table("submission_theme")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_submission_id"))

    op.drop_table("status_change")
    op.drop_table("contact")
    op.drop_table("theme")
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_index("ix_submission_status_created_at")
        batch_op.drop_index("ix_submission_created_at")

    op.drop_table("submission")
    with op.batch_alter_table("notification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_sent_at"))
        batch_op.drop_index(batch_op.f("ix_notification_created_at"))

    op.drop_table("notification")
