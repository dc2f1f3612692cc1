"""Headers on every response, and who may open which page."""

import re

import pytest

from voice.auth.models import Role
from voice.security import PUBLIC_ENDPOINTS


def test_every_page_carries_a_strict_policy_that_runs_no_inline_script(client):
    for path in ("/", "/share", "/staff/login", "/nowhere"):
        response = client.get(path)
        policy = dict(
            d.split(" ", 1) for d in response.headers["Content-Security-Policy"].split("; ")
        )
        assert policy["default-src"] == "'self'"
        # Only the site's own files: no 'unsafe-inline', no nonce, no other host.
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert (policy["object-src"], policy["base-uri"], policy["frame-ancestors"]) == (
            "'none'",
            "'none'",
            "'none'",
        )
        page = response.get_data(as_text=True)
        assert "<style" not in page and " style=" not in page
        scripts = re.findall(r"<script[^>]*>", page)
        assert all('src="/static/' in tag for tag in scripts), scripts


def test_pages_are_never_cached_but_the_stylesheet_is(client):
    for path in ("/", "/staff/login", "/nowhere"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in response.headers["Permissions-Policy"]
    assert "no-store" not in client.get("/static/voice.css").headers.get("Cache-Control", "")


def test_session_cookie_is_http_only_and_same_site(client, signed_in):
    client.get("/staff/login")
    signed_in("worker")
    cookie = client.get_cookie("voice_session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_a_session_survives_a_new_secret_key_only_while_the_old_one_is_a_fallback(tmp_path):
    """The signer is made once per set of keys (voice/security.py), so a rotated key must still
    take effect: the old key reads only while it is listed, and signs nothing new."""
    from flask import session

    from tests.conftest import settings_for
    from voice import create_app

    def signed_by(app):
        return app.session_interface.get_signing_serializer(app).dumps({"case": {"id": 7}})

    def reads(app, cookie):
        with app.test_request_context(headers={"Cookie": f"voice_session={cookie}"}):
            return session.get("case") == {"id": 7}

    old = create_app(settings_for(tmp_path, SECRET_KEY="old key"))
    rotated = create_app(
        settings_for(tmp_path, SECRET_KEY="new key", SECRET_KEY_FALLBACKS=["old key"])
    )
    forgotten = create_app(settings_for(tmp_path, SECRET_KEY="new key"))
    cookie = signed_by(old)
    assert reads(old, cookie) and reads(rotated, cookie) and not reads(forgotten, cookie)
    assert reads(forgotten, signed_by(rotated)) and not reads(old, signed_by(rotated))


def test_every_endpoint_is_public_by_name_or_guarded_by_role(app):
    unguarded = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in PUBLIC_ENDPOINTS
        and not getattr(app.view_functions[rule.endpoint], "roles", None)
    ]
    assert unguarded == [], f"add @role_required or list as public: {unguarded}"
    stale = PUBLIC_ENDPOINTS - set(app.view_functions)
    assert stale == set(), f"public endpoints that no longer exist: {stale}"


STAFF_PAGES = {
    "/staff/": set(Role),
    "/admin/audit": {Role.ADMIN},
}


@pytest.mark.parametrize("path,allowed", STAFF_PAGES.items())
@pytest.mark.parametrize("role", list(Role))
def test_staff_pages_by_role(client, signed_in, path, allowed, role):
    signed_in(role)
    assert client.get(path).status_code == (200 if role in allowed else 403)


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_pages_send_strangers_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/staff/login?next=" in response.location
