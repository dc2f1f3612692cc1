"""The safeguarding lead sees flagged messages in full, records what was done, then closes
or releases them; nobody else reads them."""

from datetime import datetime

import pytest

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission
from voice.extensions import db
from voice.submissions.models import Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def test_the_lead_reads_records_and_releases_redacted(client, signed_in):
    signed_in("safeguarding")
    held = make_submission(WORRYING)
    assert "hits me" in page(client.get("/safeguarding/"))
    assert "hits me" in page(client.get(f"/safeguarding/{held.id}"))
    refused = page(
        client.post(
            f"/safeguarding/{held.id}",
            follow_redirects=True,
            data={"release-shared_text": "x", "release-release": "y"},
        )
    )
    assert "Record what you did" in refused
    client.post(
        f"/safeguarding/{held.id}",
        data={"record-action": "social_worker", "record-note": "Spoke to SW", "record-save": "y"},
    )
    client.post(
        f"/safeguarding/{held.id}",
        data={
            "release-shared_text": "A young person is worried about home.",
            "release-release": "y",
        },
    )
    db.session.refresh(held)
    assert held.status == Status.NEW and held.shared_text.startswith("A young person")
    assert held.message == WORRYING


def test_closing_tells_the_young_person_staff_have_been_in_touch(client, signed_in):
    signed_in("safeguarding")
    held = make_submission(WORRYING)
    client.post(f"/safeguarding/{held.id}", data={"record-action": "duty_team", "record-save": "y"})
    client.post(f"/safeguarding/{held.id}", data={"close-close": "y"})
    db.session.refresh(held)
    assert held.status == Status.CLOSED


@pytest.mark.parametrize("role", ["worker", "officer", "board"])
def test_nobody_else_can_open_safeguarding(client, signed_in, role):
    signed_in(role)
    held = make_submission(WORRYING)
    assert client.get("/safeguarding/").status_code == 403
    assert client.get(f"/safeguarding/{held.id}").status_code == 403


def test_an_officer_never_sees_a_held_item_or_another_officers_case(client, make_user, sign_in):
    from voice.areas.services import ensure_area
    from voice.moderation import services

    worker, mine, theirs = make_user("worker"), make_user("officer"), make_user("officer")
    area = ensure_area("Education", officers=[mine, theirs])
    routed = []
    for officer in (mine, theirs):
        submission = make_submission(f"For {officer.email}")
        services.moderate(submission, worker, f"Shared for {officer.email}", [], [])
        services.route(submission, worker, area, officer)
        routed.append(submission)
    db.session.commit()
    sign_in(mine)
    listing = page(client.get("/responses/"))
    assert routed[0].reference in listing and routed[1].reference not in listing
    assert client.get(f"/responses/{routed[1].id}").status_code == 404
    assert "Shared for" in page(client.get(f"/responses/{routed[0].id}"))


def test_the_lead_reads_times_on_the_council_clock(client, signed_in):
    """Stored in UTC, shown as the office wall shows it: in British Summer Time, an hour on."""
    signed_in("safeguarding")
    held = make_submission(WORRYING)
    held.created_at = datetime(2026, 7, 1, 23, 30)  # 00:30 on 2 July in the UK
    db.session.commit()
    listed = page(client.get("/safeguarding/"))
    assert "Sent (UK time)" in listed and "02 Jul 2026 00:30" in listed
    case = page(client.get(f"/safeguarding/{held.id}"))
    assert "Sent Thursday 2 July 2026 at 00:30 (UK time)" in case and "UTC" not in case
