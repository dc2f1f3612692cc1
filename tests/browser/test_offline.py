"""Sent without signal (issue 18): the share form with the network switched off and on in
Chromium (BrowserContext.set_offline). Each test has its own fresh browser profile, so a
service worker or database one test leaves could never make another pass."""

import re
import shutil

import pytest
from sqlalchemy import func, select

from tests.browser.conftest import launch
from tests.browser.test_journey import fill_share_form, neutral_site, quick_exit_to  # noqa: F401
from voice.extensions import db
from voice.submissions.models import Submission
from voice.themes.services import ensure_default_themes

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


@pytest.fixture(scope="module", autouse=True)
def themes(live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()


@pytest.fixture
def phone(playwright):
    """A fresh browser profile, and the console errors that are not the lost signal itself."""
    context, profile = launch(playwright)
    context.errors = []

    def on_console(msg):
        if msg.type == "error" and "ERR_INTERNET_DISCONNECTED" not in msg.text:
            context.errors.append(msg.text)

    context.on("console", on_console)
    context.on("weberror", lambda error: context.errors.append(str(error.error)))
    yield context
    context.close()
    shutil.rmtree(profile, ignore_errors=True)
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


def choose_to_keep(tab):
    tab.get_by_label("Keep it on this phone until it can send").check()
    tab.wait_for_function("navigator.serviceWorker.ready.then(r => !!r.active)")


def test_kept_when_chosen_survives_a_reload_and_goes_when_the_signal_returns(phone, live_server):
    words = "Kept while the signal was off, then sent once " + phone.pages[0].url
    tab = open_share(phone, live_server)
    fill_share_form(tab, message=words)
    choose_to_keep(tab)
    phone.set_offline(True)
    tab.get_by_role("button", name="Send my message").click()
    tab.get_by_text(KEPT).wait_for()
    print(kept(tab))
    tab.reload()
    print(tab.title(), tab.locator("main").inner_text())
    phone.set_offline(False)
    tab.wait_for_url(live_server("/share/sent"))
    assert CODE.fullmatch(tab.locator("#reference-code").inner_text().strip())
    assert submissions(live_server, words) == 1
    assert kept(tab) == NOTHING
