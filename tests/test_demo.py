"""The demo looks like a council keeping up: what "You said, we did" says agrees with what
happened to the actions behind it, and the first `tick` finds only the few cases the demo
leaves overdue on purpose."""

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tests.conftest import settings_for
from voice import create_app
from voice.clock import utcnow
from voice.extensions import db
from voice.published.demo import DID, summary_for
from voice.published.models import Publication
from voice.responses import services as answering
from voice.responses.demo import LEFT_LATE
from voice.responses.models import ActionStatus, Decision
from voice.submissions.models import Status, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    """One demo load for the module (it takes a few seconds)."""
    app = create_app(settings_for(tmp_path_factory.mktemp("demo")))
    with app.app_context():
        db.create_all()
        result = app.test_cli_runner().invoke(args=["demo"])
        assert result.exit_code == 0, result.output
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_every_published_summary_agrees_with_its_actions(demo_app):
    publications = db.session.scalars(select(Publication)).all()
    assert len(publications) >= 10
    claims = 0
    for publication in publications:
        response = answering.released(publication.submission)
        statuses = {action.status for action in response.actions}
        if publication.summary in DID.values():  # says what the council did
            claims += 1
            assert statuses <= {ActionStatus.DONE}, publication.summary
        if ActionStatus.NOT_GOING_AHEAD in statuses:
            assert "can't go ahead" in publication.summary, publication.summary
    assert claims >= 3  # the rule was tested on real claims, not vacuously


def test_a_summary_never_says_done_what_is_not_going_ahead():
    panel = SimpleNamespace(shared_text="Young people should help interview new social workers.")

    def answer(*statuses):
        return SimpleNamespace(
            decision=Decision.DO, actions=[SimpleNamespace(status=s) for s in statuses]
        )

    said = DID["Young people should help interview"]
    assert summary_for(panel, answer(ActionStatus.DONE)) == said
    not_going = summary_for(panel, answer(ActionStatus.NOT_GOING_AHEAD))
    assert "interview panel" not in not_going and "can't go ahead" in not_going
    assert "part of it" in summary_for(
        panel, answer(ActionStatus.DONE, ActionStatus.NOT_GOING_AHEAD)
    )
    assert "isn't finished yet" in summary_for(panel, answer(ActionStatus.IN_PROGRESS))


def test_the_first_tick_after_the_demo_finds_only_what_it_left_late(demo_app):
    overdue = set(
        db.session.scalars(
            select(Submission.id).where(
                Submission.status.in_(
                    (Status.WITH_OFFICER, Status.RESPONSE_READY, Status.FOLLOW_UP)
                ),
                Submission.due_on < utcnow().date(),
            )
        )
    )
    result = demo_app.test_cli_runner().invoke(args=["tick"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    escalated = [line for line in lines if line.startswith("Escalated")]
    assert len(escalated) == LEFT_LATE == len(overdue)
    assert sum(line.startswith("Reminded") for line in lines) <= 10
    assert sum(line.startswith("Closed") for line in lines) <= 5


def test_a_demo_account_gets_its_code_from_the_command_line(demo_app):
    """`flask demo code EMAIL` prints the code the account's app would show, and the second
    step accepts it."""
    from tests.conftest import allow_this_code_again
    from voice.auth import mfa
    from voice.auth import services as accounts

    runner = demo_app.test_cli_runner()
    result = runner.invoke(args=["demo", "code", "WORKER@demo.voice.invalid"])
    assert result.exit_code == 0, result.output
    code = result.output.strip()
    assert len(code) == 6 and code.isdigit()
    worker = accounts.find_user("worker@demo.voice.invalid")
    allow_this_code_again(worker)
    mfa.check_code(worker, code)  # raises CodeRefused if the code were not the app's


def test_a_real_account_never_gets_its_code_from_the_command_line(demo_app):
    from voice.auth import mfa
    from voice.auth import services as accounts
    from voice.auth.models import Role

    real = accounts.create_user("sam.real@council.example", Role.ADMIN, "a long real passphrase 42")
    mfa.enrol(real)
    # Even an address at the demo's domain that the demo did not make is refused.
    other = accounts.create_user("extra@demo.voice.invalid", Role.ADMIN, "another passphrase 42")
    mfa.enrol(other)
    db.session.commit()
    runner = demo_app.test_cli_runner()
    for email in ("sam.real@council.example", "extra@demo.voice.invalid", "nobody@x.example"):
        result = runner.invoke(args=["demo", "code", email])
        assert result.exit_code != 0
        assert "is not one of the demo accounts" in result.output
        assert mfa.current_code(real) not in result.output
    db.session.delete(real)
    db.session.delete(other)
    db.session.commit()


def test_the_demo_says_how_to_get_a_code_without_an_app(demo_app):
    result = demo_app.test_cli_runner().invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "demo code EMAIL" in result.output


def test_the_demo_has_a_corporate_parenting_champion_to_sign_in_as(demo_app):
    from voice.auth import services as accounts
    from voice.auth.models import Role

    champion = accounts.find_user("champion@demo.voice.invalid")
    assert champion.role == Role.CHAMPION and champion.mfa_enrolled
    result = demo_app.test_cli_runner().invoke(args=["demo", "code", champion.email])
    assert result.exit_code == 0 and result.output.strip().isdigit()
