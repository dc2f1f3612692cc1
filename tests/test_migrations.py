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
