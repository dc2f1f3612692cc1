"""The whole exchange in real browsers: an officer answers with two actions, a worker sends it
back, the officer revises, the worker releases; the young person reads it on a phone, rates
it "Partly" and asks a follow-up; the worker passes it on, the officer answers, the worker
releases, and the young person sees every exchange in order. axe finds nothing on any page.

Three browser contexts (officer, worker, young person) side by side, so each staff member
signs in once."""

from tests.browser.conftest import (
    LAPTOP,
    PHONE,
    assert_accessible,
    assert_no_sideways_scroll,
)
from tests.browser.test_responses import routed_submission
from tests.browser.test_staff_sign_in import sign_in

FIRST = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask your placement to keep it on until 11pm."
)
REVISED = FIRST + " It starts on 1 December."
QUESTION = "What about weekends? My carer still turns it off at 9."
SHARED = "What about weekends? My carer still turns it off at 9."
# Three Chromiums at once on a shared 2-core machine: more patience than one tab needs.
TIMEOUT = 20_000
SECOND = "Weekends too: the wifi stays on until 11pm every night from 1 December."


def watched_tab(context, size):
    """A tab that records console errors, like the `page` fixture's."""
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    tab.set_viewport_size(size)
    errors = []
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    return tab, errors


def write_response(officer, live_server, submission_id, explanation, actions=()):
    officer.goto(live_server(f"/responses/{submission_id}/respond"))
    officer.get_by_label("We'll do it", exact=True).check()
    officer.get_by_label("Your explanation").fill(explanation)
    officer.get_by_label("The team answering").fill("Placements team")
    for number, (what, team, when) in enumerate(actions, start=1):
        row = officer.locator("fieldset", has_text=f"Action {number}")
        row.get_by_label("What will happen").fill(what)
        row.get_by_label("Which team").fill(team)
        row.get_by_label("By when").fill(when)
    assert_accessible(officer)
    officer.get_by_role("button", name="Send for a worker's check").click()
    assert "waiting for a worker's check" in officer.locator(".notice").inner_text()


def release(worker, live_server, submission_id, reference):
    worker.goto(live_server(f"/moderation/{submission_id}/check"))
    assert_accessible(worker)
    worker.get_by_role("button", name="Release to the young person").click()
    assert f"{reference} released" in worker.locator(".notice").inner_text()


def test_answer_rate_follow_up_and_read_the_whole_thread(page, browser, live_server, live_user):
    worker_email, password = live_user("worker", name="Sam Worker")
    officer_email, _ = live_user("officer", name="Jordan Officer")
    with live_server.app.app_context():
        submission_id, reference, code = routed_submission(officer_email, worker_email)
    officer = page
    officer.set_viewport_size(LAPTOP)
    officer.set_default_timeout(TIMEOUT)
    sign_in(officer, live_server, officer_email, password)
    worker_context = browser.new_context(viewport=LAPTOP)
    phone_context = browser.new_context(viewport=PHONE)
    try:
        worker, worker_errors = watched_tab(worker_context, LAPTOP)
        phone, phone_errors = watched_tab(phone_context, PHONE)
        sign_in(worker, live_server, worker_email, password)

        write_response(
            officer,
            live_server,
            submission_id,
            FIRST,
            [
                ("Ask the placement to keep the wifi on", "Placements team", "2026-12-18"),
                ("Check with you that it worked", "Participation team", "2027-01-15"),
            ],
        )
        worker.goto(live_server(f"/moderation/{submission_id}/check"))
        worker.get_by_label("What should the officer change?").fill(
            "Please say when the change starts."
        )
        worker.get_by_role("button", name="Send back with a comment").click()
        assert f"{reference} sent back" in worker.locator(".notice").inner_text()

        officer.goto(live_server(f"/responses/{submission_id}/respond"))
        assert (
            "Please say when the change starts." in officer.locator("#worker-comment").inner_text()
        )
        officer.get_by_label("Your explanation").fill(REVISED)
        officer.get_by_role("button", name="Send for a worker's check").click()
        release(worker, live_server, submission_id, reference)

        phone.goto(live_server("/check"))
        phone.get_by_label("Your reference code").fill(code)
        phone.get_by_role("button", name="Check").click()
        answer = phone.locator(".answer")
        assert "It starts on 1 December." in answer.inner_text()
        assert "Check with you that it worked" in answer.inner_text()
        assert "Jordan Officer" not in answer.inner_text()
        assert_accessible(phone)
        assert_no_sideways_scroll(phone)
        phone.get_by_role("button", name="Send").click()  # forgot to choose: a kind error
        assert "Choose one answer." in phone.locator(".error-summary").inner_text()
        assert_accessible(phone)
        phone.get_by_label("Partly").check()
        phone.get_by_label("Anything you want to add?").fill("Weekends are not mentioned.")
        phone.get_by_role("button", name="Send").click()
        assert "You said: Partly" in phone.locator(".thread").inner_text()
        phone.get_by_role("link", name="Ask a follow-up question").click()
        assert_accessible(phone)
        phone.get_by_label("Your follow-up question").fill(QUESTION)
        phone.get_by_role("button", name="Send my question").click()
        assert "We got your follow-up question" in phone.locator(".notice").inner_text()

        worker.goto(live_server("/moderation/"))
        worker.get_by_role("link", name=reference).click()
        assert QUESTION in worker.locator("#follow-up-original").inner_text()
        assert_accessible(worker)
        worker.get_by_label("Shared version (what the officer will see)").fill(SHARED)
        worker.get_by_role("button", name="Pass it to the officer").click()
        assert "follow-up passed to Jordan Officer" in worker.locator(".notice").inner_text()

        officer.goto(live_server(f"/responses/{submission_id}"))
        assert SHARED in officer.locator(".staff-thread").inner_text()
        assert_accessible(officer)
        write_response(officer, live_server, submission_id, SECOND)
        release(worker, live_server, submission_id, reference)

        phone.reload()
        phone.get_by_text("You wrote,").click()  # the first message opens on a tap
        thread = phone.locator(".thread").inner_text()
        order = [
            thread.index(words)
            for words in (
                "The wifi at my placement goes off at 9pm.",
                "It starts on 1 December.",
                "You said: Partly",
                QUESTION,
                SECOND,
            )
        ]
        assert order == sorted(order)
        assert_accessible(phone)
        assert_no_sideways_scroll(phone)
        assert worker_errors == [] and phone_errors == []
    finally:
        worker_context.close()
        phone_context.close()
