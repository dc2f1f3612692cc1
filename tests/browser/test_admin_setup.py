"""Issue 16's "done when": a council starts from an empty database (`db upgrade` and `users
create --role admin`, no demo data) and, through the admin area alone, sets itself up,
invites a worker and an officer who accept and sign in, and then a young person's message is
sent, routed and answered. axe finds nothing on the admin pages."""

import os
import re

import pyotp
import pytest
from sqlalchemy import select

from tests.browser.conftest import (
    LAPTOP,
    PHONE,
    assert_accessible,
    assert_no_sideways_scroll,
    served,
)
from tests.conftest import settings_for
from voice import create_app
from voice.extensions import db
from voice.notifications.models import Notification

ADMIN = ("admin@northshire.example", "harbour lantern copper violin")
WORKER = ("sam@northshire.example", "Sam Patel", "meadow orbit kettle saffron")
OFFICER = ("jordan@northshire.example", "Jordan Reid", "granite puzzle willow ember")
MESSAGE = "The wifi at my placement goes off at 9pm and I can't do my homework."


@pytest.fixture(scope="module")
def fresh_server(tmp_path_factory):
    """A new council's server: the real commands against an empty database."""
    folder = tmp_path_factory.mktemp("fresh")
    # SQLite in its own folder whatever the run: this council's database starts empty.
    database = f"sqlite:///{folder / 'voice.sqlite3'}"
    app = create_app(settings_for(folder, TESTING=False, SQLALCHEMY_DATABASE_URI=database))
    runner = app.test_cli_runner()
    for args in (
        ["db", "upgrade"],
        ["users", "create", "--email", ADMIN[0], "--role", "admin", "--password", ADMIN[1]],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code == 0, result.output
    yield from served(app)


@pytest.fixture(scope="module")
def shots():
    """A folder for screenshots for a person to look at, when VOICE_SHOTS names one (as
    VOICE_SCREENSHOTS does for test_languages and test_safety_net); None otherwise: a
    full-page picture checks nothing, and drawing and encoding it costs CPU."""
    return os.environ.get("VOICE_SHOTS")


def person(browser, viewport=LAPTOP):
    """A browser of one's own (cookies apart), failing on any console error."""
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.set_default_timeout(30000)  # 2 shared cores: a busy moment is not a failure
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    return tab


def check_admin_page(page, shots, name):
    """axe at laptop size; at 360 px nothing scrolls sideways; a screenshot of each (when
    VOICE_SHOTS names a folder)."""
    assert_accessible(page)
    if shots:
        page.screenshot(path=f"{shots}/{name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    assert_no_sideways_scroll(page)
    if shots:
        page.screenshot(path=f"{shots}/{name}-360.png", full_page=True)
    page.set_viewport_size(LAPTOP)


def set_up_two_step(page, server):
    """The set-up page shows the key; an authenticator app would turn it into this code."""
    page.wait_for_url(server("/staff/sign-in/set-up"))
    key = page.locator("#setup-key").inner_text().replace(" ", "")
    page.get_by_label("Code from your app").fill(pyotp.TOTP(key).now())
    page.get_by_role("button", name="Finish setting up").click()
    assert "recovery" in page.locator("h1").inner_text().lower()


def link_sent_to(server, email):
    """The link in the newest e-mail the outbox holds for this person."""
    from voice.auth.models import User

    with server.app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        notification = db.session.scalar(
            select(Notification)
            .where(Notification.recipient == f"user:{user.id}")
            .order_by(Notification.id.desc())
        )
        return notification.payload["path"]


def admin_sets_up(page, server, shots):
    page.goto(server("/staff/login"))
    page.get_by_label("E-mail address").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    set_up_two_step(page, server)

    page.goto(server("/admin/"))
    assert "5 of 5" in page.locator("main").inner_text()
    check_admin_page(page, shots, "checklist")

    page.get_by_role("link", name="Council settings").first.click()
    page.get_by_label("Council name").fill("Northshire Council")
    page.get_by_label("Out-of-hours team").fill("the Emergency Duty Team")
    page.get_by_label("Out-of-hours phone number").fill("01234 567890")
    page.get_by_label("Smallest number the board sees").fill("3")
    page.get_by_role("button", name="Save settings").click()
    assert "It must be at least 5" in page.locator(".error-summary").inner_text()
    check_admin_page(page, shots, "settings-error")
    page.get_by_label("Smallest number the board sees").fill("5")
    page.get_by_role("button", name="Save settings").click()
    assert "Settings saved" in page.locator(".notice").inner_text()

    for (email, name, _), role in ((WORKER, "Participation worker"), (OFFICER, "Officer")):
        page.goto(server("/admin/staff"))
        page.get_by_label("Work e-mail address").fill(email)
        page.get_by_label("Name", exact=True).fill(name)
        page.get_by_label("Role").select_option(label=role)
        page.get_by_role("button", name="Send invitation").click()
        assert f"Invitation sent to {email}" in page.locator(".notice").inner_text()
    check_admin_page(page, shots, "staff")


def accepts_invitation(browser, server, who):
    email, name, password = who
    page = person(browser)
    page.goto(server(link_sent_to(server, email)))
    assert_accessible(page)
    page.get_by_label("Your name, as colleagues know it").fill(name)
    page.get_by_label("New password").fill(password)
    page.get_by_label("The same password again").fill(password)
    page.get_by_role("button", name="Set password and continue").click()
    set_up_two_step(page, server)
    page.get_by_role("link", name=re.compile("continue")).click()
    return page


def admin_adds_topics_area_and_promise(page, server, shots):
    page.goto(server("/admin/topics"))
    page.get_by_role("button", name=re.compile("Load the starter set")).click()
    assert "Starter set loaded" in page.locator(".notice").inner_text()
    check_admin_page(page, shots, "topics")

    page.goto(server("/admin/areas/new"))
    page.get_by_label("Name", exact=True).fill("Placements and fostering")
    page.get_by_label("Lead").select_option(label=f"{OFFICER[1]} ({OFFICER[0]})")
    page.get_by_label(f"{OFFICER[1]} ({OFFICER[0]})").check()
    check_admin_page(page, shots, "area")
    page.get_by_role("button", name="Save service area").click()
    assert "saved" in page.locator(".notice").inner_text()

    page.goto(server("/admin/promise/new"))
    page.get_by_label("The clause, as the council wrote it").fill(
        "We will listen to you and explain our decisions."
    )
    page.get_by_role("button", name="Save clause").click()
    check_admin_page(page, shots, "promise")

    page.goto(server("/admin/"))
    main = page.locator("main").inner_text()
    assert "Everything is set up" in main or "1 of 5" in main  # the safeguarding lead remains


def young_person_sends(browser, server):
    page = person(browser, PHONE)
    page.goto(server("/share"))
    page.get_by_role("radio", name="My view", exact=True).check()
    page.get_by_role("radio", name="Where I live").check()
    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_label("The Children in Care Council").check()
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(server("/share/sent"))
    return page, page.locator("#reference-code").inner_text().strip()


def the_message(server):
    from voice.submissions.models import Submission

    with server.app.app_context():
        submission = db.session.scalar(select(Submission))
        return submission.id, submission.reference


def worker_routes(page, server, reference):
    page.goto(server("/moderation/"))
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Where I live", exact=True).check()
    page.get_by_label("Service area").select_option(label="Placements and fostering")
    page.get_by_label("Officer who will answer").select_option(label=f"{OFFICER[1]} ({OFFICER[0]})")
    page.get_by_role("button", name="Save and send to the officer").click()
    assert f"{reference} sent to {OFFICER[1]}" in page.locator(".notice").inner_text()


def officer_answers(page, server, reference):
    page.goto(server("/responses/"))
    page.get_by_role("link", name=reference).click()  # straight to the answer form
    page.get_by_label("We'll do it", exact=True).check()
    page.get_by_label("Your explanation").fill(
        "You told us the wifi goes off at 9pm. We agree that is too early for homework."
    )
    page.get_by_label("The team answering").fill("Placements team")
    page.get_by_role("button", name="Send for a worker's check").click()
    assert "waiting for a worker's check" in page.locator(".notice").inner_text()


def test_a_council_sets_voice_up_from_an_empty_database(browser, fresh_server, shots):
    server = fresh_server
    young = person(browser, PHONE)
    young.goto(server("/share"))
    assert "Voice is not open yet" in young.locator("h1").inner_text()
    assert_accessible(young)

    admin = person(browser)
    admin_sets_up(admin, server, shots)
    worker = accepts_invitation(browser, server, WORKER)
    officer = accepts_invitation(browser, server, OFFICER)
    admin_adds_topics_area_and_promise(admin, server, shots)

    young, code = young_person_sends(browser, server)
    assert "Northshire Council" in young.content()
    submission_id, reference = the_message(server)
    worker_routes(worker, server, reference)
    officer_answers(officer, server, reference)
    worker.goto(server(f"/moderation/{submission_id}"))
    worker.get_by_role("link", name="Check the officer's response").click()
    worker.get_by_role("button", name="Release to the young person").click()
    assert f"{reference} released" in worker.locator(".notice").inner_text()

    young.goto(server("/check"))
    young.get_by_label("Your reference code").fill(code)
    young.get_by_role("button", name="Check").click()
    assert "We'll do it." in young.locator(".answer").inner_text()
    for tab in (young, admin, worker, officer):
        assert tab.errors == []
