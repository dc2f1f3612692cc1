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
    assert page.locator("h1").inner_text() == "Your work"
    assert page.get_by_role("link", name="Messages and follow-ups to read").count() == 1
    accessible_at_both_sizes(page)
