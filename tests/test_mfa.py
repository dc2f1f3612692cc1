"""Two-step sign-in, new-password checks and the admin's resets, as staff would notice them."""

import re
from datetime import UTC

import pyotp
import pytest
from flask import g
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from tests.conftest import PASSWORD, allow_this_code_again, code_for, enter_code, page
from voice import clock
from voice.auth import mfa, services
from voice.auth.models import Role, User
from voice.extensions import db

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def password_step(client, user, password=PASSWORD):
    return client.post("/staff/login", data={"email": user.email, "password": password})


def app_time():
    return clock.utcnow().replace(tzinfo=UTC)


def wrong_code(user):
    """A 6-digit code the app would not show around now."""
    totp = pyotp.TOTP(user.mfa_secret)
    step = totp.timecode(app_time())
    near = {totp.generate_otp(step + d) for d in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in near)


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()

    def run(*args, **kw):
        # A command has its own database session. Commit around it, so that it sees what the
        # test made and the test (whose session may hold an old snapshot) sees what it did.
        db.session.commit()
        result = runner.invoke(args=list(args), **kw)
        db.session.commit()
        # Tests share one app context across requests, so Flask-Login's cached user would
        # outlive the command; a real request always loads the user afresh.
        g.pop("_login_user", None)
        return result

    return run


# --- Setting up at the first sign-in ---------------------------------------------------------


def test_first_sign_in_asks_to_set_up_and_no_staff_page_opens_until_done(client, make_user):
    user = make_user("safeguarding", mfa=False)
    first = password_step(client, user)
    assert first.status_code == 302 and first.location == "/staff/sign-in/set-up"
    assert client.get("/staff/").status_code == 302  # half signed in is not signed in
    set_up = page(client.get("/staff/sign-in/set-up"))
    assert "Set up two-step sign-in" in set_up
    assert 'src="data:image/svg+xml' in set_up  # the QR code, from nowhere but this page
    db.session.refresh(user)
    assert mfa.spaced(user.mfa_secret) in set_up  # the key, for typing in by hand
    refused = client.post("/staff/sign-in/set-up", data={"code": wrong_code(user)})
    assert refused.status_code == 200 and "That code is not right" in page(refused)
    assert client.get("/staff/").status_code == 302
    done = client.post("/staff/sign-in/set-up", data={"code": code_for(user)})
    codes = re.findall(r"<li>([a-z2-9]{5}-[a-z2-9]{5})</li>", page(done))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "You will not see them again" in page(done)
    assert client.get("/staff/").status_code == 200


def test_reloading_the_set_up_page_keeps_the_same_key(client, make_user):
    user = make_user("worker", mfa=False)
    password_step(client, user)
    keys = [
        re.search(r'id="setup-key">([A-Z2-7 ]+)<', page(client.get("/staff/sign-in/set-up"))).group(
            1
        )
        for _ in range(2)
    ]
    assert keys[0] == keys[1]


def test_the_second_step_needs_the_password_first(client, make_user):
    make_user("admin")
    for path in ("/staff/sign-in/code", "/staff/sign-in/set-up", "/staff/sign-in/recovery-code"):
        response = client.get(path)
        assert response.status_code == 302 and response.location == "/staff/login"
        assert client.post(path, data={"code": "123456"}).location == "/staff/login"


def test_the_set_up_page_is_not_for_someone_already_set_up(client, make_user):
    user = make_user("officer")
    password_step(client, user)
    assert client.get("/staff/sign-in/set-up").location == "/staff/sign-in/code"


# --- Codes from the app ----------------------------------------------------------------------


def test_a_wrong_code_is_refused(client, make_user):
    user = make_user("board")
    first = password_step(client, user)
    assert first.location == "/staff/sign-in/code"
    refused = client.post(first.location, data={"code": wrong_code(user)})
    assert refused.status_code == 200
    assert mfa.WRONG_CODE.split(",")[0] in page(refused)
    assert 'href="#code"' in page(refused)  # the summary links to the field
    assert client.get("/staff/").status_code == 302


def test_a_code_of_the_wrong_shape_is_pointed_out(client, make_user):
    user = make_user("board")
    password_step(client, user)
    response = client.post("/staff/sign-in/code", data={"code": "12345"})
    assert "Enter the 6 numbers your app shows" in page(response)
    assert db.session.get(User, user.id).failed_attempts == 0  # a slip, not a guess


def test_a_code_typed_with_a_space_works(client, make_user):
    user = make_user("worker")
    password_step(client, user)
    code = code_for(user)
    response = client.post("/staff/sign-in/code", data={"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302 and response.location == "/staff/"


def test_the_same_code_is_refused_the_second_time(client, make_user):
    user = make_user("officer")
    code = code_for(user)
    password_step(client, user)
    assert client.post("/staff/sign-in/code", data={"code": code}).location == "/staff/"
    client.post("/staff/logout")
    password_step(client, user)
    again = client.post("/staff/sign-in/code", data={"code": code})
    assert again.status_code == 200 and mfa.WRONG_CODE.split(",")[0] in page(again)
    assert client.get("/staff/").status_code == 302


# --- Recovery codes --------------------------------------------------------------------------


def test_a_recovery_code_works_once(client, make_user):
    user = make_user("admin")
    codes = mfa.new_recovery_codes(user)
    db.session.commit()
    password_step(client, user)
    assert "Use one of your recovery codes" in page(client.get("/staff/sign-in/code"))
    used = client.post("/staff/sign-in/recovery-code", data={"code": codes[0].upper()})
    assert used.status_code == 302 and used.location == "/staff/"
    assert "You have 9 left" in page(client.get("/staff/"))
    client.post("/staff/logout")
    password_step(client, user)
    again = client.post("/staff/sign-in/recovery-code", data={"code": codes[0]})
    assert again.status_code == 200 and "recovery code is not right" in page(again)
    assert (
        client.post("/staff/sign-in/recovery-code", data={"code": codes[1]}).location == "/staff/"
    )


def test_recovery_codes_are_kept_only_as_hashes(make_user):
    user = make_user("worker")
    codes = mfa.new_recovery_codes(user)
    db.session.commit()
    stored = db.session.execute(text("SELECT code_hash FROM recovery_code")).scalars().all()
    assert len(stored) == 10 and all(h.startswith("$argon2id$") for h in stored)
    assert not any(code in h or code.replace("-", "") in h for code in codes for h in stored)


# --- New passwords ---------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["password1234", "Password1234!"])
def test_common_passwords_are_refused(cli, password):
    result = cli(
        "users",
        "create",
        "--email",
        "sam@council.example",
        "--role",
        "worker",
        "--password",
        password,
    )
    assert result.exit_code != 0 and "too easy to guess" in result.output
    assert services.find_user("sam@council.example") is None


def test_a_password_made_of_the_persons_own_details_is_refused(cli):
    for password in ("sam.okafor@council.example", "samokafor1234", "SamOkafor2024!"):
        result = cli(
            "users",
            "create",
            "--email",
            "sam.okafor@council.example",
            "--role",
            "officer",
            "--name",
            "Sam Okafor",
            "--password",
            password,
        )
        assert result.exit_code != 0 and "too easy to guess" in result.output, password


def test_long_passphrases_are_welcome_and_overlong_ones_refused(cli):
    ok = cli(
        "users",
        "create",
        "--email",
        "a@council.example",
        "--role",
        "board",
        "--password",
        "the quiet fox borrowed my umbrella again",
    )
    assert ok.exit_code == 0, ok.output
    too_long = cli(
        "users",
        "create",
        "--email",
        "b@council.example",
        "--role",
        "board",
        "--password",
        "x" * 129,
    )
    assert too_long.exit_code != 0 and "at most 128" in too_long.output


# --- The admin's resets ----------------------------------------------------------------------


def test_reset_mfa_makes_the_person_set_up_again_and_ends_their_sessions(cli, client, signed_in):
    user = signed_in("officer")
    old_secret = user.mfa_secret
    old_codes = mfa.new_recovery_codes(user)
    db.session.commit()
    result = cli("users", "reset-mfa", "--email", user.email)
    assert result.exit_code == 0 and "set it up again" in result.output
    assert client.get("/staff/").status_code == 302  # signed out everywhere
    assert password_step(client, user).location == "/staff/sign-in/set-up"
    db.session.refresh(user)
    assert user.mfa_secret != old_secret and not user.mfa_enrolled
    assert (
        client.post("/staff/sign-in/recovery-code", data={"code": old_codes[0]}).location
        == "/staff/sign-in/set-up"
    )


def test_reset_password_checks_it_ends_sessions_and_lifts_a_pause(cli, client, signed_in, sign_in):
    user = signed_in("worker")
    user.locked_until = user.created_at.replace(year=2999)
    db.session.commit()
    weak = cli("users", "reset-password", "--email", user.email, "--password", "password1234")
    assert weak.exit_code != 0 and "too easy to guess" in weak.output
    assert client.get("/staff/").status_code == 200  # a refused reset changes nothing
    new = "a brand new long passphrase"
    result = cli("users", "reset-password", "--email", user.email, input=f"{new}\n{new}\n")
    assert result.exit_code == 0, result.output
    assert client.get("/staff/").status_code == 302
    assert password_step(client, user).status_code == 200  # the old password is gone
    assert sign_in(user, password=new).location == "/staff/"  # and the pause lifted


def test_resets_name_an_unknown_account(cli):
    for command in (["reset-mfa"], ["reset-password", "--password", "x"]):
        result = cli("users", *command, "--email", "ghost@c.example")
        assert result.exit_code != 0 and "no account for ghost@c.example" in result.output


def test_list_shows_who_has_set_up_two_step_sign_in(cli, make_user):
    make_user("worker", email="on@council.example")
    make_user("worker", email="off@council.example", mfa=False)
    listed = cli("users", "list").output
    assert re.search(r"on@council.example .* two-step on", listed)
    assert re.search(r"off@council.example .* two-step not set up", listed)


# --- Demo accounts ---------------------------------------------------------------------------


def test_demo_accounts_come_set_up_with_a_key_that_stays_the_same(cli, client):
    first, second = cli("demo").output, cli("demo").output
    keys = [re.findall(r"setup key: ([A-Z2-7 ]+)", output) for output in (first, second)]
    assert len(keys[0]) == len(Role) and keys[0] == keys[1]  # one account per role
    email, password = second.splitlines()[1].split()[-2:]
    user = services.find_user(email)
    assert user.mfa_enrolled and mfa.spaced(user.mfa_secret) == keys[1][0]
    first_step = client.post("/staff/login", data={"email": email, "password": password})
    assert first_step.location == "/staff/sign-in/code"
    app_code = pyotp.TOTP(keys[1][0].replace(" ", "")).at(app_time())
    assert enter_code(client, user, first_step.location, app_code).location == "/staff/"


# --- The migration, on a database that already has accounts ----------------------------------


def test_existing_accounts_survive_the_migration_and_must_set_up(bare_app):
    upgrade(revision="5e3df07c1216")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                'INSERT INTO "user" (email, name, role, password_hash, session_token, active, '
                "created_at) VALUES ('old@council.example', '', 'worker', 'x', 't', true, "
                "'2026-01-01 00:00:00')"
            )
        )
    upgrade()
    user = services.find_user("old@council.example")
    assert user.failed_attempts == 0 and user.locked_until is None and not user.mfa_enrolled
    db.session.remove()
    downgrade(revision="base")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")


def test_sign_in_helpers_really_use_two_steps(client, make_user, sign_in):
    """The fixtures every other test signs in with go through the code step, not around it."""
    user = make_user("worker")
    allow_this_code_again(user)
    assert sign_in(user).location == "/staff/"
    assert db.session.get(User, user.id).mfa_last_step is not None
