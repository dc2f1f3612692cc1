"""Small fixtures (DESIGN.md §11): app, client, make_user(role), signed_in(role).

Each test gets a new app and an empty schema: a SQLite file in a temporary folder, or, when
tests/postgres.sh has started a server, a real PostgreSQL database.
"""
import os
import re

import pytest

from voice import create_app
from voice.auth import services as accounts
from voice.auth.models import Role
from voice.extensions import db

PASSWORD = "correct horse battery staple"


def settings_for(tmp_path, **extra):
    uri = os.environ.get("VOICE_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'voice.sqlite3'}"
    return {
        "INSTANCE_PATH": str(tmp_path),
        "ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "test secret key, not for use anywhere else",
        "SQLALCHEMY_DATABASE_URI": uri,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        **extra,
    }


@pytest.fixture
def config(tmp_path):
    """Override in a test module (or parametrize) to change settings."""
    return settings_for(tmp_path)


@pytest.fixture
def bare_app(config):
    """An app whose database has no tables yet (for migration tests)."""
    app = create_app(config)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def app(bare_app):
    db.create_all()
    yield bare_app
    db.session.remove()
    db.drop_all()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    counter = iter(range(1, 10_000))

    def make(role="worker", email=None, password=PASSWORD, active=True, name=""):
        role = Role(role)
        email = email or f"{role.value}{next(counter)}@example.org"
        user = accounts.create_user(email, role, password, name=name)
        user.active = active
        db.session.commit()
        return user

    return make


@pytest.fixture
def sign_in(client):
    def sign_in_as(user, password=PASSWORD):
        return client.post("/staff/login", data={"email": user.email, "password": password})

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


def csrf_token_from(html):
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match.group(1)
