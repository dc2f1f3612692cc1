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
