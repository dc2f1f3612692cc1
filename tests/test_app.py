"""The app factory: configuration layers, database settings and start-up refusals."""

import os

import pytest
from sqlalchemy import text

from tests.conftest import settings_for
from voice import create_app
from voice.extensions import db


def test_layers_apply_in_order(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        "COUNCIL_NAME = 'Instance'\nPROXY_COUNT = 1\nSECRET_KEY = 'from instance'\n"
    )
    monkeypatch.setenv("VOICE_COUNCIL_NAME", "Environment")
    settings = settings_for(tmp_path)
    del settings["SECRET_KEY"]
    app = create_app(settings)
    assert app.config["COUNCIL_NAME"] == "Environment"  # environment beats instance file
    assert app.config["PROXY_COUNT"] == 1  # instance file beats defaults
    assert app.config["SECRET_KEY"] == "from instance"
    app = create_app({**settings, "COUNCIL_NAME": "Test dict"})
    assert app.config["COUNCIL_NAME"] == "Test dict"  # the dict given to create_app is last


def test_environment_values_are_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("VOICE_RATELIMIT_ENABLED", "false")
    settings = settings_for(tmp_path)
    del settings["RATELIMIT_ENABLED"]
    assert create_app(settings).config["RATELIMIT_ENABLED"] is False


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("VOICE_SECRET_KEY", raising=False)
    settings = settings_for(tmp_path, ENV="production")
    del settings["SECRET_KEY"]
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app(settings)


def test_production_cookies_are_secure(tmp_path):
    app = create_app(settings_for(tmp_path, ENV="production"))
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


@pytest.mark.parametrize("given", ["postgres://u:p@db/voice", "postgresql://u:p@db/voice"])
def test_postgres_urls_use_psycopg_3(tmp_path, given):
    app = create_app(settings_for(tmp_path, SQLALCHEMY_DATABASE_URI=given))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u:p@db/voice"


def test_database_url_is_read_when_voice_setting_is_absent(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db/from_env")
    app = create_app(settings_for(tmp_path, SQLALCHEMY_DATABASE_URI=None))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/from_env"


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(settings_for(tmp_path, SQLALCHEMY_DATABASE_URI=None))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'voice.sqlite3'}"


def test_sqlite_connections_get_wal_foreign_keys_and_busy_timeout(tmp_path):
    app = create_app(settings_for(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/p.db"))
    with app.app_context():
        for _ in range(2):  # a second, fresh connection gets them too
            with db.engine.connect() as conn:
                assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
                assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
                assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
            db.engine.dispose()


def test_creating_the_app_does_not_touch_the_schema(tmp_path):
    """Migrations never run inside create_app: a new app over an empty database adds nothing."""
    app = create_app(settings_for(tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/e.db"))
    with app.app_context():
        tables = db.session.execute(text("SELECT name FROM sqlite_master")).scalars().all()
    assert tables == []


@pytest.mark.db
def test_the_suite_runs_on_the_database_it_was_given(app):
    """make test runs this file twice; this proves the second run really used PostgreSQL."""
    wanted = "postgresql" if "VOICE_TEST_DATABASE_URL" in os.environ else "sqlite"
    assert db.engine.dialect.name == wanted
    if wanted == "postgresql":
        assert db.session.execute(text("SELECT version()")).scalar().startswith("PostgreSQL")
