"""Extensions live here unbound; create_app binds them (cookiecutter-flask's layout).

Keeping them apart from the factory lets models and blueprints import `db` without importing
the app, which is what makes the factory testable with a fresh app per test.
"""

import sqlite3

from flask import current_app, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from voice import clock

# Constraint names must be stable so that Alembic can drop and alter them on SQLite
# (batch mode) and PostgreSQL alike; unnamed constraints get server-chosen names.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SendLimiter(Limiter):
    """Flask-Limiter counting sends only: every limit is on a POST (a message, a code tried,
    a sign-in, a "me too"), so a read never asks it anything. Left to itself it worked out,
    twice per request, that no limit applied to a read, which took a fifth of a fresh GET
    /share's time."""

    def limit(self, limit_value, *, methods=("POST",), **options):
        if {"GET", "HEAD"} & {method.upper() for method in methods}:
            raise ValueError("limits are counted on sends only (SendLimiter)")
        return super().limit(limit_value, methods=list(methods), **options)

    def init_app(self, app):
        was_enabled = self.enabled
        super().init_app(app)
        self.enabled = self.enabled or was_enabled  # each app's own setting is asked below

    def _check_request_limit(self, *args, **kwargs):
        # Flask-Limiter keeps `enabled` on this one shared object, set by whichever app was
        # made last: ask the app serving the request, so two apps in one process (a test's
        # live server beside an app made with limits on) each keep their own setting.
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return
        if current_app.config.get("RATELIMIT_ENABLED"):
            super()._check_request_limit(*args, **kwargs)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = SendLimiter(key_func=get_remote_address)
babel = Babel()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """SQLite forgets these per connection, so set them on every new one.

    WAL lets readers carry on while gunicorn workers write; foreign keys are off by default
    in SQLite; the busy timeout makes a second writer wait instead of failing at once.
    """
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def insert_once(model):
    """INSERT … ON CONFLICT DO NOTHING, which SQLite and PostgreSQL both have, each in its own
    dialect's words. A row that a unique key already holds (a double tap, a second send, two
    ticks at once) is simply not inserted: no error, so nothing else the caller has done in
    its transaction is rolled back, and a racing second insert waits for the first."""
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(model).on_conflict_do_nothing()


def spend_once(row):
    """Mark a one-use row (a staff link, a recovery code) used, in one conditional UPDATE of
    its used_at, so two tabs or two taps at once cannot both use it: True for the one that
    did. The row is expired, so it reads its new used_at."""
    model = type(row)
    result = db.session.execute(
        update(model)
        .where(model.id == row.id, model.used_at.is_(None))
        .values(used_at=clock.utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.expire(row)
    return result.rowcount == 1


def enum_column(enum_cls):
    """Store an enum by its value as plain text: readable in SQL, the same on SQLite and
    PostgreSQL, and a new value needs no ALTER TYPE."""
    from sqlalchemy import Enum

    return Enum(
        enum_cls,
        native_enum=False,
        length=max(len(m.value) for m in enum_cls),
        values_callable=lambda members: [m.value for m in members],
    )


PER_PROCESS_LIMITS = (
    "Rate limits are counted in memory:// by each of %s gunicorn workers, so each one lets "
    "through the whole limit: a guesser gets %s times as many tries. Set "
    "VOICE_RATELIMIT_STORAGE_URI=redis://... (see docs/deploy.md)."
)


def warn_if_limits_counted_per_process(app, workers):
    """In production, say at start-up when limits are kept in each worker's memory while
    several workers serve; gunicorn.conf.py calls this with gunicorn's own worker count."""
    config = app.config
    per_process = str(config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory://")
    if (
        config.get("ENV") == "production"
        and config.get("RATELIMIT_ENABLED")
        and per_process
        and workers > 1
    ):
        app.logger.warning(PER_PROCESS_LIMITS, workers, workers)
        return True
    return False
