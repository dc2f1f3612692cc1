"""A young person on a phone reads "You said, we did", picks a topic, says "me too", then
opens a council decision and asks a question about it. axe-core finds nothing on any page."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.published_helpers import published
from voice.auth import services as accounts
from voice.decisions import services as decisions
from voice.extensions import db

SCHOOL = "My PEP meeting was moved 3 times and nobody told me why."
HOME = "The wifi at my placement goes off at 9pm."


def world(live_server, live_user):
    """Two published items in different topics and one decision; returns the decision id."""
    from datetime import date

    worker_email, _ = live_user("worker", name="Sam Worker")
    officer_email, _ = live_user("officer", name="Jordan Officer")
    with live_server.app.app_context():
        worker, officer = (accounts.find_user(worker_email), accounts.find_user(officer_email))
        published(worker, officer, HOME, HOME, theme="home")
        published(
            worker,
            officer,
            SCHOOL,
            SCHOOL,
            theme="school",
            summary="Schools now tell you why a PEP meeting moves.",
        )
        decision = decisions.post(
            worker,
            title="Wi-Fi in every placement until 10pm",
            decided_on=date(2026, 6, 18),
            what_was_decided="Every placement keeps the Wi-Fi on until at least 10pm.",
            what_it_means="You can get online for homework until 10pm.",
        )
        db.session.commit()
        return decision.id


def test_read_pick_a_topic_say_me_too_and_ask_about_a_decision(page, live_server, live_user):
    decision_id = world(live_server, live_user)
    page.goto(live_server("/"))
    page.get_by_role("link", name="You said, we did").click()
    page.locator(".said").first.wait_for()  # count() does not wait for the page to load
    assert page.locator(".said").count() >= 2
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    page.get_by_role("link", name="School and learning").click()
    items = page.locator(".said")
    assert items.count() == 1 and SCHOOL in items.inner_text()
    items.get_by_role("button", name="Me too").click()
    item = page.locator(".said", has_text=SCHOOL)
    assert "1 young person said “me too”" in item.inner_text()
    assert "You said “me too”" in item.locator(".me-too-note").inner_text()
    item.get_by_role("button", name="Me too").click()
    item = page.locator(".said", has_text=SCHOOL)
    assert "already said “me too”" in item.inner_text()
    assert "1 young person said “me too”" in item.inner_text()
    assert_accessible(page)

    page.goto(live_server("/decisions"))
    assert_accessible(page)
    page.get_by_role("link", name="Wi-Fi in every placement until 10pm").click()
    assert page.url.endswith(f"/decisions/{decision_id}")
    assert_accessible(page)
    page.get_by_role("link", name="Ask a question about this").click()
    assert "Wi-Fi in every placement" in page.locator("#asking-about").inner_text()
    assert page.get_by_label("A question").is_checked()
    page.get_by_label("Where I live").check()
    page.get_by_label("Your message").fill("Does this count at weekends too?")
    page.get_by_role("button", name="Send my message").click()
    expect(page.locator("#reference-code")).to_be_visible()
    assert_accessible(page)
