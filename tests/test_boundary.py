"""The one rule for who reads a young person's words (voice/submissions/words_rule.py), as
workers meet it: held, released by the lead, closed by the lead; and what it refuses."""

import json
import re
from datetime import date

import pytest
from sqlalchemy import select

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import follow_ups
from voice.responses import services as answering
from voice.safeguarding import services as safeguarding
from voice.submissions.models import ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

LEADS_VERSION = "A young person is worried about home."


@pytest.fixture
def lead(make_user):
    return make_user("safeguarding")


@pytest.fixture
def held():
    return make_submission(
        WORRYING, name="Sam Jones", reply_by=ReplyBy.EMAIL, contact="sam@example.org"
    )


def handled(submission, lead):
    safeguarding.record_action(submission, lead, "social_worker", "Spoke to SW")


def reads_logged(submission):
    return db.session.scalar(
        select(db.func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.submission_id == submission.id, AuditEvent.action == "read_original")
    )


def test_a_released_message_shows_workers_only_the_leads_version(client, signed_in, held, lead):
    handled(held, lead)
    safeguarding.release(held, lead, LEADS_VERSION)
    db.session.commit()
    signed_in("worker")
    review = page(client.get(f"/moderation/{held.id}"))
    assert LEADS_VERSION in review
    assert "hits me" not in review and "Sam Jones" not in review and "sam@example" not in review
    assert "Redaction history" not in review  # it would start from the original
    assert reads_logged(held) == 0  # what was shown is not the young person's own words


def test_a_message_the_lead_closed_shows_workers_no_words(client, signed_in, held, lead):
    handled(held, lead)
    safeguarding.close(held, lead)
    db.session.commit()
    signed_in("worker")
    for path in (f"/moderation/{held.id}", f"/moderation/{held.id}/check"):
        shown = page(client.get(path))
        assert "hits me" not in shown and "Sam Jones" not in shown, path


@pytest.mark.parametrize("path", ["check", "follow-up"])
def test_check_and_follow_up_pages_show_no_words_of_a_held_message(client, signed_in, held, path):
    signed_in("worker")
    shown = page(client.get(f"/moderation/{held.id}/{path}"))
    assert "hits me" not in shown and "Only the safeguarding lead" in shown


def test_an_admin_manages_safeguarding_but_never_reads_it(client, signed_in, held):
    signed_in("admin")
    for path in ("/safeguarding/", f"/safeguarding/{held.id}"):
        shown = page(client.get(path))
        assert "hits me" not in shown and "Sam Jones" not in shown, path


def test_a_data_request_copy_leaves_out_a_held_message(client, signed_in, held):
    signed_in("worker")
    copy = json.loads(client.post("/privacy/requests/copy.json", data={"ids": held.id}).data)
    assert "hits me" not in json.dumps(copy) and "Sam Jones" not in json.dumps(copy)
    assert "only the safeguarding lead" in copy["submissions"][0]["withheld"]


def test_a_held_message_cannot_be_erased_until_the_lead_closes_it(client, signed_in, held, lead):
    signed_in("worker")
    refused = page(client.get(f"/privacy/erase/{held.id}"))
    assert "held for safeguarding" in refused and "Erase it" not in refused
    client.post(f"/privacy/erase/{held.id}", data={"asked": "y"})
    db.session.refresh(held)
    assert held.message == WORRYING
    gone = client.get("/privacy/requests/erase", query_string={"ids": held.id})
    assert gone.status_code == 302
    handled(held, lead)
    safeguarding.close(held, lead)
    db.session.commit()
    client.post(f"/privacy/erase/{held.id}", data={"asked": "y"})
    db.session.refresh(held)
    assert held.message != WORRYING


def test_a_form_shown_again_after_a_post_logs_the_read(client, signed_in):
    submission = make_submission()
    signed_in("worker")
    client.post(f"/moderation/{submission.id}", data={"review-save": "y"})  # no shared text
    assert reads_logged(submission) == 1


def answered_case(make_user):
    officer, worker = make_user("officer"), make_user("worker", email="w2@example.org")
    submission = make_submission()
    area = ensure_area("Placements", lead=officer, officers=[officer])
    moderation.moderate(submission, worker, "Wifi", [submission.themes[0].id], [])
    moderation.route(submission, worker, area, officer)
    answering.save(
        submission,
        officer,
        decision="do",
        explanation="Yes.",
        team_name="Placements team",
        submit=True,
        actions=[("Fix it", "Placements team", date(2030, 1, 31))],
    )
    answering.release(submission, worker)
    return submission


def test_a_released_follow_up_is_passed_on_as_the_lead_wrote_it(client, signed_in, make_user, lead):
    submission = answered_case(make_user)
    follow_ups.ask(submission, WORRYING)
    handled(submission, lead)
    safeguarding.release(submission, lead, LEADS_VERSION)
    db.session.commit()
    assert submission.status == Status.FOLLOW_UP
    signed_in("worker")
    shown = page(client.get(f"/moderation/{submission.id}/follow-up"))
    assert LEADS_VERSION in shown and "hits me" not in shown


def test_an_expired_session_cannot_read_by_a_post_that_fails_its_csrf_check(
    app, monkeypatch, client, signed_in
):
    from datetime import timedelta

    from voice import clock

    submission = make_submission(name="Sam Jones")
    signed_in("worker")
    app.config["WTF_CSRF_ENABLED"] = True
    moved = clock.utcnow() + timedelta(minutes=31)
    monkeypatch.setattr(clock, "utcnow", lambda: moved)
    response = client.post(f"/moderation/{submission.id}", data={"csrf_token": "stale"})
    assert response.status_code == 302 and response.location.startswith("/staff/login")
    assert "Sam Jones" not in page(response) and reads_logged(submission) == 0


# --- Nothing identifying reaches an officer by default --------------------------------------

NAMED = "My name is Sam Jones and I live at 12 Oak Street, Bury BL9 0EJ. The bus is late."
DETAILS = ("Sam Jones", "Oak Street", "BL9 0EJ", "Bury")


def routing(submission, officer, **changes):
    data = {
        "review-themes": [str(submission.themes[0].id)],
        "review-version": str(submission.version),
        "review-route": "y",
        "review-service_area": "1",
        "review-officer": str(officer.id),
        **changes,
    }
    return data


def test_the_shared_version_starts_with_each_detail_replaced(client, signed_in):
    signed_in("worker")
    submission = make_submission(NAMED)
    review = page(client.get(f"/moderation/{submission.id}"))
    start = review[review.index('name="review-shared_text"') :]
    start = start[: start.index("</textarea>")]
    assert "My name is [name] and I live at [street], [name] [postcode]." in start
    assert not any(detail in start for detail in DETAILS)


def test_routing_as_the_page_starts_it_sends_the_officer_no_detail(
    app, client, signed_in, officer, make_user
):
    signed_in("worker")
    submission = make_submission(NAMED, consent_quote=True, consent_publish=True)
    review = page(client.get(f"/moderation/{submission.id}"))
    shared = review[review.index('name="review-shared_text"') :]
    shared = shared[shared.index(">") + 1 : shared.index("</textarea>")].strip()
    sent = client.post(
        f"/moderation/{submission.id}",
        data=routing(submission, officer, **{"review-shared_text": shared}),
    )
    assert sent.status_code == 302
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER
    reader = app.test_client()
    reader_in = app.test_client()  # a second browser: the officer, then the board
    from tests.conftest import PASSWORD, enter_code

    for browser, user in ((reader, officer), (reader_in, make_user("board"))):
        first = browser.post("/staff/login", data={"email": user.email, "password": PASSWORD})
        enter_code(browser, user, first.location)
    pages = [
        reader.get("/responses/"),
        reader.get(f"/responses/{submission.id}"),
        reader.get(f"/responses/{submission.id}/respond"),
        reader_in.get("/board/"),
        reader_in.get("/board/figures.csv"),
        reader_in.get("/board/pack"),
        client.get("/board/submissions.csv"),  # the per-message list is the workers' now
    ]
    for shown in pages:
        assert shown.status_code == 200
        assert not any(detail in page(shown) for detail in DETAILS), shown.request.path


def test_routing_waits_while_a_detail_is_left_in_unless_it_is_ticked(client, signed_in, officer):
    signed_in("worker")
    submission = make_submission(NAMED)
    typed = "Sam Jones says the bus from Oak Street is late."
    refused = client.post(
        f"/moderation/{submission.id}",
        data=routing(submission, officer, **{"review-shared_text": typed}),
    )
    assert refused.status_code == 200
    shown = page(refused)
    assert "These could identify someone" in shown and typed in shown  # nothing lost
    db.session.refresh(submission)
    assert submission.status == Status.NEW
    ticked_one = routing(
        submission, officer, **{"review-shared_text": typed, "review-keep": ["Sam Jones"]}
    )
    assert client.post(f"/moderation/{submission.id}", data=ticked_one).status_code == 200
    both = {**ticked_one, "review-keep": ["Sam Jones", "12 Oak Street"]}
    assert client.post(f"/moderation/{submission.id}", data=both).status_code == 302
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER and submission.shared_text == typed


# --- One safe-redirect check --------------------------------------------------------------

OFF_SITE = [
    "/%09/evil.example/path",
    "/\t/evil.example/path",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "/\\evil.example",
    "//evil.example",
    "https://evil.example/",
    "/\x7f/evil.example",
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_no_next_leads_off_the_site(client, target):
    from urllib.parse import unquote

    from voice.security import safe_next

    assert safe_next(unquote(target)) is None
    response = client.get("/lang/ur?next=" + target.replace("\t", "%09").replace("\n", "%0A"))
    assert response.headers["Location"] == "/"


def test_a_next_on_the_site_is_followed(client):
    from voice.security import safe_next

    assert safe_next("/moderation/?page=2") == "/moderation/?page=2"
    assert client.get("/lang/ur?next=/share").headers["Location"] == "/share"


def test_signing_in_never_follows_a_next_off_the_site(client, make_user):
    from tests.conftest import PASSWORD, enter_code

    user = make_user("worker")
    first = client.post(
        "/staff/login?next=/%09/evil.example/path",
        data={"email": user.email, "password": PASSWORD},
    )
    landed = enter_code(client, user, first.location)
    assert "evil.example" not in (landed.location or "")


# --- A link from another site changes nothing -----------------------------------------------


def test_the_quick_exit_never_signs_staff_out(client, signed_in):
    signed_in("worker")
    with client.session_transaction() as session:
        session["case"] = {"id": 1, "at": 0}
    assert client.get("/leave").status_code == 303
    with client.session_transaction() as session:
        assert "case" not in session  # the young person's things are forgotten
    assert client.get("/moderation/").status_code == 200  # the worker is still signed in


def test_a_copy_is_made_only_by_a_post_with_its_token(app, client, signed_in):
    submission = make_submission("My placement wifi")
    signed_in("worker")
    app.config["WTF_CSRF_ENABLED"] = True
    for method in ("GET", "POST"):
        shown = client.open(
            "/privacy/requests/copy.json", method=method, data={"ids": submission.id}
        )
        assert "My placement wifi" not in page(shown)
    assert (
        db.session.scalar(
            select(db.func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "data_export")
        )
        == 0
    )


def test_a_link_from_another_site_plants_no_read_in_the_audit_log(client, signed_in):
    submission = make_submission("My placement wifi")
    signed_in("worker")
    for path in (f"/moderation/{submission.id}", f"/moderation/{submission.id}/follow-up"):
        shown = page(client.get(path, headers={"Sec-Fetch-Site": "cross-site"}))
        assert "My placement wifi" not in shown and f'href="{path}"' in shown
    assert reads_logged(submission) == 0
    opened = client.get(f"/moderation/{submission.id}", headers={"Sec-Fetch-Site": "same-origin"})
    assert "My placement wifi" in page(opened) and reads_logged(submission) == 1


# --- The young person's copy is as neutral as /check ----------------------------------------


def test_the_young_persons_copy_never_says_safeguarding(app, held):
    from voice.submissions import codes, life_cycle

    code = codes.new_code()
    held.code_hash = codes.code_hash(code, life_cycle.code_key())
    db.session.commit()
    browser = app.test_client()
    browser.post("/check", data={"code": code})
    for path in ("/check/download", "/check/download.json"):
        shown = page(browser.get(path))
        assert "hits me" in shown  # their own words, in their own copy
        assert "safeguarding" not in shown.lower(), path
    urdu = app.test_client()
    urdu.get("/lang/ur?next=/check")
    urdu.post("/check", data={"code": code})
    assert "عملے کے ایک رکن نے اسے پڑھا" in page(urdu.get("/check/download"))


# --- Nobody can keep the safeguarding lead out ----------------------------------------------


def wrong_tries(client, email, times):
    for _ in range(times):
        client.post("/staff/login", data={"email": email, "password": "not the password!"})


def test_wrong_passwords_cannot_keep_the_lead_out(app, make_user):
    from tests.conftest import PASSWORD, code_for
    from voice.notifications.models import Notification

    lead = make_user("safeguarding")
    attacker = app.test_client()
    wrong_tries(attacker, lead.email, 12)
    # A password alone is refused while the account is paused, and says no more than that.
    desk = app.test_client()
    alone = desk.post("/staff/login", data={"email": lead.email, "password": PASSWORD})
    assert alone.status_code == 200 and 'name="code"' in page(alone)
    both = desk.post(
        "/staff/login", data={"email": lead.email, "password": PASSWORD, "code": code_for(lead)}
    )
    assert both.status_code == 302 and both.location == "/staff/"
    assert desk.get("/safeguarding/").status_code == 200
    # Admins were told once, with no account or words in the message.
    told = db.session.scalars(
        select(Notification).where(Notification.kind == "account_under_attack")
    ).all()
    assert len(told) == 1 and told[0].recipient == "role:admin"
    assert told[0].payload == {"user_id": lead.id}


def test_pauses_grow_with_each_wrong_try_and_end_by_themselves(app, make_user, monkeypatch):
    from datetime import timedelta

    from voice import clock
    from voice.auth import throttle
    from voice.auth.models import User

    with app.test_request_context():
        assert [throttle.pause_minutes(n) for n in (4, 5, 6, 7, 8, 9, 30)] == [
            0, 1, 2, 4, 8, 15, 15,
        ]  # fmt: skip
    user = make_user("worker")
    wrong_tries(app.test_client(), user.email, 7)
    paused_for = db.session.get(User, user.id).locked_until - clock.utcnow()
    assert timedelta(minutes=3) < paused_for <= timedelta(minutes=4)
    moved = clock.utcnow() + timedelta(minutes=5)
    monkeypatch.setattr(clock, "utcnow", lambda: moved)
    from tests.conftest import PASSWORD

    step = app.test_client().post("/staff/login", data={"email": user.email, "password": PASSWORD})
    assert step.status_code == 302  # the pause is over: on to the second step


def test_wrong_tries_from_one_address_pause_it_for_every_account(app, make_user):
    from tests.conftest import PASSWORD

    users = [make_user("officer", email=f"o{n}@example.org") for n in range(6)]
    browser = app.test_client()
    for user in users[:5]:
        wrong_tries(browser, user.email, 1)  # one each: no account reaches the limit
    refused = browser.post("/staff/login", data={"email": users[5].email, "password": PASSWORD})
    assert refused.status_code == 200  # this address is paused for a password alone
    elsewhere = app.test_client().post(
        "/staff/login",
        data={"email": users[5].email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "10.0.0.9"},
    )
    assert elsewhere.status_code == 302  # the account itself is not


# --- The reference code: shown for a short time, kept out of the cookie ----------------------


def session_of(app, client):
    cookie = client.get_cookie("voice_session")
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


def test_the_code_is_never_in_the_cookie_and_is_shown_for_a_short_time(app, client, monkeypatch):
    from datetime import timedelta

    from tests.submissions_helpers import send
    from voice import clock

    response, code = send(client)
    assert code and code in page(response)
    assert code not in json.dumps(session_of(app, client))
    assert code.replace("-", "") not in json.dumps(session_of(app, client))
    assert code in page(client.get("/share/sent"))  # a reload straight away still shows it
    moved = clock.utcnow() + timedelta(minutes=11)
    monkeypatch.setattr(clock, "utcnow", lambda: moved)
    monkeypatch.setattr("voice.submissions.routes.utcnow", lambda: moved)
    later = client.get("/share/sent")
    assert later.status_code == 302 and later.location == "/check"
    assert "sent" not in session_of(app, client)


def test_a_double_send_of_one_form_shows_one_code(app):
    from voice.submissions import codes

    assert codes.from_token("abc", "key") == codes.from_token("abc", "key")
    assert codes.from_token("abc", "key") != codes.from_token("abd", "key")
    assert codes.normalise(codes.from_token("abc", "key")) is not None


# --- Production needs real keys -------------------------------------------------------------


GOOD_KEY = "9f1c3e7a5b2d4f6081a3c5e7092b4d6f8a1c3e5b7d9f0213c4e6a8b0d2f4a6c8"


@pytest.mark.parametrize(
    "key", ["x", "changeme", "a" * 64, "0123456789abcdef" * 3, "short-but-not-hex-" * 2]
)
def test_production_refuses_a_weak_key(tmp_path, key):
    from voice import create_app

    for name in ("SECRET_KEY", "REFERENCE_CODE_KEY"):
        keys = {"SECRET_KEY": GOOD_KEY, "REFERENCE_CODE_KEY": GOOD_KEY, name: key}
        with pytest.raises(RuntimeError, match=f"{name} is too short.*token_hex"):
            create_app({"ENV": "production", "INSTANCE_PATH": str(tmp_path), **keys})


def test_production_starts_with_keys_made_as_the_readme_says(tmp_path):
    import secrets

    from voice import create_app

    app = create_app(
        {
            "ENV": "production",
            "INSTANCE_PATH": str(tmp_path),
            "SECRET_KEY": secrets.token_hex(32),
            "REFERENCE_CODE_KEY": secrets.token_urlsafe(32),
        }
    )
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_a_follow_up_goes_to_the_officer_without_the_details_unless_ticked(
    client, signed_in, make_user
):
    submission = answered_case(make_user)
    follow_ups.ask(submission, "Why does Mr Green at 4 Mill Lane decide?")
    db.session.commit()
    signed_in("worker")
    shown = page(client.get(f"/moderation/{submission.id}/follow-up"))
    assert "Why does [name] at [street] decide?" in shown
    typed = {"shared_text": "Why does Mr Green decide?", "version": str(submission.version)}
    kept = client.post(f"/moderation/{submission.id}/follow-up", data=typed)
    assert "These could identify someone" in page(kept) and "Mr Green decide" in page(kept)
    db.session.refresh(submission)
    assert submission.status == Status.FOLLOW_UP
    ticked = {**typed, "keep": ["Mr Green"]}
    assert client.post(f"/moderation/{submission.id}/follow-up", data=ticked).status_code == 302
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER


def test_a_form_token_copied_from_someone_elses_page_never_shows_their_code(app, client):
    from tests.submissions_helpers import answers, share_page

    _, token = share_page(client)
    response = client.post("/share", data=answers(token), follow_redirects=True)
    code = re.search(r'data-code="([^"]+)"', page(response)).group(1)
    again = client.post("/share", data=answers(token), follow_redirects=True)
    assert code in page(again)  # a double tap shows the same code
    stranger = app.test_client()
    share_page(stranger)  # a session of their own
    theirs = stranger.post("/share", data=answers(token), follow_redirects=True)
    assert code not in page(theirs) and 'data-code="' not in page(theirs)
    assert theirs.request.path == "/check"
