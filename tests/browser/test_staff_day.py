"""A worker's day at a laptop, counted in page loads (issue 19): clearing the queue costs one
page load a message with "Save and open next", the officer list follows the area chosen, and
every page changed passes axe at 1280 px and at 360 px."""

import pytest

from tests.browser.conftest import LAPTOP, PHONE, assert_accessible
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import make_submission
from voice.areas.services import ensure_area
from voice.auth import services as accounts
from voice.extensions import db
from voice.submissions.models import AgeBand, Source

# Only this test's messages are in this queue: the live server is shared by every test.
QUEUE = "/moderation/?source=another_app"


class Loads:
    """Counts the page loads of the main frame (a POST answered by a redirect is one)."""

    def __init__(self, page):
        self.count = 0
        page.on("load", lambda _: self.bump())

    def bump(self):
        self.count += 1

    def since(self, before):
        return self.count - before


def accessible_at_both_sizes(page):
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.set_viewport_size(LAPTOP)


@pytest.fixture
def people(live_server, live_user):
    worker, password = live_user("worker", name="Sam Worker")
    officer, _ = live_user("officer", name="Jordan Officer")
    other, _ = live_user("officer", name="Robin Elsewhere")
    with live_server.app.app_context():
        jordan, robin = accounts.find_user(officer), accounts.find_user(other)
        leaving = ensure_area("Leaving care service", lead=jordan, officers=[jordan])
        ensure_area("Fostering service", lead=robin, officers=[robin])
        db.session.commit()
        return {"worker": worker, "password": password, "officer": officer, "area": leaving.id}


def make_three(live_server):
    with live_server.app.app_context():
        made = [
            make_submission(
                f"Message {n} about my pocket money.",
                source=Source.ANOTHER_APP,
                age_band=AgeBand.FROM_14,
            )
            for n in range(3)
        ]
        return [(s.id, s.reference) for s in made]


def test_a_worker_clears_the_queue_in_one_page_load_a_message(page, live_server, people):
    page.set_viewport_size(LAPTOP)
    messages = make_three(live_server)
    sign_in(page, live_server, people["worker"], people["password"])
    loads = Loads(page)
    page.goto(live_server(QUEUE))
    row = page.locator("tr", has=page.get_by_role("link", name=messages[0][1]))
    assert "not read yet" in row.inner_text() and "14-15" in row.inner_text()
    accessible_at_both_sizes(page)

    before = loads.count
    page.get_by_role("link", name="Start with the first one").click()
    page.wait_for_url(f"**/moderation/{messages[0][0]}?source=another_app")
    assert loads.since(before) == 1
    accessible_at_both_sizes(page)

    for n, (submission_id, reference) in enumerate(messages):
        assert page.url.endswith(f"/moderation/{submission_id}?source=another_app")
        # The officer list offers only the chosen area's officers (no page load for that).
        page.get_by_label("Service area").select_option(label="Leaving care service")
        offered = page.locator("#review-officer option:not([hidden])").all_inner_texts()
        assert any("Jordan Officer" in o for o in offered)
        assert not any("Robin Elsewhere" in o for o in offered)
        page.get_by_label("Officer who will answer").select_option(
            label=f"Jordan Officer ({people['officer']})"
        )
        before = loads.count
        page.get_by_role("button", name="Save and open next").click()
        page.wait_for_load_state()
        notice = page.locator(".notice-success").inner_text()
        assert f"{reference} sent to Jordan Officer" in notice
        assert loads.since(before) == 1, f"message {n + 1} took {loads.since(before)} loads"
    assert "That was the last one in this queue" in page.locator(".notice-success").inner_text()
    assert page.url.endswith(QUEUE)


def test_the_staff_home_shows_the_workers_own_work_and_passes_axe(page, live_server, people):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, people["worker"], people["password"])
    assert page.locator("h1").inner_text() == "Hello, Sam Worker"
    assert page.get_by_role("link", name="Messages and follow-ups to read").count() == 1
    accessible_at_both_sizes(page)


def routed_case(live_server, worker_email, officer_email):
    with live_server.app.app_context():
        from voice.moderation import services as moderation
        from voice.responses import answer_templates

        worker, officer = accounts.find_user(worker_email), accounts.find_user(officer_email)
        area = ensure_area("Leaving care service", lead=officer, officers=[officer])
        submission = make_submission("The wifi at my placement goes off at 9pm.")
        moderation.moderate(
            submission, worker, "The wifi goes off at 9pm.", [submission.themes[0].id], []
        )
        moderation.route(submission, worker, area, officer)
        answer_templates.save(
            None, worker, team="Placements team", title="Wi-Fi at night", text="Thank you."
        )
        db.session.commit()
        return submission.id, submission.reference


def test_an_officer_answers_in_two_page_loads_with_live_plain_words(page, live_server, people):
    page.set_viewport_size(LAPTOP)
    submission_id, reference = routed_case(live_server, people["worker"], people["officer"])
    sign_in(page, live_server, people["officer"], people["password"])
    page.goto(live_server("/responses/"))
    accessible_at_both_sizes(page)
    loads = Loads(page)

    page.get_by_role("link", name=reference).click()
    page.wait_for_url(f"**/responses/{submission_id}/respond")
    accessible_at_both_sizes(page)
    page.get_by_label("We'll do it").check()
    page.locator("summary", has_text="Wi-Fi at night").first.click()
    page.locator("details", has_text="Wi-Fi at night").first.locator("[data-use-template]").click()
    assert page.get_by_label("The team answering").input_value() == "Placements team"
    box = page.get_by_label("Your explanation")
    box.fill(
        "Thank you for telling us. Your PA will ask the placement to keep the wifi on "
        "until 11pm prior to the end of the month. We will check with you that it worked."
    )
    flags = page.locator("#plain-words")
    flags.get_by_text("PA", exact=True).wait_for()  # flagged as they type, no page load
    assert "personal adviser" in flags.inner_text() and "before" in flags.inner_text()
    assert page.locator("#reading-age").inner_text().startswith("Reading age about ")
    assert loads.count == 1
    accessible_at_both_sizes(page)

    page.get_by_role("button", name="Send for a worker's check").click()
    page.wait_for_url("**/responses/")
    assert f"Your response to {reference} is waiting" in page.locator(".notice").inner_text()
    assert loads.count == 2, f"answering took {loads.count} page loads"


def test_the_answer_templates_page_passes_axe(page, live_server, people):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, people["worker"], people["password"])
    page.goto(live_server("/moderation/answer-templates"))
    page.get_by_role("button", name="Save template").click()
    assert "Say which team" in page.locator(".error-summary").inner_text()
    accessible_at_both_sizes(page)


REASON = "The bus company has not sent the passes yet, so it will take two more weeks."


def test_a_late_action_gets_a_new_date_through_a_workers_check(page, live_server, people):
    from datetime import timedelta

    from tests.clock_helpers import answered_case
    from voice import clock

    page.set_viewport_size(LAPTOP)
    with live_server.app.app_context():
        worker = accounts.find_user(people["worker"])
        officer = accounts.find_user(people["officer"])
        late = clock.utcnow().date() - timedelta(days=2)
        _, response = answered_case(
            worker, officer, actions=[("Order your bus pass", "Leaving care team", late)]
        )
        action_id = response.actions[0].id
    new_date = clock.utcnow().date() + timedelta(days=14)

    sign_in(page, live_server, people["officer"], people["password"])
    page.goto(live_server(f"/actions/{action_id}"))
    accessible_at_both_sizes(page)
    page.get_by_label("What has happened").fill(REASON)
    page.get_by_label("New date (only if it will be late)").fill(new_date.isoformat())
    page.get_by_role("button", name="Save the update").click()
    assert REASON in page.locator("#action-waiting").inner_text()
    accessible_at_both_sizes(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, people["worker"], people["password"])
    page.get_by_role("link", name="Action updates to check").first.click()
    section = page.locator("section", has_text=REASON)
    assert "new date" in section.inner_text()
    accessible_at_both_sizes(page)
    section.get_by_role("button", name="Release to the young person").click()
    assert "Released" in page.locator(".notice-success").inner_text()
    assert page.locator("section", has_text=REASON).count() == 0
