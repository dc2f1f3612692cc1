"""The fixtures behave as production does: each request has its own app context and `g`."""

from tests.conftest import PASSWORD, csrf_token_from
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
