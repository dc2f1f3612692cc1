"""Real-browser harness: the app served on a loopback port in a thread, against its own
temporary database, driven through Playwright in Debian's Chromium (never a downloaded one).

Two builds of it, both Debian's: `chromium-headless-shell`, Chromium's own engine without the
desktop browser around it, for every test but one kind (it draws and checks the same pages for
about a quarter less CPU: no spare renderer processes, no browser services no test uses); and
the full `chromium` for the tests that need a feature the shell leaves out (Background Sync,
which sends a message kept on the phone once the signal returns: test_offline.py).

Outside CI a missing Chromium skips this folder with a loud line; in CI (CI=true) it fails.
"""

import functools
import os
import shutil
import tempfile
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD, settings_for
from voice import create_app
from voice.auth import services as accounts
from voice.extensions import db

CHROMIUM = os.environ.get("VOICE_CHROMIUM", "/usr/bin/chromium-headless-shell")
FULL_CHROMIUM = os.environ.get("VOICE_FULL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Headless Chromium gives every window (each new context or tab) the address bar's popup
    # pages, ready to open, which no test looks at: two renderer processes started and loaded
    # for every tab a test opens, hundreds of tabs a run.
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
]
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)


def _require_chromium():
    missing = [path for path in (CHROMIUM, FULL_CHROMIUM) if not os.path.exists(path)]
    if not missing:
        return
    message = (
        f"the browser suite needs Debian's Chromium at {' and '.join(missing)} "
        "(apt-get install chromium chromium-headless-shell)"
    )
    if os.environ.get("CI") == "true":
        pytest.fail("FAILED in CI: " + message, pytrace=False)
    print("\n" + "#" * 80 + f"\n# SKIPPED: {message}\n" + "#" * 80)
    pytest.skip("Chromium missing outside CI: " + message)  # os.environ CI is not "true"


class LiveServer:
    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __call__(self, path="/"):
        return self.url + path


def served(app):
    """For a fixture to `yield from`: `app` served on a free port until the fixture ends."""
    server = LiveServer(app)
    server.thread.start()
    yield server
    server.server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    app = create_app(settings_for(folder, TESTING=False))
    with app.app_context():
        db.create_all()
    # The first reading age in a process loads textstat's pronouncing dictionary, seconds of
    # CPU: load it now, not inside whichever test's page load (with its timeout) needs it first.
    from voice.responses.services import reading_age  # after create_app: the import order

    reading_age("Load the words it knows before any page needs them.")
    yield from served(app)


@pytest.fixture(scope="module")
def themes(live_server):
    """The starter topics, for a module whose pages offer them."""
    from voice.themes.services import ensure_default_themes

    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()


@pytest.fixture(scope="session")
def playwright():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


def launch(playwright, **options):
    """Debian's Chromium with a fresh profile; returns (context, profile folder)."""
    profile = tempfile.mkdtemp(prefix="voice-chromium-")
    context = playwright.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_FLAGS,
        viewport=PHONE,
        **options,
    )
    return context, profile


@pytest.fixture(scope="session")
def browser(playwright):
    """A headless Chromium for tests that open their own contexts (one per role, size or
    person): each context has its own cookies, storage and cache, so one browser serves the
    whole run instead of a Chromium started for each module or test."""
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
    )
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def browser_context(playwright):
    context, profile = launch(playwright)
    yield context
    context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    """A fresh tab with no cookies, at phone size. Fails the test on any console error,
    which is how a Content-Security-Policy violation or a script error shows itself."""
    browser_context.clear_cookies()
    tab = browser_context.new_page()
    tab.set_default_timeout(8000)  # a local page that takes longer than this is a failure
    tab.set_viewport_size(PHONE)
    errors, documents = [], set()

    def on_console(msg):
        # A page that is itself a 404 or 429 logs its own status; tests assert those.
        if msg.type == "error" and msg.location.get("url") not in documents:
            errors.append(f"{msg.text} ({msg.location.get('url')})")

    tab.on("request", lambda r: documents.add(r.url) if r.resource_type == "document" else None)
    tab.on("console", on_console)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    tab.close()
    assert errors == [], f"the browser console reported errors: {errors}"


@pytest.fixture
def live_user(live_server):
    """live_user("worker") -> (email, password) of a new account on the live server."""
    made = []

    def make(role, name=""):
        email = f"{role}.{len(made)}.{os.urandom(4).hex()}@example.org"
        with live_server.app.app_context():
            accounts.create_user(email, role, PASSWORD, name=name)
            db.session.commit()
        made.append(email)
        return email, PASSWORD

    return make


@functools.cache
def axe_source():
    """axe-core's source, as shipped in axe-playwright-python, and AXE_FOR_THE_SUITE after it."""
    import axe_playwright_python

    with open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")) as f:
        return f.read() + ";\n" + AXE_FOR_THE_SUITE


# Two things axe does on every run that change none of its findings, the rules and their
# results staying axe's own (test_harness.py shows them the same, and still failing a page):
# - noHtml: axe copies the HTML of every element it looked at into its results (the whole
#   page again for a <main>); the suite reports a violation by its elements' selectors only.
# - color-contrast, most of each run, turns the computed colour of every text element and each
#   layer behind it into numbers through color.js, tens of thousands of times a run for the few
#   colours a page uses. Parsing a string always gives the same colour, so each document's axe
#   parses each string once and sets the same four channels, in the same order, after that.
AXE_FOR_THE_SUITE = """axe.configure({noHtml: true});
(() => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, known = new Map();
  Color.prototype.parseString = function (text) {
    const rgba = known.get(text);
    if (rgba === undefined) {
      parse.call(this, text);
      known.set(text, [this.r, this.g, this.b, this.alpha]);
    } else {
      [this.r, this.g, this.b, this.alpha] = rgba;
    }
    return this;
  };
})();"""


# Every rule of the WCAG tags runs on every element; only violations (all that is asserted and
# reported) come back in full, as one line each, not each passing element's HTML and selector.
AXE = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r =>
  r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"""


def axe_violations(page):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page, one line each. The source
    is sent only to a document that does not have it yet (a check after a click on the same
    page reuses it): sending and starting axe again costs about as much as a run."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    return page.evaluate(AXE, WCAG_TAGS)


def assert_accessible(page):
    """axe-core (shipped in axe-playwright-python) with the WCAG 2.0/2.1/2.2 A and AA rules."""
    from playwright.sync_api import Error as PlaywrightError

    # A click that starts a navigation returns before the next page exists; axe run in
    # between finds no document. Wait for the page the test is about to have loaded.
    page.wait_for_load_state("load")
    try:
        violations = axe_violations(page)
    except PlaywrightError:
        # The navigation had not yet committed when we waited: the old page went away under
        # axe. Check the new page once it has loaded.
        page.wait_for_load_state("load")
        violations = axe_violations(page)
    assert violations == [], f"axe-core on {page.url}:\n  " + "\n  ".join(violations)


def assert_no_sideways_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"


@pytest.fixture(scope="session")
def world(live_server):
    """Staff in every role and submissions in every state, for the page registry (pages.py)."""
    from tests.browser.pages import build_world

    return build_world(live_server.app)
