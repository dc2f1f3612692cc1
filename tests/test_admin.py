"""The admin area (issue 16): a council sets Voice up without a developer."""

from datetime import datetime, time, timedelta

import pyotp
import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD, settings_for
from tests.submissions_helpers import make_submission, theme_id
from voice import clock, create_app
from voice.admin import council
from voice.admin.models import StaffLink
from voice.admin.promise import wording_at
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.auth.models import Role, User
from voice.board import periods
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.promises.models import Promise
from voice.submissions.models import Submission
from voice.themes.models import Theme

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

NEW_PASSWORD = "violet kettle orbit meadow"


def audited(action):
    """The details of the `action` events, oldest first (PostgreSQL keeps no order unasked)."""
    events = select(AuditEvent.detail).where(AuditEvent.action == action)
    return db.session.scalars(events.order_by(AuditEvent.id)).all()


def settings_form(**changes):
    values = {
        "COUNCIL_NAME": "Northshire Council",
        "OUT_OF_HOURS_NAME": "the Emergency Duty Team",
        "OUT_OF_HOURS_PHONE": "01234 567890",
        "COMPLAINTS_URL": "https://northshire.example/complaints",
        "QUICK_EXIT_URL": "https://www.bbc.co.uk/weather",
        "RESPONSE_TARGET_DAYS": "15",
        "RESPONSE_REMINDER_DAYS": "3",
        "AUTO_CLOSE_DAYS": "20",
        "INFLUENCE_ASK_DAYS": "20",
        "BOARD_SUPPRESS_BELOW": "6",
        "RETENTION_DAYS": "730",
        "WORKING_DAY_ENDS_AT": "17",
    }
    values.update(changes)
    return values


# --- Set-up checklist, "not open yet" and /healthz ------------------------------------------


def test_a_new_council_sees_what_is_missing_and_young_people_see_not_open_yet(
    app, client, signed_in
):
    signed_in("admin")
    page = client.get("/admin/").get_data(as_text=True)
    assert "Still to do before young people can use Voice: 5 of 5" in page
    assert "Young people cannot send messages yet" in page

    young = app.test_client()
    share = young.get("/share").get_data(as_text=True)
    assert "Voice is not open yet" in share and "Childline" in share
    assert 'name="message"' not in share  # never an empty form
    young.set_cookie("lang", "ur")
    assert "Voice ابھی کھلا نہیں ہے" in young.get("/share").get_data(as_text=True)
    young.set_cookie("lang", "en")
    assert young.post("/share", data={"message": "hello"}).status_code == 200
    assert db.session.scalar(select(Submission.id).limit(1)) is None
    health = young.get("/healthz")
    assert health.status_code == 200  # a load balancer must keep the help-now page up
    assert health.get_json()["open"] is False and "topics" in health.get_json()["why"]


def test_the_starter_set_opens_voice_at_once(app, client, signed_in):
    signed_in("admin")
    young = app.test_client()
    assert "not open yet" in young.get("/share").get_data(as_text=True)
    client.post("/admin/topics/starter-set")
    assert "Where I live" in young.get("/share").get_data(as_text=True)
    assert young.get("/healthz").get_json() == {"status": "ok", "open": True}
    assert audited("topic_changed") == ["loaded the starter set (14 added)"]
    # Voice's own Urdu comes with it, so no starter topic needs translating.
    page = client.get("/admin/topics").get_data(as_text=True)
    assert "Needs translation" not in page
    assert "Load the starter set" not in page  # nothing left to load


# --- Council settings -----------------------------------------------------------------------


def test_settings_saved_on_the_page_are_what_young_people_read(app, client, signed_in):
    signed_in("admin")
    response = client.post("/admin/settings", data=settings_form())
    assert response.status_code == 302
    assert app.config["COUNCIL_NAME"] == "Northshire Council"
    assert app.config["RESPONSE_TARGET_DAYS"] == 15
    home = app.test_client().get("/").get_data(as_text=True)
    assert "Northshire Council" in home and "01234 567890" in home
    changed = audited("settings_changed")[0]
    assert "COUNCIL_NAME" in changed and "01234" not in changed  # names, never values


def test_the_board_never_sees_a_number_below_five(app, client, signed_in):
    signed_in("admin")
    page = client.post("/admin/settings", data=settings_form(BOARD_SUPPRESS_BELOW="3"))
    assert "It must be at least 5" in page.get_data(as_text=True)
    assert app.config["BOARD_SUPPRESS_BELOW"] == 5
    assert not audited("settings_changed")


def test_settings_never_saved_keep_the_environments_value(app, client, signed_in):
    signed_in("admin")
    before = app.config["QUICK_EXIT_URL"]
    client.post("/admin/settings", data=settings_form(QUICK_EXIT_URL=before))
    saved = db.session.scalar(select(council.CouncilSettings.values))
    assert "QUICK_EXIT_URL" not in saved and "COUNCIL_NAME" in saved


def test_a_second_server_sees_a_change_within_a_second(
    app, client, signed_in, tmp_path, monkeypatch
):
    monkeypatch.setattr(council, "CHECK_SECONDS", 3600)  # a slow machine still inside it
    other = create_app(settings_for(tmp_path))  # the same database, another process's config
    with other.app_context():
        assert other.config["COUNCIL_NAME"] == "the council"
    signed_in("admin")
    client.post("/admin/settings", data=settings_form())
    with other.app_context():  # before the check is due: still the value it read
        assert other.config["COUNCIL_NAME"] == "the council"
    monkeypatch.setattr(council, "CHECK_SECONDS", 0)  # as if the second had passed
    page = other.test_client().get("/").get_data(as_text=True)
    assert "Northshire Council" in page  # the page drawn once was drawn again
    assert other.config["BOARD_SUPPRESS_BELOW"] == 6


# --- Topics ---------------------------------------------------------------------------------


def test_topics_are_added_renamed_reordered_and_retired_and_show_at_once(app, client, signed_in):
    signed_in("admin")
    young = app.test_client()
    client.post("/admin/topics/new", data={"name": "Pocket money", "description": "Money."})
    client.post("/admin/topics/new", data={"name": "School", "description": "Lessons."})
    assert "Pocket money" in young.get("/share").get_data(as_text=True)
    money = db.session.scalar(select(Theme).where(Theme.name == "Pocket money"))
    client.post(f"/admin/topics/{money.id}", data={"name": "Money", "description": "Savings."})
    client.post(f"/admin/topics/{money.id}/down")
    share = young.get("/share").get_data(as_text=True)
    assert "Pocket money" not in share and share.index("School") < share.index("Money")
    client.post(f"/admin/topics/{money.id}/retire")
    assert ">Money<" not in young.get("/share").get_data(as_text=True)
    assert len(audited("topic_changed")) == 5


def test_a_retired_topic_stays_on_the_messages_sent_under_it(app, client, signed_in):
    signed_in("admin")
    make_submission()
    home = db.session.get(Theme, theme_id("home"))
    client.post(f"/admin/topics/{home.id}/retire")
    submission = db.session.scalar(select(Theme).where(Theme.slug == "home"))
    assert submission.active is False
    assert [t.slug for t in db.session.scalars(select(Submission)).one().themes] == ["home"]


def test_the_last_topic_cannot_be_retired(app, client, signed_in):
    signed_in("admin")
    client.post("/admin/topics/new", data={"name": "Only one"})
    only = db.session.scalar(select(Theme))
    page = client.post(f"/admin/topics/{only.id}/retire", follow_redirects=True)
    assert "This is the last topic" in page.get_data(as_text=True)
    assert db.session.get(Theme, only.id).active


def test_a_topic_needs_translating_until_its_urdu_is_given(app, client, signed_in):
    signed_in("admin")
    client.post("/admin/topics/new", data={"name": "Buses", "description": "Getting about."})
    assert "Needs translation" in client.get("/admin/topics").get_data(as_text=True)
    young = app.test_client()
    young.set_cookie("lang", "ur")
    assert "Buses" in young.get("/share").get_data(as_text=True)  # English until then
    buses = db.session.scalar(select(Theme))
    client.post(
        f"/admin/topics/{buses.id}",
        data={
            "name": "Buses",
            "description": "Getting about.",
            "name_ur": "بسیں",
            "description_ur": "آنا جانا۔",
        },
    )
    assert "Needs translation" not in client.get("/admin/topics").get_data(as_text=True)
    share = young.get("/share").get_data(as_text=True)
    assert "بسیں" in share and "آنا جانا۔" in share


# --- Service areas, routing and reassigning ---------------------------------------------------


def test_an_area_has_a_lead_and_officers_and_an_officer_may_be_in_several(
    client, signed_in, make_user
):
    signed_in("admin")
    ann, ben = make_user("officer", name="Ann"), make_user("officer", name="Ben")
    client.post(
        "/admin/areas/new",
        data={"name": "Leaving care", "lead": ann.id, "officers": [ben.id], "active": "y"},
    )
    client.post("/admin/areas/new", data={"name": "Fostering", "officers": [ben.id], "active": "y"})
    from voice.areas.models import ServiceArea

    leaving, fostering = (
        db.session.scalar(select(ServiceArea).where(ServiceArea.name == n))
        for n in ("Leaving care", "Fostering")
    )
    assert leaving.lead == ann and set(leaving.officers) == {ann, ben}
    assert fostering.officers == [ben]
    assert len(audited("area_changed")) == 2


def test_routing_refuses_an_officer_from_another_area(signed_in, make_user):
    worker = signed_in("worker")
    ann, ben = make_user("officer"), make_user("officer")
    ensure_area("Leaving care", lead=ann, officers=[ann])
    fostering = ensure_area("Fostering", lead=ben, officers=[ben])
    submission = make_submission()
    moderation.moderate(submission, worker, "x", [theme_id()], [])
    with pytest.raises(moderation.ModerationRefused, match="not an officer of Fostering"):
        moderation.route(submission, worker, fostering, ann)


def test_the_review_page_offers_officers_under_their_area(client, signed_in, make_user):
    signed_in("worker")
    ann = make_user("officer", name="Ann Officer")
    ensure_area("Leaving care", lead=ann, officers=[ann])
    make_user("officer", name="Nobody's Officer")
    db.session.commit()
    submission = make_submission()
    page = client.get(f"/moderation/{submission.id}").get_data(as_text=True)
    group = page.split('<optgroup label="Leaving care">')[1].split("</optgroup>")[0]
    assert "Ann Officer" in group and "Nobody&#39;s Officer" not in page


def test_a_worker_reassigns_a_case_and_the_reply_date_stays(client, signed_in, make_user):
    worker = signed_in("worker")
    ann, ben = make_user("officer"), make_user("officer")
    first = ensure_area("Leaving care", lead=ann, officers=[ann])
    second = ensure_area("Fostering", lead=ben, officers=[ben])
    submission = make_submission()
    moderation.moderate(submission, worker, "x", [theme_id()], [])
    moderation.route(submission, worker, first, ann)
    db.session.commit()
    due = submission.due_on
    wrong = client.post(
        f"/moderation/{submission.id}/reassign",
        data={"service_area": second.id, "officer": ann.id},
    )
    assert "not an officer of Fostering" in wrong.get_data(as_text=True)
    client.post(
        f"/moderation/{submission.id}/reassign",
        data={"service_area": second.id, "officer": ben.id},
    )
    db.session.refresh(submission)
    assert submission.officer == ben and submission.due_on == due
    told = db.session.scalars(select(Notification.recipient)).all()
    assert f"user:{ben.id}" in told
    assert "to Fostering" in audited("reassigned")[0]


# --- The promise ----------------------------------------------------------------------------


def test_a_clause_keeps_its_earlier_words_for_messages_sent_under_them(client, signed_in):
    signed_in("admin")
    client.post("/admin/promise/new", data={"text": "We will listen."})
    clause = db.session.scalar(select(Promise))
    sent_before = clock.utcnow()
    client.post(
        f"/admin/promise/{clause.id}", data={"text": "We will listen and act.", "active": "y"}
    )
    db.session.refresh(clause)
    assert clause.text == "We will listen and act."
    assert wording_at(clause, sent_before) == "We will listen."
    assert wording_at(clause, clock.utcnow()) == "We will listen and act."
    page = client.get(f"/admin/promise/{clause.id}").get_data(as_text=True)
    assert "We will listen." in page  # earlier wordings are shown


# --- Staff ----------------------------------------------------------------------------------


def invite_link(user):
    notification = db.session.scalar(
        select(Notification)
        .where(Notification.recipient == f"user:{user.id}")
        .order_by(Notification.id.desc())
    )
    return notification.payload["path"]


def test_an_invited_colleague_sets_a_password_and_two_step_on_one_visit(app, client, signed_in):
    signed_in("admin")
    client.post(
        "/admin/staff/invite",
        data={"email": "Sam@Council.example", "name": "Sam", "role": "worker"},
    )
    sam = db.session.scalar(select(User).where(User.email == "sam@council.example"))
    assert (
        sam.role == Role.WORKER
        and "sam@council.example as Participation worker" in (audited("staff_invited")[0])
    )
    path = invite_link(sam)
    # Someone with the address and a guess cannot sign in before Sam accepts.
    newcomer = app.test_client()
    refused = newcomer.post("/staff/login", data={"email": sam.email, "password": "!invited"})
    assert refused.status_code == 200
    accepted = newcomer.post(
        path, data={"name": "Sam Patel", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert accepted.location == "/staff/sign-in/set-up"
    db.session.refresh(sam)
    code = pyotp.TOTP(sam.mfa_secret).now()
    done = newcomer.post("/staff/sign-in/set-up", data={"code": code})
    assert "recovery" in done.get_data(as_text=True).lower()
    assert newcomer.get("/moderation/").status_code == 200
    # The link works once.
    assert app.test_client().get(path).status_code == 404


def test_an_invitation_lasts_72_hours(app, client, signed_in, monkeypatch):
    signed_in("admin")
    client.post("/admin/staff/invite", data={"email": "late@council.example", "role": "officer"})
    path = invite_link(db.session.scalar(select(User).where(User.email == "late@council.example")))
    later = clock.utcnow() + timedelta(hours=72, minutes=1)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    page = app.test_client().get(path)
    assert page.status_code == 404 and "does not work any more" in page.get_data(as_text=True)


def test_the_last_admin_cannot_be_switched_off_or_demoted(client, signed_in, make_user):
    admin = signed_in("admin")
    page = client.post(f"/admin/staff/{admin.id}/switch-off", follow_redirects=True)
    assert "the only admin" in page.get_data(as_text=True)
    client.post(f"/admin/staff/{admin.id}/role", data={"role": "worker"})
    db.session.refresh(admin)
    assert admin.active and admin.role == Role.ADMIN
    client.post("/admin/staff/invite", data={"email": "new@council.example", "role": "admin"})
    client.post(f"/admin/staff/{admin.id}/role", data={"role": "worker"})
    db.session.refresh(admin)
    assert admin.role == Role.ADMIN  # an invited admin who has not accepted is no admin yet
    other = make_user("admin")
    client.post(f"/admin/staff/{other.id}/switch-off")
    db.session.refresh(other)
    assert not other.active
    assert f"{other.email}: switched off" in audited("staff_changed")


def test_an_admin_resets_two_step_sign_in_and_changes_a_role(client, signed_in, make_user):
    signed_in("admin")
    worker = make_user("worker")
    client.post(f"/admin/staff/{worker.id}/reset-two-step")
    client.post(f"/admin/staff/{worker.id}/role", data={"role": "board"})
    db.session.refresh(worker)
    assert not worker.mfa_enrolled and worker.role == Role.BOARD


def test_forgot_password_says_the_same_for_any_address(app, make_user):
    known = make_user("worker")
    answers = []
    for email in (known.email, "nobody@council.example"):
        page = app.test_client().post(
            "/staff/forgot-password", data={"email": email}, follow_redirects=True
        )
        answers.append(page.get_data(as_text=True).replace(email, "EMAIL"))
    assert answers[0] == answers[1] and "If that address belongs" in answers[0]
    assert db.session.scalar(select(StaffLink.user_id)) == known.id


def test_a_reset_link_sets_a_new_password_once(app, make_user):
    known = make_user("worker")
    browser = app.test_client()
    browser.post("/staff/forgot-password", data={"email": known.email})
    path = invite_link(known)
    done = browser.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.location == "/staff/login"
    first = browser.post("/staff/login", data={"email": known.email, "password": NEW_PASSWORD})
    assert first.location == "/staff/sign-in/code"
    old = app.test_client().post("/staff/login", data={"email": known.email, "password": PASSWORD})
    assert old.status_code == 200
    assert browser.get(path).status_code == 404


def test_forgot_password_sends_at_most_three_links_an_hour_per_account(app, make_user):
    known = make_user("worker")
    for n in range(5):  # different browsers and spellings of the address: one account
        email = known.email.upper() if n % 2 else known.email
        app.test_client().post("/staff/forgot-password", data={"email": email})
    assert len(db.session.scalars(select(StaffLink)).all()) == 3


@pytest.fixture
def limited(tmp_path):
    app = create_app(settings_for(tmp_path, RATELIMIT_ENABLED=True))
    with app.app_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()


def test_forgot_password_is_limited_per_typed_address(limited):
    statuses = [
        limited.test_client()
        .post("/staff/forgot-password", data={"email": "someone@council.example"})
        .status_code
        for _ in range(4)
    ]
    assert statuses[:3] == [302, 302, 302] and statuses[3] == 429


# --- Navigation -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_link_in_the_navigation_opens_for_that_role(client, signed_in, role):
    signed_in(role)
    page = client.get("/staff/").get_data(as_text=True)
    nav = page.split('aria-label="Staff pages"')[1].split("</nav>")[0]
    import re

    links = re.findall(r'href="([^"]+)"', nav)
    assert links, f"{role} sees no links"
    for link in links:
        assert client.get(link).status_code == 200, (role, link)
    if role == "admin":
        assert "/responses" not in links and "/admin/" in links


def test_the_board_counts_each_message_under_the_words_in_force_when_it_was_sent(
    signed_in, monkeypatch
):
    from datetime import date, datetime

    from voice.admin import promise as clauses
    from voice.board.figures import Scope, by_wording
    from voice.board.periods import months_period

    admin = signed_in("admin")
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2026, 10, 1, 9))
    clause = clauses.add_clause(admin, "We listen.")
    db.session.commit()

    def sent(day, n):
        for _ in range(n):
            submission = make_submission()
            submission.created_at = datetime(2026, 10, day, 12)
            submission.promises = [clause]
        db.session.commit()

    sent(5, 6)
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2026, 10, 10, 9))
    clauses.reword(clause, admin, "We listen and act.")
    db.session.commit()
    sent(12, 7)
    counts = by_wording(Scope(months_period(date(2026, 10, 1), 1)))
    assert counts[clause.id] == {"We listen.": (6, 0), "We listen and act.": (7, 0)}


def test_a_retired_topic_stays_on_the_board_for_messages_sent_under_it(client, signed_in):
    signed_in("admin")
    # Five under "Where I live" in the board's default period (the last whole quarter), so the
    # board names the topic rather than folding it into "fewer than 5".
    period = periods.named(periods.DEFAULT, utcnow().date())
    for _ in range(5):
        make_submission().created_at = datetime.combine(period.start, time(12))
    db.session.commit()
    client.post(f"/admin/topics/{theme_id('home')}/retire")
    board = client.get("/board/").get_data(as_text=True)
    assert "Where I live (no longer offered)" in board
    client.post(f"/admin/topics/{theme_id('school')}/retire")  # nothing sent under it
    client.get("/admin/topics")  # (reads the "retired" notice)
    assert "School and learning" not in client.get("/board/").get_data(as_text=True)
