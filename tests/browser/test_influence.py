"""In Chromium at 360 px and 1280 px, with axe finding nothing: the young person answers "Has
anything changed because of what you said?" in English and in Urdu (a forgotten choice gets a
kind error and loses their words), and a board member's question goes from the board's page
to a worker, an officer and back, with one supplementary, and into the printed pack."""

from contextlib import contextmanager
from datetime import date

from tests.browser.conftest import (
    LAPTOP,
    PHONE,
    assert_accessible,
    assert_no_sideways_scroll,
)
from tests.browser.test_responses import routed_submission
from tests.browser.test_staff_sign_in import sign_in
from voice.auth import services as accounts
from voice.extensions import db
from voice.influence import services as influence
from voice.responses import follow_ups
from voice.responses import services as responses

WORDS = "The wifi stays on until 10 now, but not at weekends."
TIMEOUT = 20_000  # several Chromiums on a shared machine: more patience than one tab needs


def asked_case(live_server, live_user):
    """A released answer, with the influence question asked; returns the code."""
    worker_email, _ = live_user("worker")
    officer_email, _ = live_user("officer")
    with live_server.app.app_context():
        submission_id, _, code = routed_submission(officer_email, worker_email)
        from voice.submissions.models import Submission

        submission = db.session.get(Submission, submission_id)
        response = responses.save(
            submission,
            accounts.find_user(officer_email),
            decision="do",
            explanation="We will ask your placement to keep the wifi on until 10pm.",
            team_name="Placements team",
            submit=True,
        )
        responses.release(submission, accounts.find_user(worker_email))
        follow_ups.rate(submission, response.id, "yes")  # when the answer came, weeks ago
        influence.ask(submission, response)
        db.session.commit()
    return code


def open_with_code(page, live_server, code):
    page.goto(live_server("/check"))
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(live_server("/check/case"))


def check_both_sizes(page):
    for size in (PHONE, LAPTOP):
        page.set_viewport_size(size)
        assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert_no_sideways_scroll(page)


def test_the_young_person_says_what_changed_and_changes_it(page, live_server, live_user):
    open_with_code(page, live_server, asked_case(live_server, live_user))
    section = page.locator("#what-changed")
    assert "Has anything changed because of what you said?" in section.inner_text()
    check_both_sizes(page)
    section.get_by_label("Anything you want to tell us about it?").fill(WORDS)
    section.get_by_role("button", name="Send").click()  # forgot to choose
    assert "Choose one answer." in page.locator(".error-summary").inner_text()
    assert page.locator("#what-changed textarea").input_value() == WORDS  # nothing lost
    check_both_sizes(page)
    page.locator("#what-changed").get_by_label("A bit").check()
    page.locator("#what-changed").get_by_role("button", name="Send").click()
    page.wait_for_url(live_server("/check/case#what-changed"))
    said = page.locator("#what-changed").inner_text()
    assert "You said: A bit" in said and WORDS in said
    check_both_sizes(page)
    page.locator("#what-changed summary").click()  # "Change your answer"
    page.locator("#what-changed").get_by_label("Yes").check()
    page.locator("#what-changed").get_by_role("button", name="Send").click()
    page.wait_for_url(live_server("/check/case#what-changed"))
    assert "You said: Yes" in page.locator("#what-changed").inner_text()


def test_the_question_in_urdu(page, live_server, live_user):
    code = asked_case(live_server, live_user)
    page.goto(live_server("/lang/ur?next=/check"))
    open_with_code(page, live_server, code)
    assert page.evaluate("document.documentElement.dir") == "rtl"
    section = page.locator("#what-changed")
    assert "کیا آپ کی بات کی وجہ سے کچھ بدلا ہے؟" in section.inner_text()
    check_both_sizes(page)
    section.get_by_label("ابھی نہیں").check()  # Not yet
    section.locator("button, input[type=submit]").last.click()
    page.wait_for_url(live_server("/check/case#what-changed"))
    assert "ابھی نہیں" in page.locator("#what-changed").inner_text()
    check_both_sizes(page)


# --- Members' questions ------------------------------------------------------------------


@contextmanager
def staff_tab(browser, live_server, email, password, size=LAPTOP):
    context = browser.new_context(viewport=PHONE)
    try:
        tab = context.new_page()
        tab.set_default_timeout(TIMEOUT)
        tab.set_viewport_size(size)
        errors = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        sign_in(tab, live_server, email, password)
        yield tab
        assert errors == []
    finally:
        context.close()


def test_a_members_question_routed_answered_and_followed_up(page, browser, live_server, live_user):
    from voice.areas.services import ensure_area
    from voice.themes.services import ensure_default_themes

    member_email, password = live_user("board", name="Cllr Ada Shah")
    worker_email, _ = live_user("worker", name="Sam Worker")
    officer_email, _ = live_user("officer", name="Jo Officer")
    with live_server.app.app_context():
        ensure_default_themes()
        area = ensure_area(
            f"Education {date.today()}", officers=[accounts.find_user(officer_email)]
        )
        area_name = area.name
        db.session.commit()

    page.set_default_timeout(TIMEOUT)
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, member_email, password)
    page.goto(live_server("/board/"))
    page.locator("#questions").get_by_role(
        "link", name="Ask a question about a topic or a figure"
    ).click()
    check_both_sizes(page)
    page.get_by_role("button", name="Ask the question").click()  # nothing written yet
    assert "Write your question." in page.locator(".error-summary").inner_text()
    check_both_sizes(page)
    page.get_by_label("Part of the board's page").select_option("time")
    page.get_by_label("Your question").fill("Why were school answers late this quarter?")
    page.get_by_role("button", name="Ask the question").click()
    assert "is with the participation team" in page.locator(".notice").inner_text()
    question_url = page.url
    check_both_sizes(page)

    with staff_tab(browser, live_server, worker_email, password) as worker:
        worker.goto(question_url)
        worker.get_by_label("Officer who will answer").select_option(
            label=f"Jo Officer, {area_name}"
        )
        check_both_sizes(worker)
        worker.get_by_role("button", name="Pass it on").click()
        assert "Passed to the officer." in worker.locator(".notice").inner_text()

    with staff_tab(browser, live_server, officer_email, password) as officer:
        officer.goto(live_server("/board/questions/"))
        check_both_sizes(officer)
        officer.goto(question_url)
        officer.get_by_role("textbox", name="Answer").fill(
            "Two posts were empty; both are filled from October."
        )
        check_both_sizes(officer)
        officer.get_by_role("button", name="Send the answer").click()
        assert "Answer sent" in officer.locator(".notice").inner_text()

        page.reload()
        page.get_by_label("Your supplementary question").fill("Will they cover half-terms?")
        check_both_sizes(page)
        page.get_by_role("button", name="Ask it").click()

        officer.goto(question_url)
        officer.get_by_role("textbox", name="Answer").fill("Yes, from February half-term.")
        officer.get_by_role("button", name="Send the answer").click()

    page.goto(live_server("/board/pack"))
    pack = page.locator("#questions").inner_text()
    for words in (
        "Why were school answers late",
        "both are filled from October",
        "half-terms?",
        "February half-term",
    ):
        assert words in pack
    assert page.locator("#changed").count() == 1
    check_both_sizes(page)
    page.emulate_media(media="print")  # the pack prints them
    assert page.locator("#questions").is_visible() and page.locator("#changed").is_visible()
