"""the short form's face kept as the message's feeling, not in its words; the board counts it

Revision ID: e3f1a6b2c9d4
Revises: d7e2f4a9b1c6
Create Date: 2026-12-06 10:10:00

"""

import re

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

# revision identifiers, used by Alembic.
revision = "e3f1a6b2c9d4"
down_revision = "d7e2f4a9b1c6"
branch_labels = None
depends_on = None

FEELINGS = ("happy", "ok", "worried", "sad", "cross")
# What the short form wrote before this revision: "Feels: worried", then the young person's
# words (if any) after a blank line. Its other answers were always these, so a long-form
# message that happens to start with the same words is left alone.
FACE_LINE = re.compile(r"Feels: (happy|OK|worried|sad|cross)(?:\n\n(.*))?\Z", re.DOTALL)
SHORT_FORM = "kind = 'view' AND audience = 'not_sure' AND reply_by = 'code' AND source = 'online'"


def upgrade():
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("feeling", sa.Enum(*FEELINGS, name="feeling", native_enum=False, length=7))
        )
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            f"SELECT id, message, shared_text FROM submission WHERE {SHORT_FORM} "
            "AND message LIKE 'Feels: %'"
        )
    ).all()
    for sid, message, shared_text in rows:
        found = FACE_LINE.match(message)
        if found is None:
            continue
        bind.execute(
            sa.text(
                "UPDATE submission SET feeling = :feeling, message = :message, "
                "shared_text = :shared WHERE id = :id"
            ),
            {
                "feeling": found.group(1).lower(),
                "message": found.group(2) or "",
                "shared": _without_face(shared_text),
                "id": sid,
            },
        )
    # The board's totals count feelings from now on: built again, with the ones just found.
    from voice.board import rollup

    session = Session(bind=bind)
    rollup.rebuild(session)
    session.flush()


def _without_face(shared_text):
    """The worker's shared version started as the message, face line and all."""
    if shared_text is None:
        return None
    found = FACE_LINE.match(shared_text)
    return (found.group(2) or "") if found else shared_text


def downgrade():
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, feeling, message FROM submission WHERE feeling IS NOT NULL")
    ).all()
    for sid, feeling, message in rows:
        face = "Feels: " + ("OK" if feeling == "ok" else feeling)
        bind.execute(
            sa.text("UPDATE submission SET message = :message WHERE id = :id"),
            {"message": f"{face}\n\n{message}" if message else face, "id": sid},
        )
    bind.execute(sa.text("DELETE FROM board_count WHERE figure = 'feeling'"))
    with op.batch_alter_table("submission", schema=None) as batch_op:
        batch_op.drop_column("feeling")
