"""The command-line tools an admin uses on the server."""

import pytest

from voice.auth import services
from voice.auth.models import Role
from voice.demo import DEMO_DOMAIN

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args, **kw: runner.invoke(args=list(args), **kw)


def test_create_list_and_disable_an_account(cli):
    result = cli(
        "users",
        "create",
        "--email",
        "Sam@Council.example",
        "--role",
        "worker",
        "--password",
        "a long enough password",
    )
    assert result.exit_code == 0, result.output
    assert "Created sam@council.example (Participation worker)" in result.output
    assert "sam@council.example" in cli("users", "list").output
    assert cli("users", "disable", "--email", "sam@council.example").exit_code == 0
    assert "switched off" in cli("users", "list").output
    assert services.find_user("sam@council.example").active is False


def test_create_asks_for_the_password_when_not_given(cli):
    result = cli(
        "users",
        "create",
        "--email",
        "a@council.example",
        "--role",
        "officer",
        input="typed at the prompt\ntyped at the prompt\n",
    )
    assert result.exit_code == 0, result.output
    assert services.authenticate("a@council.example", "typed at the prompt")


def test_create_refuses_short_passwords_duplicates_and_unknown_roles(cli):
    assert (
        "at least 12"
        in cli(
            "users", "create", "--email", "a@c.example", "--role", "admin", "--password", "short"
        ).output
    )
    cli(
        "users",
        "create",
        "--email",
        "a@c.example",
        "--role",
        "admin",
        "--password",
        "plum kettle orbit",
    )
    again = cli(
        "users",
        "create",
        "--email",
        "A@c.example",
        "--role",
        "admin",
        "--password",
        "walnut ferry lantern",
    )
    assert again.exit_code != 0 and "already an account" in again.output
    assert (
        cli(
            "users",
            "create",
            "--email",
            "b@c.example",
            "--role",
            "king",
            "--password",
            "plum kettle orbit",
        ).exit_code
        != 0
    )


def test_disable_names_an_unknown_account(cli):
    result = cli("users", "disable", "--email", "ghost@c.example")
    assert result.exit_code != 0 and "no account for ghost@c.example" in result.output


def test_demo_makes_one_account_per_role_and_can_run_again(cli):
    first = cli("demo")
    assert first.exit_code == 0, first.output
    second = cli("demo")
    assert second.exit_code == 0, second.output
    listed = cli("users", "list").output.splitlines()
    assert len(listed) == len(Role) and all(DEMO_DOMAIN in line for line in listed)
    # The printed passwords work, and only the newest ones.
    email, password = second.output.splitlines()[1].split()[-2:]
    assert services.authenticate(email, password)
    old_password = first.output.splitlines()[1].split()[-1]
    with pytest.raises(services.SignInRefused):
        services.authenticate(email, old_password)


def test_demo_will_not_touch_a_database_with_real_accounts(cli, make_user):
    make_user("admin", email="real.person@council.example")
    refused = cli("demo")
    assert refused.exit_code != 0 and "real accounts" in refused.output
    assert "@" + DEMO_DOMAIN not in cli("users", "list").output
    assert cli("demo", "--force").exit_code == 0


def test_demo_loads_a_believable_year_of_submissions_once(cli):
    from sqlalchemy import func, select
    from sqlalchemy.orm import selectinload

    from voice.clock import utcnow
    from voice.extensions import db
    from voice.submissions.models import Status, Submission

    assert cli("demo").exit_code == 0
    rows = db.session.scalars(select(Submission).options(selectinload(Submission.themes))).all()
    assert len(rows) >= 150
    assert len({s.kind for s in rows}) == 3 and len({s.audience for s in rows}) == 4
    assert len({t.slug for s in rows for t in s.themes}) >= 12
    months = {(s.created_at.year, s.created_at.month) for s in rows}
    assert len(months) >= 12 and min(s.created_at for s in rows) > utcnow().replace(
        year=utcnow().year - 1
    )
    assert {
        Status.NEW,
        Status.MODERATED,
        Status.WITH_OFFICER,
        Status.DECLINED,
        Status.WITHDRAWN,
        Status.CLOSED,
    } <= {s.status for s in rows}
    held = [s for s in rows if s.safeguarding]
    assert held and all(
        s.status == Status.CLOSED for s in held if (utcnow() - s.created_at).days >= 2
    )  # the lead has acted
    from voice.audit.models import AuditEvent

    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"read_original", "transition", "routing"} <= actions
    routed = [s for s in rows if s.status == Status.WITH_OFFICER]
    assert all(s.officer and s.service_area and s.shared_text for s in routed)
    assert "Reference codes to try at /check" in cli("demo").output
    assert db.session.scalar(select(func.count()).select_from(Submission)) == len(rows)
