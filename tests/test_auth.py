"""Staff sign-in and sign-out, as staff would notice them."""
from tests.conftest import PASSWORD, csrf_token_from
from voice.auth.services import ACCOUNT_OFF, WRONG_DETAILS
from voice.extensions import db
from voice.forms import TIMED_OUT


def page(response):
    return response.get_data(as_text=True)


def test_signing_in_takes_staff_to_their_page(client, make_user):
    user = make_user("officer", name="Jordan Reid")
    response = client.post("/staff/login", data={"email": user.email.upper(), "password": PASSWORD})
    assert response.status_code == 302 and response.location == "/staff/"
    assert "Hello, Jordan Reid" in page(client.get("/staff/"))


def test_wrong_password_and_unknown_email_get_the_same_kind_message(client, make_user):
    user = make_user("worker")
    wrong = client.post("/staff/login", data={"email": user.email, "password": "not it at all"})
    unknown = client.post("/staff/login", data={"email": "nobody@example.org", "password": "x" * 12})
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


def test_sign_in_follows_next_only_within_the_site(client, make_user):
    user = make_user("admin")
    data = {"email": user.email, "password": PASSWORD}
    assert client.post("/staff/login?next=/staff/", data=data).location == "/staff/"
    client.post("/staff/logout")
    for evil in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert client.post(f"/staff/login?next={evil}", data=data).location == "/staff/"
        client.post("/staff/logout")


def test_a_signed_in_person_visiting_sign_in_goes_to_their_page(client, signed_in):
    signed_in("worker")
    assert client.get("/staff/login").location == "/staff/"


def test_a_timed_out_sign_in_page_keeps_the_email_and_says_why(app, client, make_user):
    app.config["WTF_CSRF_ENABLED"] = True
    user = make_user("worker")
    response = client.post("/staff/login", data={"email": user.email, "password": PASSWORD,
                                                 "csrf_token": "expired-or-forged"})
    assert response.status_code == 200
    assert TIMED_OUT.split(",")[0] in page(response)
    assert f'value="{user.email}"' in page(response)
    assert client.get("/staff/").status_code == 302  # not signed in by a forged post
    token = csrf_token_from(page(response))
    retry = client.post("/staff/login", data={"email": user.email, "password": PASSWORD,
                                              "csrf_token": token})
    assert retry.status_code == 302 and retry.location == "/staff/"


def test_sign_out_needs_a_valid_token(app, client, signed_in):
    signed_in("worker")
    app.config["WTF_CSRF_ENABLED"] = True
    client.post("/staff/logout", data={"csrf_token": "forged"})
    assert client.get("/staff/").status_code == 200  # a forged post does not sign anyone out
    token = csrf_token_from(page(client.get("/staff/")))
    client.post("/staff/logout", data={"csrf_token": token})
    assert client.get("/staff/").status_code == 302
