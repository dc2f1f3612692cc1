"""Headers on every response, and who may open which page."""
import re

import pytest

from voice.auth.models import Role
from voice.security import PUBLIC_ENDPOINTS


def test_every_page_carries_a_strict_policy_with_a_fresh_nonce(client):
    first, second = client.get("/"), client.get("/staff/login")
    policies = [r.headers["Content-Security-Policy"] for r in (first, second)]
    for policy in policies:
        for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                          "default-src 'self'"):
            assert directive in policy
    nonces = [re.search(r"'nonce-([^']+)'", p).group(1) for p in policies]
    assert nonces[0] != nonces[1]
    assert f'nonce="{nonces[0]}"' in first.get_data(as_text=True)  # the page's own script


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


def test_every_endpoint_is_public_by_name_or_guarded_by_role(app):
    unguarded = [
        rule.endpoint for rule in app.url_map.iter_rules()
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
