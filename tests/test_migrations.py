"""The migrations build exactly the schema the models describe, and take it down again."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from voice.extensions import db

pytestmark = pytest.mark.db


def differences():
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def table_names():
    return set(inspect(db.engine).get_table_names()) - {"alembic_version"}


def test_upgrade_from_empty_matches_the_models_and_downgrade_removes_it(bare_app):
    assert table_names() == set()
    upgrade()
    assert table_names() == set(db.metadata.tables)
    assert differences() == []
    downgrade(revision="base")
    assert table_names() == set()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")


def test_the_upgrade_forgets_what_the_outbox_held_for_cases_erased_before_it(bare_app):
    """Erasure and purge only forget a case's notifications from 1eaa9642f34c on; the
    upgrade does it for the cases erased or purged before that."""
    from sqlalchemy import select

    from tests.submissions_helpers import make_submission
    from voice.clock import utcnow
    from voice.notifications.models import Notification
    from voice.notifications.outbox import queue
    from voice.privacy.services import ERASED, PURGED

    upgrade()
    erased, purged, kept = (make_submission() for _ in range(3))
    erased.message, purged.message = ERASED, PURGED
    for submission in (erased, purged, kept):
        queue("news_for_young_person", f"submission:{submission.id}")
        went = queue(
            "news_for_young_person", f"submission:{submission.id}", {"submission_id": submission.id}
        )
        went.sent_at = utcnow()
    db.session.commit()
    downgrade(revision="23042faa1e1a")
    upgrade()
    db.session.expire_all()
    rows = db.session.execute(
        select(
            Notification.recipient, Notification.payload, Notification.sent_at.is_not(None)
        ).order_by(Notification.id)
    ).all()
    own = f"submission:{kept.id}"
    assert rows == [
        ("erased", {}, True),
        ("erased", {}, True),
        (own, {}, False),
        (own, {"submission_id": kept.id}, True),
    ]
    db.session.remove()
    downgrade(revision="base")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")


def test_the_upgrade_takes_the_face_out_of_short_form_words_and_the_board_counts_it(bare_app):
    """Before e3f1a6b2c9d4 the short form wrote the face into the message ("Feels: worried",
    then any words after a blank line). Up again, the face is the message's feeling, the text
    is only what the young person wrote, the worker's shared version loses the face line too,
    a long-form message that starts the same way is left alone, and the board counts faces."""
    from sqlalchemy import select, text

    from tests.submissions_helpers import make_submission
    from voice.board.models import BoardCount
    from voice.submissions.models import Audience, Feeling, Submission

    upgrade()
    short = {"audience": Audience.NOT_SURE}
    face_only = make_submission("", feeling=Feeling.WORRIED, **short).id
    with_words = make_submission("My bus is late.", feeling=Feeling.OK, **short).id
    long_form = make_submission("Feels: happy").id  # typed by a young person on /share
    db.session.remove()
    downgrade(revision="d7e2f4a9b1c6")
    with db.engine.begin() as conn:
        words = dict(conn.execute(text("SELECT id, message FROM submission")).all())
        conn.execute(text(f"UPDATE submission SET shared_text = message WHERE id = {with_words}"))
    assert words == {
        face_only: "Feels: worried",
        with_words: "Feels: OK\n\nMy bus is late.",
        long_form: "Feels: happy",
    }
    upgrade()
    rows = db.session.execute(
        select(Submission.id, Submission.feeling, Submission.message, Submission.shared_text)
    ).all()
    assert sorted(rows) == [
        (face_only, Feeling.WORRIED, "", None),
        (with_words, Feeling.OK, "My bus is late.", "My bus is late."),
        (long_form, None, "Feels: happy", None),
    ]
    counted = db.session.execute(
        select(BoardCount.k1, BoardCount.n).where(
            BoardCount.figure == "feeling", BoardCount.theme == 0
        )
    ).all()
    assert sorted(counted) == [("", 1), ("ok", 1), ("worried", 1)]
    db.session.remove()
    downgrade(revision="base")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
