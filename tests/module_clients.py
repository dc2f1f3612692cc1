"""One app per test module, and one signed-in client per role, for tests that make hundreds of
requests (the role matrix, fuzzing). Signing in costs about a second (argon2 and two steps),
so each role signs in once per module, through the real pages, with CSRF switched on."""

import re
from contextlib import contextmanager

from tests.conftest import PASSWORD, code_for, settings_for
from voice import create_app
from voice.auth import mfa
from voice.auth import services as accounts
from voice.auth.models import User
from voice.extensions import db

STAFF_ROLES = ("worker", "officer", "safeguarding", "board", "champion", "admin")
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@contextmanager
def module_app(tmp_path_factory, **extra):
    """An app with its own empty schema (SQLite, or PostgreSQL under tests/postgres.sh).

    No app context stays pushed: requests from several clients would share its `g`, and
    with it the signed-in user. Use `with app.app_context():` to read or seed the database."""
    app = create_app(settings_for(tmp_path_factory.mktemp("module"), **extra))
    with app.app_context():
        db.create_all()
    try:
        yield app
    finally:
        with app.app_context():
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


def token_on(client, path):
    """The CSRF token of the form on `path` (None when CSRF is off)."""
    match = TOKEN.search(client.get(path).get_data(as_text=True))
    return match.group(1) if match else None


def make_staff(role, email=None, name=""):
    """A staff account with two-step sign-in set up (call inside an app context)."""
    user = accounts.create_user(
        email or f"{role}.{db.session.query(User).count()}@example.org", role, PASSWORD, name=name
    )
    mfa.enrol(user)
    db.session.commit()
    return user


def sign_in(app, client, user_id):
    """Both steps through the pages, as a person does them (outside any app context)."""
    with app.app_context():
        user = db.session.get(User, user_id)
        email, code = user.email, code_for(user)
    first = client.post(
        "/staff/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token_on(client, "/staff/login")},
    )
    assert first.status_code == 302 and first.location == "/staff/sign-in/code", first.location
    second = client.post(
        first.location, data={"code": code, "csrf_token": token_on(client, first.location)}
    )
    assert second.status_code == 302 and second.location == "/staff/", second.location
    return client


def open_case(client, code):
    """A young person types their reference code on /check."""
    response = client.post("/check", data={"code": code, "csrf_token": token_on(client, "/check")})
    assert response.status_code == 303, response.status_code
    return client


def meeting_and_decision(worker):
    """A meeting and a council decision, and the demo's Promise, for the pages that list them."""
    from datetime import date

    from voice.agendas import services as agendas
    from voice.agendas.models import Body
    from voice.decisions import services as decisions
    from voice.promises.services import ensure_demo_promises

    meeting = agendas.create_meeting(worker, body=Body.CICC, held_on=date.today())
    decision = decisions.post(
        worker,
        title="Wi-Fi until 10pm",
        decided_on=date.today(),
        what_was_decided="Wi-Fi until 10pm.",
        what_it_means="You can get online until 10pm.",
    )
    ensure_demo_promises()
    return meeting, decision
