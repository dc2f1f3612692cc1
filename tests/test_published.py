""" "You said, we did": what a worker may publish, what the public page shows (and never
shows), the theme filter, and "me too" once per browser."""

from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token_from
from tests.published_helpers import answered, published
from voice.audit.models import AuditEvent
from voice.auth.models import Role, User
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.privacy import services as privacy
from voice.published import services as publishing
from voice.published.models import MeToo, Publication
from voice.responses import services as answering
from voice.submissions import life_cycle
from voice.submissions.models import Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

MARKER = "ZEBRAPLUM"
NAME = "Kayleigh"
RAW = f"I'm {NAME} at Oak House and the wifi goes off at 9pm {MARKER}."
SHARED = "The wifi at my placement goes off at 9pm."


def page(response):
    return unescape(response.get_data(as_text=True))


def quick_user(role, name):
    """Staff who act through services only and never sign in: no password hashing, which
    is most of the cost of make_user."""
    user = User(
        email=f"{role}.{name.split()[0].lower()}@example.org",
        role=Role(role),
        name=name,
        password_hash="!never-signs-in",
    )
    db.session.add(user)
    db.session.commit()
    return user


@pytest.fixture
def staff(app):
    return quick_user("worker", "Sam Patel"), quick_user("officer", "Jordan Reid")


def test_the_page_shows_the_shared_version_and_never_the_words_or_name_sent(client, staff):
    published(
        *staff,
        RAW,
        SHARED,
        name=NAME,
        summary="We asked every placement to keep the wifi on until 11pm on school nights.",
    )
    html = page(client.get("/you-said-we-did"))
    assert SHARED in html
    assert "keep the wifi on until 11pm on school nights" in html
    assert "We're doing it" in html
    assert "Ask every placement to keep the wifi on" in html and "Planned" in html
    for secret in (MARKER, NAME, "Oak House", "Jordan", "Sam Patel"):
        assert secret not in html
    assert "Running late" not in html


def test_an_action_past_its_date_says_it_is_running_late(client, staff):
    submission = published(*staff, RAW, SHARED, decision="cannot")
    action = answering.released(submission).actions[0]
    action.due_on = utcnow().date() - timedelta(days=3)
    db.session.commit()
    html = page(client.get("/you-said-we-did"))
    assert "Running late" in html and "What we said" in html and "We did" not in html


def test_only_consented_answered_items_that_never_needed_safeguarding_appear(client, staff):
    worker, officer = staff
    shown = published(worker, officer, "Shown " + RAW, "Shown: the wifi goes off.")
    no_consent = answered(worker, officer, RAW, "No consent: the wifi.", consent=False)
    not_released = answered(worker, officer, RAW, "Not released: the wifi.", release=False)
    for submission in (no_consent, not_released):
        with pytest.raises(publishing.PublishingRefused):
            publishing.publish(submission, worker, "A summary.")
    db.session.rollback()
    # Even a publication that got into the table some other way is not shown.
    for submission in (no_consent, not_released):
        db.session.add(Publication(submission_id=submission.id, summary="Sneaked in."))
    db.session.commit()
    html = page(client.get("/you-said-we-did"))
    assert "Shown: the wifi goes off." in html
    assert "No consent" not in html and "Not released" not in html and "Sneaked" not in html
    assert "1 thing young people said" in html

    life_cycle.transition(shown, Status.FOLLOW_UP)  # a worrying follow-up is held
    life_cycle.hold_for_safeguarding(shown, by=worker, note="Worried")
    db.session.commit()
    assert "Shown: the wifi" not in page(client.get("/you-said-we-did"))


def test_an_item_once_held_for_safeguarding_can_never_be_published(staff):
    worker, officer = staff
    from tests.submissions_helpers import make_submission, theme_id
    from voice.areas.services import ensure_area
    from voice.responses import services as responses
    from voice.safeguarding import services as safeguarding

    area = ensure_area("Placements", lead=officer, officers=[officer])
    submission = make_submission(RAW, consent_publish=True)
    moderation.flag_for_safeguarding(submission, worker, "Worried")
    safeguarding.record_action(submission, worker, "no_concern", "Checked: safe.")
    safeguarding.release(submission, worker, SHARED)
    moderation.moderate(submission, worker, SHARED, [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    responses.save(
        submission,
        officer,
        decision="do",
        explanation="We will fix the wifi so you can do your homework.",
        team_name="Placements",
        submit=True,
    )
    responses.release(submission, worker)
    db.session.commit()
    assert "safeguarding" in publishing.why_not(submission)
    with pytest.raises(publishing.PublishingRefused):
        publishing.publish(submission, worker, "A summary.")


def test_a_withdrawn_follow_up_leaves_the_page(client, staff):
    worker, officer = staff
    submission = published(worker, officer, RAW, SHARED)
    life_cycle.transition(submission, Status.FOLLOW_UP)
    life_cycle.transition(submission, Status.WITHDRAWN)
    db.session.commit()
    assert SHARED not in page(client.get("/you-said-we-did"))


def test_erasing_or_purging_a_message_removes_its_publication(client, staff):
    worker, officer = staff
    erased = published(worker, officer, RAW, "To be erased: the wifi.")
    purged = published(worker, officer, RAW, "To be purged: the wifi.")
    assert "public summary" in privacy.what_erasure_removes(erased)
    privacy.erase(erased, worker)
    life_cycle.transition(purged, Status.CLOSED)
    for change in purged.changes:
        change.at -= timedelta(days=800)
    db.session.commit()
    counts = privacy.purge()
    db.session.commit()
    assert counts["public summaries removed"] == 1
    assert db.session.scalar(select(Publication)) is None
    html = page(client.get("/you-said-we-did"))
    assert "To be erased" not in html and "To be purged" not in html
    assert privacy.ERASED not in html and privacy.PURGED not in html


def test_the_theme_filter_shows_only_that_topic_and_works_from_plain_links(client, staff):
    published(*staff, RAW, "About home: the wifi.", theme="home")
    published(*staff, RAW, "About school: my PEP was moved.", theme="school")
    everything = page(client.get("/you-said-we-did"))
    assert 'href="/you-said-we-did?theme=school"' in everything
    assert "About home" in everything and "About school" in everything
    school = page(client.get("/you-said-we-did?theme=school"))
    assert "About school" in school and "About home" not in school
    assert "about school and learning" in school
    unknown = page(client.get("/you-said-we-did?theme=nope"))
    assert "couldn't find that topic" in unknown and "About home" in unknown


def test_the_list_comes_in_pages(client, staff, monkeypatch):
    monkeypatch.setattr(publishing, "PAGE_SIZE", 2)
    for number in range(3):
        published(*staff, RAW, f"Item number {number}.")
    first, second = (
        page(client.get("/you-said-we-did")),
        page(client.get("/you-said-we-did?page=2")),
    )
    assert "Item number 2" in first and "Item number 1" in first and "Item number 0" not in first
    assert "Item number 0" in second and "Page 2 of 2" in second
    assert "nothing on this page" in page(client.get("/you-said-we-did?page=9"))


def tap(client, submission, **data):
    return client.post(f"/you-said-we-did/{submission.id}/me-too", data=data)


def test_me_too_counts_once_per_browser(app, client, staff):
    submission = published(*staff, RAW, SHARED)
    first = tap(client, submission, theme="home", page="1")
    assert first.status_code == 303
    assert first.location.endswith(f"/you-said-we-did?theme=home#item-{submission.id}")
    after = page(client.get(first.location))
    assert "1 young person said “me too”" in after and "You're one of them" in after
    assert "Thank you. You said “me too”" in after

    tap(client, submission)
    again = page(client.get("/you-said-we-did"))
    assert "You already said “me too” to this one" in again
    assert "1 young person said “me too”" in again

    other = app.test_client()
    tap(other, submission)
    assert "2 young people said “me too”" in page(other.get("/you-said-we-did"))
    rows = db.session.scalars(select(MeToo)).all()
    cookie = client.get_cookie("voice_browser")
    assert len(rows) == 2 and all(row.at is not None for row in rows)
    assert cookie.value not in {row.browser_hash for row in rows}  # only a hash is kept
    assert cookie.http_only and cookie.same_site == "Lax" and cookie.max_age > 300 * 86400


def test_a_me_too_racing_past_the_check_counts_once_and_undoes_nothing_else(
    app, staff, monkeypatch
):
    """Two taps at the same moment both pass the "already?" check; the unique key keeps one,
    and the second leaves the rest of the request's transaction as it was."""
    submission = published(*staff, RAW, SHARED)
    monkeypatch.setattr(publishing, "_already", lambda *_: False)
    assert publishing.say_me_too(submission.id, "browser-a") is True
    earlier = quick_user("admin", "Ali Earlier")
    earlier.name = "Ali Changed"  # not committed yet: the caller's own work
    assert publishing.say_me_too(submission.id, "browser-a") is False
    assert earlier.name == "Ali Changed" and earlier in db.session
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(User, earlier.id).name == "Ali Changed"
    assert len(db.session.scalars(select(MeToo)).all()) == 1


def test_the_board_counts_me_toos_by_period_and_theme(app, staff):
    submission = published(*staff, RAW, SHARED, theme="money")
    for _ in range(3):
        tap(app.test_client(), submission)
    now = utcnow()
    assert publishing.me_toos_between(now - timedelta(days=1), now + timedelta(days=1)) == 3
    assert publishing.me_toos_between(now + timedelta(days=1), now + timedelta(days=2)) == 0
    assert publishing.me_toos_by_theme(now - timedelta(days=1), now + timedelta(days=1)) == {
        "Money": 3
    }


def test_me_too_on_something_not_shown_is_a_friendly_not_found(client, staff):
    hidden = answered(*staff, RAW, SHARED)
    for path in (f"/you-said-we-did/{hidden.id}/me-too", "/you-said-we-did/99999/me-too"):
        response = client.post(path)
        assert response.status_code == 404
        assert "We can't find that page" in page(response)
    assert db.session.scalar(select(MeToo)) is None


def test_me_too_needs_the_form_token(app, client, staff):
    submission = published(*staff, RAW, SHARED)
    app.config["WTF_CSRF_ENABLED"] = True
    refused = tap(client, submission, csrf_token="forged")
    assert refused.status_code == 303
    assert "That didn't work" in page(client.get(refused.location))
    assert db.session.scalar(select(MeToo)) is None
    token = csrf_token_from(page(client.get("/you-said-we-did")))
    tap(client, submission, csrf_token=token)
    assert len(db.session.scalars(select(MeToo)).all()) == 1


def test_a_worker_publishes_changes_and_unpublishes_and_it_is_audited(client, signed_in, staff):
    worker = signed_in("worker")
    submission = answered(worker, staff[1], RAW, SHARED, name=NAME)
    listing = page(client.get("/publishing"))
    assert submission.reference in listing and "Not yet" in listing
    form = page(client.get(f"/publishing/{submission.id}"))
    assert SHARED in form and MARKER not in form and NAME not in form
    refused = page(client.post(f"/publishing/{submission.id}", data={"summary": "  "}))
    assert "Write a short summary" in refused
    client.post(f"/publishing/{submission.id}", data={"summary": "We fixed the wifi."})
    assert "We fixed the wifi." in page(client.get("/you-said-we-did"))
    client.post(f"/publishing/{submission.id}/unpublish")
    assert "We fixed the wifi." not in page(client.get("/you-said-we-did"))
    assert "Taken off" in page(client.get("/publishing"))
    actions = db.session.scalars(
        select(AuditEvent.action)
        .where(
            AuditEvent.submission_id == submission.id,
            AuditEvent.action.in_(["publish", "unpublish"]),
        )
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["publish", "unpublish"]


def test_the_worker_is_told_why_something_cannot_be_published(client, signed_in, staff):
    worker = signed_in("worker")
    submission = answered(worker, staff[1], RAW, SHARED, consent=False)
    html = page(client.post(f"/publishing/{submission.id}", data={"summary": "Sneaky."}))
    assert "did not say yes to sharing" in html
    assert db.session.scalar(select(Publication)) is None
    assert client.get("/publishing/99999").status_code == 404


@pytest.mark.parametrize("role", ["officer", "board", "safeguarding"])
def test_only_workers_and_admins_publish(client, signed_in, role):
    signed_in(role)
    assert client.get("/publishing").status_code == 403


def test_the_demo_publishes_answered_consented_messages_once(client, staff):
    from voice.actions import services as actions
    from voice.published.demo import load_demo_publications

    worker, officer = staff
    wifi = answered(worker, officer, RAW, "The wifi at my placement goes off at 9pm.")
    answered(worker, officer, RAW, "Not for publishing.", consent=False)
    # Its action is done, so "you said, we did" may say what the council did.
    for action in answering.released(wifi).actions:
        actions.update(action, officer, "done", "")
    db.session.commit()
    assert load_demo_publications(worker) == 1
    db.session.commit()
    me_toos = len(db.session.scalars(select(MeToo)).all())
    assert load_demo_publications(worker) == 1
    db.session.commit()
    assert len(db.session.scalars(select(MeToo)).all()) == me_toos
    html = page(client.get("/you-said-we-did"))
    assert "keep the Wi-Fi on until at least 10pm" in html and "Not for publishing" not in html
