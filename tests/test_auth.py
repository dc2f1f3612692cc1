"""Staff sign-in and sign-out, as staff would notice them."""

import re
from datetime import timedelta

import pytest

from tests.conftest import PASSWORD, code_for, csrf_token_from, page
from voice import clock, create_app
from voice.auth.models import User
from voice.auth.services import ACCOUNT_OFF, WRONG_DETAILS
from voice.extensions import db
from voice.forms import TIMED_OUT

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def test_signing_in_takes_staff_to_their_page(client, make_user, sign_in):
    user = make_user("officer", name="Jordan Reid")
    response = sign_in(user, email=user.email.upper())
    assert response.status_code == 302 and response.location == "/staff/"
    assert "Hello, Jordan Reid" in page(client.get("/staff/"))


def test_wrong_password_and_unknown_email_get_the_same_kind_message(client, make_user):
    user = make_user("worker")
    wrong = client.post("/staff/login", data={"email": user.email, "password": "not it at all"})
    unknown = client.post(
        "/staff/login", data={"email": "nobody@example.org", "password": "x" * 12}
    )
    for response in (wrong, unknown):
        assert response.status_code == 200
        assert WRONG_DETAILS.replace("'", "&#39;") in page(response)
        assert "Error: Sign in" in page(response)  # the title says so, for screen readers
    assert client.get("/staff/").status_code == 302  # still signed out


def test_an_empty_form_says_what_is_missing(client):
    response = client.post("/staff/login", data={})
    assert "Enter your e-mail address." in page(response)
    assert "Enter your password." in page(response)
    assert 'href="#email"' in page(response)  # the summary links to the field


def test_a_switched_off_account_is_told_so_only_with_the_right_password(client, make_user):
    user = make_user("board", active=False)
    right = client.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert "switched off" in page(right)
    assert ACCOUNT_OFF.split(".")[0] in page(right)
    wrong = client.post("/staff/login", data={"email": user.email, "password": "wrong password!"})
    assert "switched off" not in page(wrong)


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app, client, signed_in):
    signed_in("worker")
    stolen = client.get_cookie("voice_session").value
    assert client.post("/staff/logout").status_code == 302
    assert client.get("/staff/").status_code == 302
    thief = app.test_client()
    thief.set_cookie("voice_session", stolen)
    response = thief.get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.location


def test_switching_off_an_account_ends_its_sessions_at_once(client, signed_in):
    from voice.auth import services

    user = signed_in("officer")
    assert client.get("/staff/").status_code == 200
    services.disable_user(user)
    db.session.commit()
    assert client.get("/staff/").status_code == 302


def test_sign_in_follows_next_only_within_the_site(client, make_user, sign_in):
    user = make_user("admin")
    assert sign_in(user, next="/staff/").location == "/staff/"
    client.post("/staff/logout")
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert sign_in(user, next=evil).location == "/staff/"
        client.post("/staff/logout")


def test_a_signed_in_person_visiting_sign_in_goes_to_their_page(client, signed_in):
    signed_in("worker")
    assert client.get("/staff/login").location == "/staff/"


def test_a_timed_out_sign_in_page_keeps_the_email_and_says_why(app, client, make_user, sign_in):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user("worker")
    response = client.post(
        "/staff/login",
        data={"email": user.email, "password": PASSWORD, "csrf_token": "expired-or-forged"},
    )
    assert response.status_code == 200
    assert TIMED_OUT.split(",")[0] in page(response)
    assert f'value="{user.email}"' in page(response)
    assert client.get("/staff/").status_code == 302  # not signed in by a forged post
    token = csrf_token_from(page(response))
    retry = sign_in(user, csrf_token=token)  # the password, then the code, both with tokens
    assert retry.status_code == 302 and retry.location == "/staff/"


def test_sign_out_needs_a_valid_token(app, client, signed_in):
    signed_in("worker")
    app.config["WTF_CSRF_ENABLED"] = True
    client.post("/staff/logout", data={"csrf_token": "forged"})
    assert client.get("/staff/").status_code == 200  # a forged post does not sign anyone out
    token = csrf_token_from(page(client.get("/staff/")))
    client.post("/staff/logout", data={"csrf_token": token})
    assert client.get("/staff/").status_code == 302


# --- Pausing sign-in after repeated failures ---------------------------------------------------


def error_summary(response):
    match = re.search(r'<div class="error-summary".*?</div>', page(response), re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def later(monkeypatch, **delta):
    """Move the app's clock forward, as if that much time had passed."""
    moved = clock.utcnow() + timedelta(**delta)
    monkeypatch.setattr(clock, "utcnow", lambda: moved)


def test_a_pause_after_five_failures_holds_across_two_app_instances(config, client, make_user):
    user = make_user("officer")
    wrong = {"email": user.email, "password": "not the password at all"}
    right = {"email": user.email, "password": PASSWORD}
    first_refusal = client.post("/staff/login", data=wrong)
    for _ in range(4):
        client.post("/staff/login", data=wrong)
    # A second app on the same database, as another gunicorn worker or server would be.
    other_app = create_app(config)
    try:
        paused = other_app.test_client().post("/staff/login", data=right)
        assert paused.status_code == 200  # the right password does not get in...
        assert error_summary(paused) == error_summary(first_refusal)  # ...nor say why
        unknown = other_app.test_client().post(
            "/staff/login", data={"email": "nobody@example.org", "password": PASSWORD}
        )
        assert error_summary(unknown) == error_summary(first_refusal)
    finally:
        with other_app.app_context():
            db.engine.dispose()
    assert "paused" in error_summary(paused)  # the one message says that pauses happen


def test_the_pause_ends_by_itself(monkeypatch, client, make_user, sign_in):
    user = make_user("worker")
    for _ in range(5):
        client.post("/staff/login", data={"email": user.email, "password": "wrong password!"})
    assert (
        client.post("/staff/login", data={"email": user.email, "password": PASSWORD}).status_code
        == 200
    )
    later(monkeypatch, minutes=16)
    assert sign_in(user).location == "/staff/"
    assert db.session.get(User, user.id).failed_attempts == 0  # a good sign-in starts afresh


def test_the_pause_is_configurable(app, client, make_user):
    app.config.update(LOGIN_MAX_FAILURES=2)
    user = make_user("worker")
    for _ in range(2):
        client.post("/staff/login", data={"email": user.email, "password": "wrong password!"})
    assert (
        client.post("/staff/login", data={"email": user.email, "password": PASSWORD}).status_code
        == 200
    )


def test_wrong_codes_count_towards_the_pause(app, client, make_user):
    user = make_user("admin")
    client.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    for _ in range(5):
        client.post("/staff/sign-in/code", data={"code": "000000"})
    # A password alone no longer gets anyone to the second step...
    other = app.test_client()
    again = other.post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert again.status_code == 200 and WRONG_DETAILS.split(".")[0] in page(again)
    # ...but the right password with a valid code is never refused (issue 14).
    assert client.post("/staff/sign-in/code", data={"code": code_for(user)}).status_code == 302
    assert client.get("/staff/").status_code == 200


# --- Sessions that end by themselves -----------------------------------------------------------


def test_an_idle_session_ends_with_a_kind_message(monkeypatch, client, signed_in):
    signed_in("worker")
    later(monkeypatch, minutes=29)
    assert client.get("/staff/").status_code == 200
    later(monkeypatch, minutes=29)  # used a minute ago: 58 minutes in, still signed in
    assert client.get("/staff/").status_code == 200
    later(monkeypatch, minutes=31)
    response = client.get("/staff/")
    assert response.status_code == 302 and response.location == "/staff/login?next=/staff/"
    assert "not used for 30 minutes" in page(client.get(response.location))
    assert client.get("/staff/").status_code == 302  # really signed out


def test_a_session_ends_after_twelve_hours_however_busy(monkeypatch, client, signed_in):
    signed_in("officer")
    for _ in range(12 * 60 // 20 - 1):
        later(monkeypatch, minutes=20)
        assert client.get("/staff/").status_code == 200
    later(monkeypatch, minutes=21)
    response = client.get("/staff/")
    assert response.status_code == 302
    assert "signed in for 12 hours" in page(client.get(response.location))


def test_the_time_limits_are_configurable(app, monkeypatch, client, signed_in):
    app.config.update(STAFF_IDLE_MINUTES=5)
    signed_in("board")
    later(monkeypatch, minutes=6)
    assert client.get("/staff/").status_code == 302


def test_a_session_without_sign_in_times_is_ended(client, signed_in):
    """Sessions from before two-step sign-in (or forged without it) do not carry on."""
    signed_in("worker")
    with client.session_transaction() as session:
        session.pop("voice_signed_in_at")
    assert client.get("/staff/").status_code == 302
