"""Small fixtures (DESIGN.md §11): app, client, make_user(role), signed_in(role).

Each test gets a new app and an empty schema: a SQLite file in a temporary folder, or, when
tests/postgres.sh has started a server, a real PostgreSQL database.

The test body runs inside one app context, so it can use db.session and the models; each
test-client request gets an app context, `g` and database session of its own, as in production.
"""

import contextvars
import functools
import gc
import os
import re
import shutil
from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, text, update
from sqlalchemy.engine import make_url

from tests import compiled_once
from voice import clock, create_app
from voice.auth import mfa as two_step
from voice.auth import services as accounts
from voice.auth.models import Role, User
from voice.extensions import db

compiled_once.install()  # templates and URL builders: compiled once per process, not per app

PASSWORD = "correct horse battery staple"
TRANSLATIONS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "translations")


def pytest_configure(config):
    """Build the .mo files from the .po files, as `make install` does, so running pytest
    straight after editing a translation tests the new wording. Under pytest-xdist only the
    controller writes them, before it starts the workers, so no worker reads a half-written
    file."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for language in os.listdir(TRANSLATIONS) if os.path.isdir(TRANSLATIONS) else ():
        po = os.path.join(TRANSLATIONS, language, "LC_MESSAGES", "messages.po")
        mo = po[:-2] + "mo"
        if os.path.exists(po) and (
            not os.path.exists(mo) or os.path.getmtime(mo) < os.path.getmtime(po)
        ):
            with open(po, "rb") as source, open(mo, "wb") as target:
                write_mo(target, read_po(source, locale=language))


@pytest.hookimpl(wrapper=True)
def pytest_collection(session):
    """Collecting imports every test module and the Voice modules they use, objects that live
    until the run ends: the cycle collector waits while they are made (it walked them over and
    over for nothing), and they are then moved out of its sight, so each full collection during
    the run looks only at what the tests made, not again at every module and function.

    The youngest generation is then collected after 10,000 new objects, not Python's 700: each
    test makes apps, sessions and pages by the thousand, and at 700 the collector ran a full
    collection every few seconds of tests, each walking everything the tests still held
    (bench/RESULTS.md)."""
    gc.disable()
    try:
        return (yield)
    finally:
        gc.freeze()
        gc.set_threshold(10_000, 10, 10)
        gc.enable()


def postgresql_url():
    """The PostgreSQL database tests/postgres.sh made, or None. Each pytest-xdist worker gets
    a database of its own on that server, as each gets its own temporary folder for SQLite."""
    url = os.environ.get("VOICE_TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    return _database_of(url, worker) if url and worker else url


@functools.cache
def _database_of(url, worker):
    own = make_url(url).set(database=f"{make_url(url).database}_{worker}")
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{own.database}"'))
        connection.execute(text(f'CREATE DATABASE "{own.database}"'))
    server.dispose()
    return own.render_as_string(hide_password=False)


class OneEngineForTheWorkersDatabase:
    """Each test's app makes its own engine, and on PostgreSQL a new engine means a new
    connection, hence a new server backend that must fill its catalog caches again, plus the
    driver's and the dialect's set-up of every new connection: most of what a short test cost
    there beyond SQLite. So, in tests only, every app of a process that asks for the worker's
    own PostgreSQL database with the same engine options gets the same engine, and with it the
    same pooled connections (SQLite files and any other database keep an engine per app).

    Sharing is safe: an engine holds no state of an app (Voice's engine events are set on
    the Engine class, once), each request and test still gets its own session, and a pooled
    connection is rolled back when it comes back. Tests may still dispose it: the engine then
    simply connects again."""

    def __init__(self, make_engine):
        self.make_engine = make_engine
        self.kept = {}

    def __call__(self, bind_key, options, app):
        url = postgresql_url()
        if url is None or make_url(options["url"]) != make_url(url):
            return self.make_engine(bind_key, options, app)
        key = repr(sorted(options.items(), key=lambda item: item[0]))
        if key not in self.kept:
            self.kept[key] = self.make_engine(bind_key, options, app)
        return self.kept[key]

    def keeps(self, engine):
        return engine in self.kept.values()


db._make_engine = one_engine = OneEngineForTheWorkersDatabase(db._make_engine)


def settings_for(tmp_path, **extra):
    uri = postgresql_url() or f"sqlite:///{tmp_path / 'voice.sqlite3'}"
    return {
        "INSTANCE_PATH": str(tmp_path),
        "ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "test secret key, not for use anywhere else at all",
        "REFERENCE_CODE_KEY": "test reference code key, not for use anywhere else",
        "SQLALCHEMY_DATABASE_URI": uri,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        # Hundreds of hashes per run: argon2's real settings would cost minutes on 2 cores.
        "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 64, "parallelism": 1},
        **extra,
    }


@pytest.fixture
def config(tmp_path):
    """Override in a test module (or parametrize) to change settings."""
    return settings_for(tmp_path)


class FreshContextClient(FlaskClient):
    """Flask reuses an app context already pushed (the test's) for a request, and with it `g`:
    a CSRF check, the signed-in user or a gzip mark would carry over to the next request. Run
    each request in an empty contextvars.Context, as a new server thread starts, so Flask
    pushes a fresh app context (and Flask-SQLAlchemy a fresh session) and pops it afterwards."""

    def run_wsgi_app(self, environ, buffered=False):
        response = contextvars.Context().run(super().run_wsgi_app, environ, buffered)
        if has_app_context():  # the test's own session: read what the request committed
            db.session.expire_all()
        return response


@pytest.fixture
def new_app(config):
    """An app made from `config`, its app context pushed for the test."""
    app = create_app(config)
    app.test_client_class = FreshContextClient
    with app.app_context():
        yield app
        db.session.remove()
        if not one_engine.keeps(db.engine):
            db.engine.dispose()


@pytest.fixture
def bare_app(new_app):
    """An app whose database has no tables yet (for migration tests)."""
    if postgresql_tables.kept:  # the tables the last test left for the next one
        db.drop_all()
    yield new_app
    postgresql_tables.dropped()  # a migration test may leave anything behind


@pytest.fixture(scope="session")
def sqlite_schema(tmp_path_factory):
    """An empty SQLite database with every table, made once per run. A test copies the file
    (about a millisecond) instead of running create_all and drop_all (about 70 ms of CPU and
    a burst of disk writes each time, for every one of hundreds of tests)."""
    path = tmp_path_factory.mktemp("schema") / "voice.sqlite3"
    schema = create_app(settings_for(path.parent, SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}"))
    with schema.app_context():
        db.create_all()
        db.engine.dispose()  # the last connection to close folds the WAL into the file
    return path


def sqlite_file():
    """The app's SQLite file, or None (PostgreSQL, or SQLite in memory)."""
    url = db.engine.url
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return url.database
    return None


class PostgresqlTables:
    """A worker's PostgreSQL tables, made once and emptied after each test, instead of
    create_all and drop_all for every test (DDL on three dozen tables costs the server far
    more than deleting the few rows a test wrote).

    `kept` says the tables exist and are empty, as the last test using `app` left them.
    Anything that drops tables (a module's own app, a migration test) makes it False, and the
    next test then makes them afresh, as every test did before."""

    kept = False
    in_use = False  # by the running test, since ready(); False again if it drops them

    def ready(self):
        if not self.kept:
            # Pooled connections may hold statements psycopg prepared for the old tables.
            db.engine.dispose()
            db.drop_all()  # whatever something else left, then a schema as create_all makes it
            db.create_all()
        self.kept, self.in_use = False, True

    def dropped(self):
        self.kept = self.in_use = False

    def empty(self):
        if not self.in_use:  # the test dropped them itself (through another app)
            return
        self.in_use = False
        empty_postgresql()
        self.kept = True


def empty_postgresql():
    """Delete every row, children before parents, and restart every id at 1, as in a new
    database. One round trip: psycopg sends a query without parameters as it stands."""
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute(_emptying_sql(tuple(db.metadata.tables)))
        raw.commit()
    finally:
        raw.close()


@functools.cache
def _emptying_sql(_table_names):
    """The emptying script for this set of tables, written once: sorting the tables by their
    foreign keys again after every test was work for nothing."""
    tables = reversed(db.metadata.sorted_tables)
    sql = "".join(f'DELETE FROM "{table.name}";' for table in tables)
    return sql + "SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S';"


postgresql_tables = PostgresqlTables()


@event.listens_for(db.metadata, "after_drop")
def _tables_dropped(*_args, **_kwargs):
    postgresql_tables.dropped()


def _without_tables(path):
    """True when the SQLite file is missing or has no tables yet. Pushing an app context
    reads the council's settings (voice/admin/council.py), which opens, and so makes, the file
    before this fixture runs: an existing file is not proof that anything set it up."""
    if not os.path.exists(path):
        return True
    with db.engine.connect() as connection:
        return not connection.scalar(text("SELECT count(*) FROM sqlite_master"))


def _copy_schema(schema, path):
    """Put the ready-made schema in place of an empty file (closing its connections first)."""
    db.session.remove()
    db.engine.dispose()
    for leftover in (path, path + "-wal", path + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    shutil.copyfile(schema, path)


@pytest.fixture
def app(new_app, request):
    path = sqlite_file()
    copied = path is not None and _without_tables(path)
    postgresql = db.engine.url.get_backend_name() == "postgresql"
    if copied:
        _copy_schema(request.getfixturevalue("sqlite_schema"), path)
    elif postgresql:
        postgresql_tables.ready()
    else:  # a database something already opened
        db.create_all()
    yield new_app
    db.session.remove()
    if postgresql:
        postgresql_tables.empty()
    elif not copied:
        db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    """make_user("officer") -> a user with two-step sign-in already set up (mfa=False: the
    person will be asked to set it up at their first sign-in)."""
    counter = iter(range(1, 10_000))

    def make(role="worker", email=None, password=PASSWORD, active=True, name="", mfa=True):
        role = Role(role)
        email = email or f"{role.value}{next(counter)}@example.org"
        user = accounts.create_user(email, role, password, name=name)
        if mfa:
            two_step.enrol(user)
        user.active = active
        db.session.commit()
        return user

    return make


@pytest.fixture
def people(make_user):
    """The staff of one case: the worker who moderates it, the officer who answers and the lead
    of the area (a module with other people defines its own `people`)."""
    return {
        "worker": make_user("worker", name="Sam Patel"),
        "officer": make_user("officer", name="Jordan Reid"),
        "lead": make_user("officer", name="Lee Lead"),
    }


@pytest.fixture
def officer(make_user):
    """An officer who answers for, and leads, the "Leaving care service" area (a module whose
    officer is set up otherwise defines its own `officer`)."""
    from voice.areas.services import ensure_area

    officer = make_user("officer", name="Jordan Reid")
    ensure_area("Leaving care service", lead=officer, officers=[officer])
    db.session.commit()
    return officer


@pytest.fixture
def tick(app, monkeypatch):
    """tick(day) runs `flask tick` as cron would on that day, at 7am; returns its output."""
    runner = app.test_cli_runner()

    def run(day):
        at = datetime.combine(day, datetime.min.time()) + timedelta(hours=7)
        monkeypatch.setattr(clock, "utcnow", lambda: at)
        result = runner.invoke(args=["tick"])
        assert result.exit_code == 0, result.output
        return result.output

    return run


def code_for(user):
    """The code the person's authenticator app shows now (by the app's clock, which tests
    may move)."""
    return pyotp.TOTP(user.mfa_secret).at(clock.utcnow().replace(tzinfo=UTC))


def allow_this_code_again(user):
    """Each code works once, but a test signs in many times within one 30-second step; this
    forgets the last step used, as if the next sign-in came half a minute later."""
    db.session.execute(update(User).where(User.id == user.id).values(mfa_last_step=None))
    db.session.commit()


def enter_code(client, user, location, code=None):
    """The second step: open the page the password step sent us to, type the code, send it."""
    match = re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"',
        client.get(location).get_data(as_text=True),
    )
    data = {"code": code or code_for(user)}
    if match:
        data["csrf_token"] = match.group(1)
    return client.post(location, data=data)


@pytest.fixture
def sign_in(client):
    """Both steps, as a person does them: the password, then a fresh code from their app.
    Returns the last response: the password step's if that was refused."""

    def sign_in_as(user, password=PASSWORD, email=None, next=None, csrf_token=None):
        data = {"email": email or user.email, "password": password}
        if csrf_token:
            data["csrf_token"] = csrf_token
        first = client.post("/staff/login" + (f"?next={next}" if next else ""), data=data)
        if first.status_code != 302 or first.location != "/staff/sign-in/code":
            return first
        allow_this_code_again(user)
        return enter_code(client, user, first.location)

    return sign_in_as


@pytest.fixture
def signed_in(make_user, sign_in):
    """signed_in("officer") -> the user, with the test client signed in as them."""

    def as_role(role):
        user = make_user(role)
        response = sign_in(user)
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    return as_role


def page(response):
    """A test client's response as the text of its page."""
    return response.get_data(as_text=True)


def csrf_token_from(html):
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)


@pytest.fixture
def weak_check(monkeypatch):
    """A check that gives WEAK_WORDS a weaker sign and anything else none: what a weak sign
    does is tested apart from what the trained model scores a wording (retraining moves it)."""

    from tests.submissions_helpers import WEAK_WORDS
    from voice.submissions import disclosure
    from voice.submissions.disclosure import Assessment, Strength

    def assess(text):
        if WEAK_WORDS in (text or ""):
            return Assessment(Strength.WEAK, "neglect", ("skip meals",))
        return Assessment(Strength.NONE, None)

    monkeypatch.setattr(disclosure, "assess", assess)
