"""Every young person's page in the registry (pages.py), loaded in a fresh browser with an empty
cache as on a first visit: at most 30 KB for the HTML, CSS and JS as they cross the wire
(bodies as Chromium received them: CSS and JS gzipped, pages plain, see voice/compression.py;
headers, about 2.5 KB more, and the icon, fetched once per site, are not counted), and not one
request, the icon's included, to another host. In English and in Urdu, whose letters take
about twice the bytes (UTF-8): the same budget for both."""

import pytest

from tests.browser.pages import PAGES, browser_http, set_state

BUDGET = 30 * 1024
YOUNG = [page for page in PAGES if page.young and not page.press]


@pytest.mark.parametrize("language", ["en", "ur"])
@pytest.mark.parametrize("entry", YOUNG, ids=lambda page: page.id)
def test_young_persons_page_weighs_under_30_kb(entry, language, browser, live_server, world):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        set_state(browser_http(context, live_server), live_server.app, world, entry.state)
        # After the state: its checks read the English page.
        context.add_cookies([{"name": "lang", "value": language, "url": live_server.url}])
        tab = context.new_page()
        requests = []
        tab.on("requestfinished", lambda request: requests.append(request))
        tab.goto(live_server(entry.url.format(**world)), wait_until="load")
        tab.wait_for_load_state("networkidle")
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
        assert tab.evaluate("document.documentElement.lang") == (
            "ur" if language == "ur" else "en-GB"
        )
        print(f"{language} {entry.id}: {total:,} bytes")
        assert total <= BUDGET, f"{entry.id} ({language}): {total:,} bytes: " + ", ".join(
            f"{url} {s['responseBodySize']:,} (+{s['responseHeadersSize']:,} of headers)"
            for url, s in sizes.items()
        )
    finally:
        context.close()
