"""Every young person's page in the registry (pages.py), loaded as on a first visit (the
site's cookies and storage cleared before each page, Chromium's cache off): at most 30 KB for
the HTML, CSS and JS as they cross the wire (bodies as Chromium received them: CSS and JS
gzipped, pages plain, see voice/compression.py; headers, about 2.5 KB more, and the icon,
fetched once per site, are not counted), and not one request, the icon's included, to another
host. In English and in Urdu, whose letters take
about twice the bytes (UTF-8): the same budget for both."""

import pytest

from tests.browser.pages import PAGES, browser_http, set_state

BUDGET = 30 * 1024
YOUNG = [page for page in PAGES if page.young and not page.press]


@pytest.fixture(scope="module")
def first_visit(browser, live_server):
    """first_visit() -> a tab to which the site is new: no cookie, nothing stored, nothing
    cached. One tab for the module, wiped before each page, rather than a new context for
    each: a new tab's first page costs Chromium several times what a page in a used one
    does, and weighing is all this module does."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    devtools = context.new_cdp_session(tab)
    # Every request goes to the server, as with an empty cache (the memory cache too).
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def wiped():
        if tab.url.startswith(live_server.url):
            tab.evaluate("sessionStorage.clear()")  # the tab's own, which outlives pages
        devtools.send(
            "Storage.clearDataForOrigin", {"origin": live_server.url, "storageTypes": "all"}
        )
        context.clear_cookies()
        return tab

    yield wiped
    context.close()


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize("entry", YOUNG, ids=lambda page: page.id)
def test_young_persons_page_weighs_under_30_kb(entry, language, first_visit, live_server, world):
    tab = first_visit()
    context = tab.context
    set_state(browser_http(context, live_server), live_server.app, world, entry.state)
    # After the state: its checks read the English page.
    context.add_cookies([{"name": "lang", "value": language, "url": live_server.url}])
    requests = []

    def finished(request):
        requests.append(request)

    tab.on("requestfinished", finished)
    try:
        tab.goto(live_server(entry.url.format(**world)), wait_until="load")
        tab.wait_for_load_state("networkidle")
    finally:
        tab.remove_listener("requestfinished", finished)
    elsewhere = [
        r.url
        for r in requests
        if not r.url.startswith(live_server.url) and not r.url.startswith("data:")
    ]
    assert elsewhere == [], f"requests to another host: {elsewhere}"
    sizes = {r.url.removeprefix(live_server.url): r.sizes() for r in requests}
    total = sum(
        s["responseBodySize"] for url, s in sizes.items() if not url.endswith("favicon.svg")
    )
    assert {"/static/voice.css", "/static/voice.js"} <= set(sizes), sizes.keys()
    assert tab.evaluate("document.documentElement.lang") == ("ur" if language == "ur" else "en-GB")
    print(f"{language} {entry.id}: {total:,} bytes")
    assert total <= BUDGET, f"{entry.id} ({language}): {total:,} bytes: " + ", ".join(
        f"{url} {s['responseBodySize']:,} (+{s['responseHeadersSize']:,} of headers)"
        for url, s in sizes.items()
    )
