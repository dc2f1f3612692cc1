"""Sent without signal (issue 18): the share form with the network switched off and on in
Chromium (BrowserContext.set_offline). Each test has its own fresh browser context (its own
storage, service workers and Background Sync), so a service worker or database one test leaves
could never make another pass."""

import re

import pytest
from sqlalchemy import func, select

from tests.browser.conftest import CHROMIUM_FLAGS, FULL_CHROMIUM, PHONE, assert_accessible
from tests.browser.test_journey import fill_share_form, neutral_site, quick_exit_to  # noqa: F401
from voice import caches
from voice.extensions import db
from voice.submissions.models import Submission

pytestmark = pytest.mark.usefixtures("themes")  # the starter topics (conftest)

CODE = re.compile(r"[2-9AC-HJKMNPQRTUWXY]{3}(-[2-9AC-HJKMNPQRTUWXY]{3}){3}")
KEPT = "It is kept on this phone"
ON_PAGE = "Keep this page open"

# Everything a browser can keep for a site, as the page sees it.
WHAT_IS_KEPT = """async () => {
  const workers = await navigator.serviceWorker.getRegistrations();
  const tags = [];
  for (const w of workers) { if (w.sync) { tags.push(...await w.sync.getTags()); } }
  return {
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map(d => d.name),
    caches: await caches.keys(),
    workers: workers.map(w => w.scope),
    sync: tags,
  };
}"""
NOTHING = {"local": [], "session": [], "databases": [], "caches": [], "workers": [], "sync": []}


@pytest.fixture(scope="module")
def full_chromium(playwright):
    """The full build, started once for the module: Background Sync (the headless shell
    leaves it out)."""
    launched = playwright.chromium.launch(
        executable_path=FULL_CHROMIUM, headless=True, args=CHROMIUM_FLAGS
    )
    yield launched
    launched.close()


@pytest.fixture
def phone(full_chromium):
    """A fresh context in the module's Chromium (as isolated as a new profile, without starting
    a browser for each test), and the console errors that are not the lost signal itself."""
    context = full_chromium.new_context(viewport=PHONE)
    context.new_page()  # the first tab, as a newly started browser has
    context.errors = []

    def on_console(msg):
        if msg.type == "error" and "ERR_INTERNET_DISCONNECTED" not in msg.text:
            context.errors.append(msg.text)

    context.on("console", on_console)
    context.on("weberror", lambda error: context.errors.append(str(error.error)))
    yield context
    context.close()
    assert context.errors == [], context.errors


def submissions(live_server, message):
    with live_server.app.app_context():
        return db.session.scalar(
            select(func.count()).select_from(Submission).where(Submission.message == message)
        )


def kept(tab):
    return tab.evaluate(WHAT_IS_KEPT)


def open_share(phone, live_server):
    tab = phone.pages[0] if phone.pages else phone.new_page()
    tab.set_default_timeout(8000)
    tab.goto(live_server("/share"))
    return tab


def wait_until(tab, condition):
    """Wait, in the page, for a condition that is a promise (wait_for_function takes a promise
    itself as true)."""
    tab.evaluate(f"""async () => {{
      for (let i = 0; i < 160; i++) {{
        if (await ({condition})) {{ return; }}
        await new Promise(r => setTimeout(r, 50));
      }}
      throw new Error("still not: " + {condition!r});
    }}""")


def choose_to_keep(tab):
    tab.get_by_label("Keep it on this phone until it can send").check()
    tab.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")  # awaits it


def send_offline(phone, tab, expect):
    phone.set_offline(True)
    tab.get_by_role("button", name="Send my message").click()
    tab.get_by_text(expect).wait_for()


def kept_once_forgotten(tab):
    """What is kept, once the phone has had up to 8 s to forget it: the sent page deletes the
    copy, the worker and its cache as its script runs, after the page has shown (a busy
    machine showed the copy still there at the first look)."""
    for _ in range(80):
        if (left := kept(tab)) == NOTHING:
            break
        tab.wait_for_timeout(100)
    return left


def assert_sent_once(tab, live_server, words):
    tab.wait_for_url(live_server("/share/sent"))
    assert CODE.fullmatch(tab.locator("#reference-code").inner_text().strip())
    assert submissions(live_server, words) == 1
    assert kept_once_forgotten(tab) == NOTHING


def test_kept_when_chosen_survives_a_reload_and_goes_when_the_signal_returns(phone, live_server):
    words = "Kept on my phone while the signal was off, through a reload."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    send_offline(phone, tab, KEPT)
    assert submissions(live_server, words) == 0
    waiting = kept(tab)
    assert waiting["databases"] == ["voice-waiting"] and waiting["sync"] == ["voice-send"]
    tab.reload()  # no signal: the worker's page instead of the browser's "no internet"
    assert tab.get_by_role("heading", name="No signal").is_visible()
    tab.get_by_text(KEPT).wait_for()
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)


def test_chosen_and_sent_with_signal_it_goes_at_once_and_nothing_is_left(phone, live_server):
    words = "Ticked keep it, but there was signal all along."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    tab.get_by_role("button", name="Send my message").click()
    assert_sent_once(tab, live_server, words)


def test_not_chosen_it_waits_on_the_page_only_and_goes_when_the_signal_returns(phone, live_server):
    words = "Not kept on the phone, only on the open page, until the signal came back."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    assert not tab.get_by_label("Keep it on this phone until it can send").is_checked()
    send_offline(phone, tab, ON_PAGE)
    # Only the tab's own draft, as before this feature: it dies with the tab.
    assert kept(tab) == {**NOTHING, "session": ["voice-draft-share"]}
    assert tab.get_by_label("Your message").input_value() == words
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)


def test_with_the_page_closed_the_worker_sends_it_and_the_next_visit_shows_the_code(
    phone, live_server
):
    words = "Sent by background sync after I closed the page."
    later = phone.new_page()  # a page of Voice outside the worker's /share: not one it serves
    later.goto(live_server("/privacy"))
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    send_offline(phone, tab, KEPT)
    tab.close()
    phone.set_offline(False)  # Chromium fires the worker's "sync" on its own
    # The worker unregisters itself once the message has gone.
    wait_until(later, "navigator.serviceWorker.getRegistrations().then(r => !r.length)")
    assert submissions(live_server, words) == 1
    later.goto(live_server("/share"))
    later.get_by_text("Your message went when the signal came back.").wait_for()
    later.get_by_role("link", name="See your reference code").click()
    assert_sent_once(later, live_server, words)


@pytest.mark.usefixtures("quick_exit_to")  # to a stand-in neutral site (test_journey.py)
def test_quick_exit_while_waiting_leaves_nothing_on_the_phone(phone, live_server):
    words = "Waiting to send when I pressed quick exit."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    send_offline(phone, tab, KEPT)
    with tab.expect_event("framenavigated"):  # to the neutral site (no signal: an error page)
        tab.get_by_role("link", name="Leave this site quickly").click()
    phone.set_offline(False)
    tab.goto(live_server("/privacy"))
    # The browser finishes taking the worker off after the page has gone (a loaded machine
    # once still listed it at the first look): it must be gone within the same 8 s.
    assert kept_once_forgotten(tab) == NOTHING
    assert submissions(live_server, words) == 0


@pytest.fixture
def csrf_on(live_server):
    """The live app has CSRF off, as the test app does: on here, and the pages drawn again."""
    live_server.app.config["WTF_CSRF_ENABLED"] = True
    caches.forget_all(live_server.app)
    yield
    live_server.app.config["WTF_CSRF_ENABLED"] = False
    caches.forget_all(live_server.app)


def test_a_send_refused_for_an_old_token_goes_with_a_fresh_one(phone, live_server, csrf_on):
    """A page left open for hours has a CSRF token past its time: the server refuses it and
    sends back a fresh one, and the page sends again with it, once, keeping every word."""
    words = "Written, then the page sat open all night before the signal came back."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    # A token the server no longer takes, as after hours with the page open.
    tab.evaluate("document.querySelector('[name=csrf_token]').value = 'out-of-date'")
    posts = []
    tab.on("response", lambda r: posts.append(r.status) if r.request.method == "POST" else None)
    send_offline(phone, tab, KEPT)
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)
    # Refused once (200: the form again). The page or the worker, whichever is first, then
    # sends it with the fresh token (Playwright does not see the worker's requests).
    assert posts[0] == 200


def test_a_send_with_a_mistake_shows_it_with_every_word_kept(phone, live_server):
    words = "My number was missing a few digits when the signal went."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    tab.get_by_label("By text message").check()
    tab.get_by_label("Your mobile number").fill("12")
    choose_to_keep(tab)
    send_offline(phone, tab, KEPT)
    phone.set_offline(False)
    tab.locator(".error-summary").wait_for()
    assert "Type a UK mobile number" in tab.locator(".error-summary").inner_text()
    assert tab.get_by_label("Your message").input_value() == words
    assert submissions(live_server, words) == 0
    # No copy of it is kept any more; the choice is still ticked, as it was, for the next Send.
    assert kept(tab)["databases"] == []
    assert tab.get_by_label("Keep it on this phone until it can send").is_checked()


@pytest.mark.parametrize("language", ["en", "ur"])
def test_waiting_pages_are_accessible_at_360_px(phone, live_server, language):
    phone.add_cookies([{"name": "lang", "value": language, "url": live_server.url}])
    tab = open_share(phone, live_server)
    assert tab.evaluate("document.documentElement.lang") == ("ur" if language == "ur" else "en-GB")
    tab.locator("#message").fill("Words written with no signal.")
    tab.locator("#keep_on_phone").check()
    tab.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")  # awaits it
    phone.set_offline(True)
    tab.locator("form[data-draft] button[type=submit]").click()
    tab.locator("#send-status.notice").wait_for()
    # axe counts a tap target half under the sticky header as too small, so where the click
    # left the page scrolled decides which choice fails; judge the page from its top.
    tab.evaluate("window.scrollTo(0, 0)")
    assert_accessible(tab)  # the choice, ticked, and what the page says about the signal
    tab.reload()  # the worker's page for no signal
    tab.locator("#send-status.notice").wait_for()
    assert tab.locator("h1").inner_text() == ("No signal" if language == "en" else "سگنل نہیں ہے")
    assert_accessible(tab)


def test_unticking_the_choice_takes_it_all_off_the_phone(phone, live_server):
    words = "I ticked keep it, then changed my mind because my brother uses this phone."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    send_offline(phone, tab, KEPT)
    tab.get_by_label("Keep it on this phone until it can send").uncheck()
    tab.get_by_text(ON_PAGE).wait_for()  # still going, from the open page only
    wait_until(tab, "navigator.serviceWorker.getRegistrations().then(r => !r.length)")
    assert kept(tab) == {**NOTHING, "session": ["voice-draft-share"]}
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)


NOT_KEPT = "we can't keep your message on this phone"


def test_ticked_only_after_the_signal_went_it_is_kept_and_goes_when_it_returns(phone, live_server):
    """Registering the worker needs the signal once: the page does it as the young person
    starts on the form, so ticking the box with no signal still keeps the message."""
    words = "The signal went while I was writing, and only then did I tick keep it."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    tab.evaluate("navigator.serviceWorker.ready.then(r => !!r.active)")  # awaits it
    assert kept(tab)["databases"] == []  # nothing of the message yet: it was not chosen
    phone.set_offline(True)
    tab.get_by_label("Keep it on this phone until it can send").check()
    tab.get_by_role("button", name="Send my message").click()
    tab.get_by_text(KEPT).wait_for()
    waiting = kept(tab)
    assert waiting["databases"] == ["voice-waiting"] and waiting["sync"] == ["voice-send"]
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)


def test_never_registered_it_says_plainly_it_stays_on_the_page(phone, live_server):
    """No signal since the page opened, so the worker never registered: ticking the box says
    the message can't be kept on the phone, nothing is kept, and the open page sends it."""
    # As registering does with no signal: the worker's script cannot be fetched.
    phone.add_init_script(
        "navigator.serviceWorker.register = () => Promise.reject(new TypeError('no signal'))"
    )
    words = "No signal from the moment the page opened."
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    phone.set_offline(True)
    tab.get_by_label("Keep it on this phone until it can send").check()
    tab.get_by_text(NOT_KEPT).wait_for()
    tab.get_by_role("button", name="Send my message").click()
    tab.get_by_text(NOT_KEPT).wait_for()
    assert "Keep this page open" in tab.locator("#send-status").inner_text()
    assert kept(tab) == {**NOTHING, "session": ["voice-draft-share"]}
    phone.set_offline(False)
    assert_sent_once(tab, live_server, words)
