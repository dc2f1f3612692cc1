"""The fixtures behave as production does: each request has its own app context and `g`."""

import pytest
from flask import url_for
from werkzeug.exceptions import NotFound

from tests.conftest import PASSWORD, csrf_token_from, settings_for
from voice import create_app
from voice.forms import TIMED_OUT


def test_a_forged_token_is_refused_after_a_good_one_in_the_same_test(app, client, make_user):
    # Flask-WTF marks a request whose token passed in `g`; a `g` shared between requests
    # would let the next, forged, post through.
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user("worker")
    sent = {"email": user.email, "password": PASSWORD}
    token = csrf_token_from(client.get("/staff/login").get_data(as_text=True))
    assert client.post("/staff/login", data={**sent, "csrf_token": token}).status_code == 302
    forged = client.post("/staff/login", data={**sent, "csrf_token": "forged"})
    assert forged.status_code == 200  # the sign-in page again, not on to the code step
    assert TIMED_OUT.split(",")[0] in forged.get_data(as_text=True)


def test_another_client_is_not_signed_in_by_the_last_request(app, signed_in):
    signed_in("worker")  # Flask-Login keeps the signed-in user in `g`
    stranger = app.test_client().get("/staff/")
    assert stranger.status_code == 302 and stranger.location.startswith("/staff/login")


def test_every_app_of_a_process_routes_and_builds_as_the_first_did(tmp_path):
    """tests/compiled_once.py parses each route's string once per process: a later app must
    still match and build every kind of route, with converters of its own map."""
    apps = [create_app(settings_for(tmp_path)) for _ in range(2)]
    for app in apps:
        routes = app.url_map.bind("localhost")
        assert routes.match("/moderation/7/same-as/9", method="POST") == (
            "moderation.same_as",
            {"submission_id": 7, "other_id": 9},
        )
        assert routes.match("/static/icons/a.svg") == ("static", {"filename": "icons/a.svg"})
        with pytest.raises(NotFound):  # an id that is not a number
            routes.match("/moderation/seven")
        with app.test_request_context():
            assert url_for("moderation.review", submission_id=12) == "/moderation/12"
            assert url_for("public.language", code="ur") == "/lang/ur"
        for rule in app.url_map.iter_rules():
            assert all(c.map is app.url_map for c in rule._converters.values()), rule.rule
