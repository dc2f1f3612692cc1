"""The HTML of every page in the registry (pages.py), in every role and error state, passes
the Nu HTML checker with no errors. The pages are fetched through Flask's test client and
checked in one batch, so Java starts once (a few seconds)."""

import json
import os
import re
import shutil
import subprocess

from tests.browser.pages import PAGES, client_http, press, set_state, sign_in

VNU = os.path.join(
    os.path.dirname(__file__), "..", "..", ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)


# One short run over every page: the quick (C1) compiler only, as the JIT's optimising tier
# costs more than it gives back in a run this short; C1 code keeps deeper stack frames, and the
# checker overflows the default stack while it reads its HTML schema.
JAVA_FLAGS = ("-XX:TieredStopAtLevel=1", "-Xss8m", "-XX:+UseSerialGC")

_VISITORS = {}  # one signed-in client per role, kept for the module


def visitor(live_server, role, cache=_VISITORS):
    """One signed-in test client per role (and fresh ones for young people's states)."""
    if role not in cache:
        client = live_server.app.test_client()
        if role not in ("young", "visitor"):
            sign_in(client_http(client), live_server.app, role)
        cache[role] = client
    return cache[role]


def html_of(page, live_server, world):
    client = visitor(live_server, page.role) if not page.state else live_server.app.test_client()
    http = client_http(client)
    set_state(http, live_server.app, world, page.state)
    url = page.url.format(**world)
    response = client.get(url, follow_redirects=True)
    assert response.status_code == page.status, f"{page.id}: {response.status_code}"
    html = response.get_data(as_text=True)
    if page.press:
        html = press(http, url, html, page.press, page.fill)
        assert 'class="error-summary"' in html or "notice-error" in html, (
            f"{page.id}: pressing showed no errors"
        )
    return html


def test_every_page_passes_the_nu_html_checker(live_server, world, tmp_path):
    assert shutil.which("java"), (
        "the Nu HTML checker needs Java (apt-get install default-jre-headless)"
    )
    assert os.path.exists(VNU), f"{VNU} is missing: `make test` installs it (npm vnu-jar)"
    for number, page in enumerate(PAGES):
        name = re.sub(r"[^a-z0-9]+", "-", page.id.lower()).strip("-")
        (tmp_path / f"{number:03d}-{name}.html").write_text(html_of(page, live_server, world))
    run = subprocess.run(
        ["java", *JAVA_FLAGS, "-jar", VNU, "--format", "json", "--errors-only", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert len(os.listdir(tmp_path)) == len(PAGES)
    errors = [
        f"{os.path.basename(m.get('url', ''))}:{m.get('lastLine')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()}"
        for m in messages
        if m["type"] != "info"
    ]
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
