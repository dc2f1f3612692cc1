"""Workers and the safeguarding lead tell the disclosure check when it was wrong; the team
reads the counts by kind and month. The message's words are never kept with a verdict."""

from datetime import datetime

import pytest
from sqlalchemy import select

from tests.conftest import page
from tests.submissions_helpers import ORDINARY, WORRYING, make_submission
from voice.audit.models import AuditEvent
from voice.disclosure.models import DisclosureFeedback, Verdict
from voice.extensions import db

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

QUIET = "Things at home are hard and nobody asks me how I am."


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()
    return lambda *args: runner.invoke(args=list(args))


def feedback(client, submission, verdict, kind="", back="review"):
    return client.post(
        f"/disclosure/{submission.id}/feedback",
        data={"verdict": verdict, "kind": kind, "back": back},
        follow_redirects=True,
    )


def test_a_worker_marks_a_missed_disclosure_and_only_its_kind_is_kept(
    client, signed_in, weak_check
):
    # weak_check gives QUIET no sign, as the model once did: a disclosure the check missed.
    worker = signed_in("worker")
    submission = make_submission(QUIET)
    assert not submission.safeguarding
    review = page(client.get(f"/moderation/{submission.id}"))
    assert "Was the disclosure check right?" in review
    assert f'action="/disclosure/{submission.id}/feedback"' in review

    done = feedback(client, submission, "missed", "neglect")
    assert "the disclosure check" in page(done) and "Thank you" in page(done)
    (row,) = db.session.scalars(select(DisclosureFeedback))
    assert (row.verdict, row.kind, row.submission_id, row.by_id) == (
        Verdict.MISSED,
        "neglect",
        submission.id,
        worker.id,
    )
    assert row.check_said in {"none", "weak", "strong"}
    stored = " ".join(str(v) for v in vars(row).values())
    assert "nobody asks" not in stored and "home are hard" not in stored
    event = db.session.scalars(select(AuditEvent).filter_by(action="disclosure_feedback")).one()
    assert event.submission_id == submission.id and "missed: neglect" in event.detail
    assert "nobody asks" not in event.detail


def test_a_missed_disclosure_needs_a_kind(client, signed_in):
    signed_in("worker")
    submission = make_submission(QUIET)
    refused = page(feedback(client, submission, "missed"))
    assert "Choose the kind of harm the check missed." in refused
    assert db.session.scalars(select(DisclosureFeedback)).all() == []


def test_no_concern_is_refused_for_a_message_the_check_never_flagged(client, signed_in):
    signed_in("worker")
    submission = make_submission(ORDINARY)
    refused = page(feedback(client, submission, "no_concern"))
    assert "nothing to undo" in refused
    assert db.session.scalars(select(DisclosureFeedback)).all() == []


def test_the_lead_says_no_concern_and_sees_why_the_check_held_it(client, signed_in):
    signed_in("safeguarding")
    held = make_submission(WORRYING)
    assert held.safeguarding
    case = page(client.get(f"/safeguarding/{held.id}"))
    assert "What the disclosure check saw" in case
    assert "Held because: <strong>harm by a parent, carer, partner or staff</strong>" in case
    assert "what weighed most:" in case

    after = feedback(client, held, "no_concern", back="case")
    assert after.request.path == f"/safeguarding/{held.id}"
    (row,) = db.session.scalars(select(DisclosureFeedback))
    assert row.verdict == Verdict.NO_CONCERN and row.check_said == "strong"
    assert row.kind == "physical_harm"


@pytest.mark.parametrize("role", ["officer", "board"])
def test_officers_and_the_board_cannot_tell_the_check_anything(client, signed_in, role):
    signed_in(role)
    submission = make_submission(QUIET)
    assert feedback(client, submission, "missed", "neglect").status_code == 403
    assert db.session.scalars(select(DisclosureFeedback)).all() == []


def test_a_worker_cannot_be_sent_to_the_leads_page(client, signed_in):
    signed_in("worker")
    submission = make_submission(QUIET)
    after = feedback(client, submission, "missed", "neglect", back="case")
    assert after.request.path == f"/moderation/{submission.id}"


def test_the_report_counts_by_month_verdict_and_kind(cli, make_user):
    lead = make_user("safeguarding")
    submission = make_submission(QUIET)
    for at, verdict, kind in [
        (datetime(2026, 10, 3), Verdict.MISSED, "neglect"),
        (datetime(2026, 10, 9), Verdict.MISSED, "neglect"),
        (datetime(2026, 11, 1), Verdict.NO_CONCERN, "physical_harm"),
    ]:
        db.session.add(
            DisclosureFeedback(
                submission_id=submission.id,
                verdict=verdict,
                kind=kind,
                check_said="none",
                at=at,
                by_id=lead.id,
            )
        )
    db.session.commit()
    out = cli("disclosure", "report").output
    assert out.index("2026-10") < out.index("2026-11")
    assert "A disclosure the check missed: neglect: 2" in out
    assert "No concern: the check was wrong to flag it: harm by a parent, carer" in out
    assert "things at home" not in out.casefold()


def test_the_report_says_when_there_is_nothing(cli):
    assert "Nobody has told the check anything yet." in cli("disclosure", "report").output
