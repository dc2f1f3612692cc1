"""Similar messages on the review page (issue 18), on a phone-sized screen: the worker sees
which other messages look the same, links one with a single press, and the page then says
how many young people raised it."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import make_submission, theme_id
from voice.extensions import db

# Words no other test's messages use: the live server's database is shared by the session.
SAID = "The trampoline at Oakfield has been broken since March and nobody fixes it."


def moderated(worker_email):
    from voice.auth import services as accounts
    from voice.moderation import services as moderation

    submission = make_submission(SAID)
    worker = accounts.find_user(worker_email)
    moderation.moderate(submission, worker, SAID, [theme_id()], [])
    db.session.commit()
    return submission.reference, submission.id


def test_a_worker_sees_a_similar_message_and_links_it_in_one_press(page, live_server, live_user):
    page.set_viewport_size(PHONE)
    email, password = live_user("worker", name="Sam Worker")
    with live_server.app.app_context():
        first, _ = moderated(email)
        second, second_id = moderated(email)
    sign_in(page, live_server, email, password)
    page.goto(live_server(f"/moderation/{second_id}"))
    similar = page.locator("section", has=page.get_by_role("heading", name="look"))
    expect(similar.get_by_role("heading")).to_have_text("1 other message looks similar")
    expect(similar.get_by_role("link", name=first)).to_be_visible()
    expect(similar).to_contain_text("The trampoline at Oakfield")
    expect(page.get_by_text("young people raised this")).to_have_count(0)
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    similar.get_by_role("button", name=f"Says the same as {first}").click()
    expect(page.get_by_text(f"{second} now says the same as {first}.")).to_be_visible()
    expect(page.get_by_text("2 young people raised this.")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
