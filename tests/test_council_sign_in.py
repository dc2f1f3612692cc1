"""Signing in with the council's own account, against a real OpenID Connect provider on
127.0.0.1 (tests/oidc_provider.py). Authlib's own checks of the ID token are what refuse the
tampered, mis-addressed and expired tokens here; nothing in them is replaced for the test."""

import logging
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from tests.conftest import FreshContextClient, allow_this_code_again, enter_code, settings_for
from tests.oidc_provider import Provider, with_claims_changed
from voice import clock, create_app
from voice.audit.models import AuditEvent
from voice.auth import council

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

STAFF_HOME = "/staff/"


@pytest.fixture(scope="module")
def provider():
    with Provider() as running:
        yield running


@pytest.fixture(scope="module")
def expired_provider():
    """A provider whose clock-stamps make every ID token an hour past its expiry."""
    with Provider(token_lifetime=timedelta(hours=-1)) as running:
        yield running


def council_settings(provider, **extra):
    return {
        "OIDC_DISCOVERY_URL": provider.discovery_url,
        "OIDC_CLIENT_ID": "voice",
        "OIDC_CLIENT_SECRET": "voice's secret at the provider",
        **extra,
    }


@pytest.fixture
def config(tmp_path, provider):
    return settings_for(tmp_path, **council_settings(provider))


@pytest.fixture
def person(provider, make_user):
    """A Voice worker whose council account (at the provider) has the same, verified address."""
    counter = iter(range(1, 1000))

    def make(role="worker", amr=("pwd",), verified=True, voice_account=True, **user):
        email = f"{role}.{id(counter)}.{next(counter)}@council.example"
        provider.add_person(email, email=email, email_verified=verified, amr=list(amr))
        return make_user(role, email=email, **user) if voice_account else email

    return make


def go_to_provider(client, next_url=None):
    answer = client.get("/staff/login/council" + (f"?next={next_url}" if next_url else ""))
    assert answer.status_code == 302
    assert answer.location.startswith("http://127.0.0.1:")
    return answer.location


def come_back(client, location):
    parts = urlsplit(location)
    assert parts.path == "/staff/login/council/back"
    return client.get(f"{parts.path}?{parts.query}")


def council_sign_in(client, provider, email, next_url=None):
    """The whole trip: Voice → the provider (the person signs in there) → Voice."""
    return come_back(client, provider.sign_in(go_to_provider(client, next_url), email))


def events(action):
    return list(
        reversed(AuditEvent.query.filter_by(action=action).order_by(AuditEvent.id.desc()).all())
    )


def shown(client, path="/staff/login"):
    return client.get(path).get_data(as_text=True)


def test_the_login_page_offers_the_council_account_only_when_configured(client, tmp_path):
    assert "Sign in with your council account" in shown(client)
    plain = create_app(settings_for(tmp_path / "plain")).test_client()
    assert "Sign in with your council account" not in plain.get("/staff/login").get_data(
        as_text=True
    )
    assert plain.get("/staff/login/council").status_code == 404


def test_a_council_account_signs_in_and_voice_still_asks_for_its_code(client, provider, person):
    user = person("worker")
    answer = council_sign_in(client, provider, user.email, next_url="/moderation/")
    assert answer.location == "/staff/sign-in/code"
    assert client.get(STAFF_HOME).status_code == 302  # half signed in: no staff page yet
    allow_this_code_again(user)
    finished = enter_code(client, user, answer.location)
    assert finished.location == "/moderation/"
    assert client.get(STAFF_HOME).status_code == 200
    sign_in = events("sign_in")[-1]
    assert sign_in.user_id == user.id and sign_in.detail == "council account"


def test_a_second_factor_at_the_provider_counts_only_when_the_council_trusts_it(
    app, client, provider, person
):
    user = person("officer", amr=("pwd", "mfa"))
    # Not trusted (the default): Voice asks for its own code even so.
    assert council_sign_in(client, provider, user.email).location == "/staff/sign-in/code"
    client.delete_cookie("voice_session")  # a new browser
    app.config["OIDC_TRUST_PROVIDER_MFA"] = True
    assert council_sign_in(client, provider, user.email).location == STAFF_HOME
    assert client.get(STAFF_HOME).status_code == 200
    assert events("sign_in")[-1].detail == council.TRUSTED_VIA
    # Trusted, but this time the provider asked for a password only.
    client.delete_cookie("voice_session")  # a new browser
    password_only = person("officer", amr=("pwd",))
    answer = council_sign_in(client, provider, password_only.email)
    assert answer.location == "/staff/sign-in/code"


def test_a_stranger_from_the_same_council_gets_nothing(client, provider, person):
    email = person("worker", voice_account=False)
    answer = council_sign_in(client, provider, email)
    assert answer.location == "/staff/login"
    page = shown(client)
    assert "There is no Voice account for your council account yet" in page
    assert client.get(STAFF_HOME).status_code == 302
    refused = events("sign_in_failed")[-1]
    assert refused.user_id is None
    assert "council account with no Voice account" in refused.detail
    assert "council.example" in refused.detail and email not in refused.detail


def test_an_address_the_provider_has_not_checked_is_not_trusted(client, provider, person):
    user = person("admin", verified=False)
    assert council_sign_in(client, provider, user.email).location == "/staff/login"
    assert "did not give Voice a checked e-mail address" in shown(client)
    assert client.get(STAFF_HOME).status_code == 302


def test_a_switched_off_account_stays_off(client, provider, person):
    user = person("worker", active=False)
    assert council_sign_in(client, provider, user.email).location == "/staff/login"
    assert "This account has been switched off" in shown(client)


def refused_with(client, caplog, what):
    """The sign-in ended back at the login page, kindly, with nobody signed in, the refusal
    audited, and Authlib's reason (`what`) in the log."""
    page = shown(client)
    assert "could not be checked" in page
    assert client.get(STAFF_HOME).status_code == 302
    assert events("sign_in_failed")[-1].detail.startswith("council account: ")
    assert what in caplog.text


def test_a_tampered_token_is_refused(client, provider, person, make_user, caplog):
    """Someone between Voice and the provider changes the address in a real token to an
    admin's: the signature no longer matches."""
    admin_email = make_user("admin").email
    user = person("board")
    provider.swap = lambda token: with_claims_changed(token, email=admin_email)
    try:
        with caplog.at_level(logging.WARNING, logger="voice.auth"):
            answer = council_sign_in(client, provider, user.email)
    finally:
        provider.swap = None
    assert answer.location == "/staff/login"
    refused_with(client, caplog, "BadSignatureError")
    assert not events("sign_in")


def test_a_token_issued_to_another_app_is_refused(client, provider, person, caplog):
    """A genuine, correctly signed token for the same person and nonce, but addressed to a
    different app of the same provider."""
    user = person("worker")
    authorize = go_to_provider(client)
    nonce = parse_qs(urlsplit(authorize).query)["nonce"][0]
    theirs = provider.token_for_another_app(user.email, nonce)
    provider.swap = lambda _ours: theirs
    try:
        with caplog.at_level(logging.WARNING, logger="voice.auth"):
            answer = come_back(client, provider.sign_in(authorize, user.email))
    finally:
        provider.swap = None
    assert answer.location == "/staff/login"
    refused_with(client, caplog, "'aud'")


def test_an_expired_token_is_refused(config, expired_provider, make_user, caplog):
    """Voice on the same database, with a provider whose tokens expired an hour ago."""
    late = create_app({**config, **council_settings(expired_provider)})
    late.test_client_class = FreshContextClient
    client = late.test_client()
    email = "late.worker@council.example"
    expired_provider.add_person(email, email=email, email_verified=True)
    make_user("worker", email=email)
    with caplog.at_level(logging.WARNING, logger="voice.auth"):
        answer = council_sign_in(client, expired_provider, email)
    assert answer.location == "/staff/login"
    refused_with(client, caplog, "ExpiredTokenError")


def test_coming_back_without_having_set_off_is_refused(client, provider, person):
    """A callback this browser never started (a link someone sent) signs nobody in."""
    user = person("worker")
    elsewhere = provider.sign_in(go_to_provider(provider_client := client), user.email)
    provider_client.delete_cookie("voice_session")  # a new browser
    assert come_back(client, elsewhere).location == "/staff/login"
    assert client.get(STAFF_HOME).status_code == 302


def test_signing_out_ends_a_council_session_and_the_next_sign_in_asks_again(
    app, client, provider, person
):
    app.config["OIDC_TRUST_PROVIDER_MFA"] = True
    user = person("worker", amr=("pwd", "mfa"))
    assert council_sign_in(client, provider, user.email).location == STAFF_HOME
    assert client.post("/staff/logout").location == "/staff/login"
    assert client.get(STAFF_HOME).status_code == 302
    assert "sign out of your council account too" in shown(client)
    app.config["OIDC_TRUST_PROVIDER_MFA"] = False
    assert council_sign_in(client, provider, user.email).location == "/staff/sign-in/code"


def test_a_council_session_ends_after_the_same_hours_as_any(monkeypatch, app, client, provider):
    app.config["OIDC_TRUST_PROVIDER_MFA"] = True
    email = "long.day@council.example"
    provider.add_person(email, email=email, email_verified=True, amr=["mfa"])
    from voice.auth import mfa
    from voice.auth import services as accounts
    from voice.extensions import db

    user = accounts.create_user(email, "worker", "a long enough passphrase 42")
    mfa.enrol(user)
    db.session.commit()
    assert council_sign_in(client, provider, email).location == STAFF_HOME
    later = clock.utcnow() + timedelta(hours=app.config["STAFF_MAX_HOURS"], minutes=1)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    answer = client.get(STAFF_HOME)
    assert answer.status_code == 302 and answer.location.startswith("/staff/login")
    assert "signed in for 12 hours" in shown(client)
    assert db.session.scalar(select(AuditEvent.id).limit(1)) is not None
