"""Participation workers read, redact, tag, route or decline every submission."""

import re

import pytest
from sqlalchemy import select

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission, theme_id
from voice.extensions import db
from voice.moderation import identifiers, queue, services
from voice.notifications.models import Notification
from voice.submissions.models import Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

NAMED = "My social worker Dave Smith at Elton High said call 07911 123456 or dave@example.org"


def review_data(submission, **changes):
    data = {
        "review-shared_text": "My social worker [name] at [school] said call [number]",
        "review-themes": [str(theme_id("social-worker"))],
        "review-version": str(submission.version),
        "review-route": "y",
        "review-service_area": "1",
        "review-officer": None,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_the_queue_lists_new_ones_oldest_first_and_hides_held_texts(client, signed_in):
    signed_in("worker")
    first, second = make_submission("First about wifi"), make_submission("Second about money")
    held = make_submission(WORRYING)
    html = page(client.get("/moderation/"))
    assert html.index(first.reference) < html.index(second.reference)
    assert held.reference in html and "With the safeguarding lead" in html
    assert "hits me" not in html  # a worker never reads a safeguarding text
    held_page = page(client.get(f"/moderation/{held.id}"))
    assert "hits me" not in held_page and "with the safeguarding lead" in held_page


def test_filters_and_paging(client, signed_in):
    signed_in("worker")
    for n in range(52):
        make_submission(f"Message {n}", wants_advocate=(n == 3))
    first = page(client.get("/moderation/"))
    assert "52 submissions" in first and "Page 1 of 2" in first
    assert "Page 2 of 2" in page(client.get("/moderation/?page=2"))
    advocate = page(client.get("/moderation/?advocate=y"))
    assert "1 submission," in advocate
    assert "0 submissions" in page(client.get("/moderation/?status=declined"))
    assert client.get("/moderation/?theme=nonsense&page=-4").status_code == 200


def test_a_long_queue_says_more_than_instead_of_counting_every_row(client, signed_in, monkeypatch):
    """Counts stop COUNT_LIMIT rows past the page, so a queue of a million rows costs a page
    view what a queue of a thousand does; the worker can still page on to the end."""
    monkeypatch.setattr(queue, "COUNT_LIMIT", 3)
    monkeypatch.setattr(queue, "PAGE_SIZE", 2)
    signed_in("worker")
    made = [make_submission(f"Message {n}") for n in range(7)]
    first = page(client.get("/moderation/"))
    assert "More than 3 submissions, oldest first" in first and "To read: more than 3" in first
    assert "Page 1</span>" in first and "Next page" in first
    assert made[0].reference in first and made[2].reference not in first
    third = page(client.get("/moderation/?page=3"))  # 4 before it + 3 more reaches the end
    assert "7 submissions, oldest first" in third and "Page 3 of 4" in third
    last = page(client.get("/moderation/?page=4"))
    assert made[6].reference in last and "Next page" not in last and "Previous page" in last


def test_staff_read_how_the_young_person_hears_back_in_the_third_person(client, signed_in):
    """Their choices are labelled in the first person on the form ("Here, with my reference
    code"); staff read them about the young person, on the review and the safeguarding page."""
    from voice.submissions.models import CareStatus, ReplyBy

    signed_in("admin")
    submission = make_submission(
        reply_by=ReplyBy.TEXT, contact="+447700900123", care_status=CareStatus.CARE_LEAVER
    )
    held = make_submission(WORRYING)
    db.session.commit()
    review = page(client.get(f"/moderation/{submission.id}"))
    assert "· care leaver" in review and "hears back: by text (+447700900123)" in review
    assert "hears back: with their code" in page(client.get(f"/safeguarding/{held.id}"))


def test_review_highlights_identifying_details_and_logs_the_read(client, signed_in):
    worker = signed_in("worker")
    submission = make_submission(NAMED)
    html = page(client.get(f"/moderation/{submission.id}"))
    for marked in ("Dave Smith", "Elton High", "07911 123456", "dave@example.org"):
        assert re.search(rf"<mark[^>]*>{re.escape(marked)}</mark>", html), marked
    from voice.audit.models import AuditEvent

    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "read_original")).one()
    assert event.user_id == worker.id and event.submission_id == submission.id


def test_moderate_and_route_keeps_the_original_and_the_redaction_history(
    client, signed_in, officer
):
    worker = signed_in("worker")
    submission = make_submission(NAMED)
    response = client.post(
        f"/moderation/{submission.id}",
        data=review_data(submission, **{"review-officer": str(officer.id)}),
    )
    assert response.status_code == 302
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER and submission.officer_id == officer.id
    assert submission.message == NAMED  # the young person's words are never changed
    assert "Dave" not in submission.shared_text
    [redaction] = submission.redactions
    assert redaction.before == NAMED and redaction.by_id == worker.id
    assert [c.to_status for c in submission.changes] == [
        Status.NEW,
        Status.MODERATED,
        Status.WITH_OFFICER,
    ]
    note = db.session.scalars(select(Notification)).one()
    assert note.recipient == f"user:{officer.id}" and "Dave" not in str(note.payload)


def test_routing_needs_an_area_and_an_officer(client, signed_in, officer):
    signed_in("worker")
    submission = make_submission()
    html = page(client.post(f"/moderation/{submission.id}", data=review_data(submission)))
    assert "Choose a service area and an officer" in html
    db.session.refresh(submission)
    assert submission.status == Status.NEW


def test_two_workers_at_once_get_one_decision_and_a_clear_message(
    client, app, make_user, sign_in, officer
):
    first_worker = make_user("worker", name="Sam Patel")
    submission = make_submission()
    seen = submission.version
    services.moderate(submission, first_worker, "shared", [theme_id()], [], seen)
    db.session.commit()
    sign_in(make_user("worker"))
    response = client.post(
        f"/moderation/{submission.id}",
        follow_redirects=True,
        data=review_data(
            submission, **{"review-version": str(seen), "review-officer": str(officer.id)}
        ),
    )
    assert "changed by Sam Patel" in page(response)
    db.session.refresh(submission)
    assert submission.status == Status.MODERATED and submission.officer_id is None


def test_decline_with_a_reason_the_young_person_sees(client, signed_in):
    signed_in("worker")
    original, repeat = make_submission("About wifi"), make_submission("Also about wifi")
    refused = page(
        client.post(
            f"/moderation/{repeat.id}/decline",
            follow_redirects=True,
            data={"decline-reason": "duplicate", "decline-version": str(repeat.version)},
        )
    )
    assert "Say which submission this one repeats." in refused
    client.post(
        f"/moderation/{repeat.id}/decline",
        data={
            "decline-reason": "duplicate",
            "decline-duplicate_of": original.reference,
            "decline-version": str(repeat.version),
            "decline-note": "Your idea is being answered.",
        },
    )
    db.session.refresh(repeat)
    assert repeat.status == Status.DECLINED and repeat.duplicate_of_id == original.id


def test_a_worker_can_pass_an_item_to_safeguarding(client, signed_in):
    signed_in("worker")
    submission = make_submission("Something that worried the worker")
    client.post(
        f"/moderation/{submission.id}/safeguarding",
        data={
            "safeguard-note": "Mentions an older friend",
            "safeguard-version": str(submission.version),
        },
    )
    db.session.refresh(submission)
    assert submission.status == Status.SAFEGUARDING and submission.safeguarding
    alert = db.session.scalars(select(Notification)).one()
    assert alert.urgency.value == "urgent" and alert.recipient == "role:safeguarding"


def test_link_same_as_groups_submissions(client, signed_in):
    worker = signed_in("worker")
    first, second, third = (make_submission(f"Wifi {n}") for n in range(3))
    services.link_same_as(second, first, worker)
    services.link_same_as(third, second, worker)  # points at the first, not a chain
    assert second.same_as_id == first.id and third.same_as_id == first.id
    db.session.commit()
    assert "3 young people raised this" in page(client.get(f"/moderation/{third.id}"))


@pytest.mark.parametrize("role", ["officer", "board", "safeguarding"])
def test_other_roles_cannot_moderate(client, signed_in, role):
    signed_in(role)
    submission = make_submission()
    assert client.get("/moderation/").status_code == 403
    assert client.get(f"/moderation/{submission.id}").status_code == 403
    assert client.post(f"/moderation/{submission.id}/decline").status_code == 403


def test_strangers_are_sent_to_sign_in(client, app):
    submission = make_submission()
    for path in ("/moderation/", f"/moderation/{submission.id}", "/safeguarding/"):
        assert "/staff/login" in client.get(path).location


def test_identifiers_find_what_a_worker_would_take_out():
    found = {text[s:e]: kind for text in [NAMED] for s, e, kind in identifiers.find(text)}
    assert found["dave@example.org"] == "e-mail" and found["07911 123456"] == "phone number"
    assert "My" not in found and "Dave Smith" in found
    assert identifiers.find("I live near BL9 0EJ.")[0][2] == "postcode"
    assert "".join(piece for piece, _ in identifiers.segments(NAMED)) == NAMED


def protected_urls(app, submission_id):
    """Every moderation and safeguarding URL with its methods, from the app's own map."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] in ("moderation", "safeguarding"):
            # Every number in the path is the held one's id: a template's or a check's page
            # need not exist for the door to be shut first.
            path = re.sub(r"<int:\w+>", str(submission_id), rule.rule)
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                yield method, path


@pytest.mark.parametrize("role", ["officer", "board", None])
def test_every_moderation_and_safeguarding_url_is_closed_to_others(app, client, signed_in, role):
    held = make_submission(WORRYING)
    if role:
        signed_in(role)
    urls = list(protected_urls(app, held.id))
    assert len(urls) >= 6
    for method, path in urls:
        response = client.open(path, method=method)
        if role:
            assert response.status_code == 403, (method, path)
        else:
            assert response.status_code == 302 and "/staff/login" in response.location
        assert "hits me" not in page(response)
    db.session.refresh(held)
    assert held.status == Status.SAFEGUARDING  # nothing any of them sent changed it
