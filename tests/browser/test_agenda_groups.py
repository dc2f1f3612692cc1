"""A group of messages saying the same thing goes on an agenda as one item (issue 18), on a
phone-sized screen; a young person in the group reads what the meeting decided."""

from datetime import timedelta

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_agendas import OUTCOME, moderated_submission
from tests.browser.test_staff_sign_in import sign_in
from voice.clock import utcnow
from voice.extensions import db


def linked(worker_email, size=3):
    from voice.auth import services as accounts
    from voice.moderation import services as moderation
    from voice.moderation.services import find

    made = [moderated_submission(worker_email) for _ in range(size)]
    worker = accounts.find_user(worker_email)
    first = find(made[0][0])
    for reference, _ in made[1:]:
        moderation.link_same_as(find(reference), first, worker)
    db.session.commit()
    return made


def test_a_group_is_one_item_and_each_young_person_in_it_reads_the_outcome(
    page, live_server, live_user
):
    page.set_viewport_size(PHONE)
    email, password = live_user("worker", name="Sam Worker")
    with live_server.app.app_context():
        made = linked(email)
    sign_in(page, live_server, email, password)
    page.goto(live_server("/agendas/new"))
    page.get_by_label("The Children in Care Council").check()
    page.get_by_label("Date of the meeting").fill((utcnow().date() + timedelta(days=3)).isoformat())
    page.get_by_role("button", name="Plan the meeting").click()
    page.get_by_label("Add a message by its reference").fill(made[2][0])
    page.get_by_label("With every message linked to it as saying the same thing").check()
    page.get_by_role("button", name="Add the message").click()
    item = page.locator(".agenda-item")
    expect(item).to_have_count(1)
    expect(item.get_by_role("heading", level=3)).to_have_text(
        f"3 messages saying the same thing, with {made[2][0]}"
    )
    for reference, _ in made:
        expect(item).to_contain_text(reference)
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    meeting_url = page.url

    with live_server.app.app_context():
        from voice.agendas.models import Meeting

        meeting = db.session.get(Meeting, int(meeting_url.rstrip("/").rsplit("/", 1)[1]))
        meeting.held_on = utcnow().date() - timedelta(days=1)
        db.session.commit()
    page.goto(meeting_url)
    page.locator("textarea").first.fill(OUTCOME)
    page.get_by_role("button", name="Save what was decided about item 1").click()
    expect(page.get_by_text("Saved.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill(made[0][1])  # not the one typed in
    page.get_by_role("button", name="Check").click()
    expect(page.get_by_text(OUTCOME)).to_be_visible()
    assert_accessible(page)
    assert_no_sideways_scroll(page)


def test_a_worker_adds_a_group_to_the_next_meeting_from_the_review_page(
    page, live_server, live_user
):
    page.set_viewport_size(PHONE)
    email, password = live_user("worker", name="Sam Worker")
    with live_server.app.app_context():
        made = linked(email, size=2)
        from voice.agendas import services as agendas
        from voice.auth import services as accounts
        from voice.moderation.services import find

        worker = accounts.find_user(email)
        day = utcnow().date() + timedelta(days=5)
        meeting = agendas.create_meeting(worker, body="cicc", held_on=day, title="Group test")
        db.session.commit()
        meeting_id, submission_id = meeting.id, find(made[1][0]).id
    sign_in(page, live_server, email, password)
    page.goto(live_server(f"/moderation/{submission_id}"))
    form = page.locator("section", has=page.get_by_role("heading", name="Talk about this group"))
    expect(form.get_by_label("Meeting")).to_contain_text("Group test")
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    form.get_by_role("button", name="Add this group to the agenda").click()
    expect(page.get_by_text("The group is on the agenda for Group test.")).to_be_visible()
    assert_accessible(page)
    page.goto(live_server(f"/agendas/{meeting_id}"))
    expect(page.locator(".agenda-item").get_by_role("heading", level=3)).to_have_text(
        f"2 messages saying the same thing, with {made[1][0]}"
    )
