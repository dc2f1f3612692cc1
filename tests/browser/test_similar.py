"""Similar messages on the review page (issue 18), on a phone-sized screen: the worker sees
which other messages look the same, links one with a single press, and the page then says
how many young people raised it."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_agendas import moderated_submission
from tests.browser.test_staff_sign_in import sign_in


def test_a_worker_sees_a_similar_message_and_links_it_in_one_press(page, live_server, live_user):
    page.set_viewport_size(PHONE)
    email, password = live_user("worker", name="Sam Worker")
    with live_server.app.app_context():
        from voice.moderation.services import find

        first, _ = moderated_submission(email)
        second, _ = moderated_submission(email)
        second_id = find(second).id
    sign_in(page, live_server, email, password)
    page.goto(live_server(f"/moderation/{second_id}"))
    similar = page.locator("section", has=page.get_by_role("heading", name="look"))
    expect(similar.get_by_role("heading")).to_have_text("1 other message looks similar")
    expect(similar.get_by_role("link", name=first)).to_be_visible()
    expect(similar).to_contain_text("The wifi goes off at 9pm.")
    expect(page.get_by_text("young people raised this")).to_have_count(0)
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    similar.get_by_role("button", name=f"Says the same as {first}").click()
    expect(page.get_by_text(f"{second} now says the same as {first}.")).to_be_visible()
    expect(page.get_by_text("2 young people raised this.")).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)
