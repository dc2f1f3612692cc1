"""Bad input never gives a bare error or a stack trace: each gets a page written for people."""

import pytest
from flask import abort

from tests.conftest import settings_for
from voice import create_app
from voice.extensions import db


def text(response):
    return response.get_data(as_text=True)


def test_an_unknown_address_gets_a_friendly_page(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "We can&#39;t find that page" in text(response)
    assert 'href="/"' in text(response)


def test_a_huge_post_is_turned_away_kindly(client):
    response = client.post("/staff/login", data={"email": "a@b.org", "password": "x" * (5 << 20)})
    assert response.status_code == 413
    assert "too much to send in one go" in text(response)


def test_the_wrong_method_is_not_a_crash(client):
    response = client.get("/staff/logout")
    assert response.status_code == 405
    assert "<h1>" in text(response)


@pytest.fixture
def fragile_app(tmp_path):
    app = create_app(settings_for(tmp_path, PROPAGATE_EXCEPTIONS=False))

    @app.route("/boom")
    def boom():
        raise ZeroDivisionError("a bug")

    @app.route("/teapot")
    def teapot():
        abort(418)

    return app


def test_a_bug_shows_a_calm_page_and_no_traceback(fragile_app, caplog):
    response = fragile_app.test_client().get("/boom")
    assert response.status_code == 500
    assert "something went wrong on our side" in text(response)
    assert "ZeroDivisionError" not in text(response) and "Traceback" not in text(response)
    assert "ZeroDivisionError" in caplog.text  # but the team can see it in the log


def test_an_unusual_http_error_still_gets_a_page(fragile_app):
    response = fragile_app.test_client().get("/teapot")
    assert response.status_code == 400 and "<h1>" in text(response)


def test_too_many_sign_in_attempts_get_a_slow_down_page(tmp_path):
    app = create_app(settings_for(tmp_path, RATELIMIT_ENABLED=True))
    client = app.test_client()
    with app.app_context():
        db.create_all()
    statuses = [
        client.post("/staff/login", data={"email": "a@b.org", "password": "guess" * 3}).status_code
        for _ in range(25)
    ]
    assert statuses[0] == 200 and statuses[-1] == 429
    assert "slow down" in text(client.post("/staff/login", data={}))
    assert client.get("/staff/login").status_code == 200  # reading the page is not limited
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.mark.db
def test_health_check_answers_ok_with_the_database(client):
    from voice.themes.services import ensure_default_themes

    ensure_default_themes()  # a council that has set up its topics
    db.session.commit()
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok", "open": True}


def test_health_check_answers_503_without_the_database(tmp_path):
    app = create_app(
        settings_for(
            tmp_path, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/folder/db.sqlite3"
        )
    )
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    with app.app_context():
        db.engine.dispose()
