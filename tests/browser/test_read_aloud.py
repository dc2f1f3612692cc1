""" "Read this page aloud" (issue 18) with the browser's own speech, on the short form and the
share form. The device's voices are stubbed (Chromium here has none): the button shows only
when there is a voice for the page's language, and pressing it gives the page's words to
speechSynthesis.speak; Stop cancels."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from voice.extensions import db
from voice.themes.services import ensure_default_themes

VOICES = """
window.__spoken = [];
window.__voices = %s;
speechSynthesis.getVoices = () => window.__voices;
speechSynthesis.speak = (said) => window.__spoken.push([said.text, said.lang]);
speechSynthesis.cancel = () => window.__spoken.push(["(stopped)", ""]);
"""
ENGLISH = '[{"lang": "en-GB", "name": "Test voice"}]'


@pytest.fixture
def themes(live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()


@pytest.mark.parametrize("path", ["/share/short", "/share"])
def test_hidden_on_a_device_with_no_voice(page, live_server, themes, path):
    page.add_init_script(VOICES % "[]")
    page.goto(live_server(path))
    expect(page.get_by_role("button", name="Read this page aloud")).to_be_hidden()
    # A voice arriving later (Chrome loads them after the page) shows it then.
    page.evaluate(
        "window.__voices = [{lang: 'en-US', name: 'Late'}];"
        "speechSynthesis.dispatchEvent(new Event('voiceschanged'))"
    )
    expect(page.get_by_role("button", name="Read this page aloud")).to_be_visible()


@pytest.mark.parametrize(
    "path,heard",
    [("/share/short", "Pick a picture. Pick a face."), ("/share", "What is it about?")],
)
def test_reads_the_page_with_the_devices_voice_and_stops(page, live_server, themes, path, heard):
    page.add_init_script(VOICES % ENGLISH)
    page.goto(live_server(path))
    read = page.get_by_role("button", name="Read this page aloud")
    expect(read).to_be_visible()
    assert_accessible(page)
    read.click()
    spoken = page.evaluate("window.__spoken")
    texts = [text for text, _ in spoken if text != "(stopped)"]
    assert texts[0] == page.get_by_role("heading", level=1).inner_text()
    assert any(heard in text for text in texts), texts
    assert all(lang == "en-GB" for text, lang in spoken if text != "(stopped)")
    assert not any("Leave this box empty" in text for text in texts)  # the honeypot
    assert not any("🔊" in text or "📚" in text for text in texts)  # words, not pictures
    stop = page.get_by_role("button", name="Stop reading")
    expect(stop).to_be_visible()
    stop.click()
    assert page.evaluate("window.__spoken.at(-1)[0]") == "(stopped)"
    expect(stop).to_be_hidden()
    expect(read).to_be_focused()


def test_an_urdu_page_with_only_an_english_voice_shows_no_button(page, live_server, themes):
    page.context.add_cookies([{"name": "lang", "value": "ur", "url": live_server.url}])
    page.add_init_script(VOICES % ENGLISH)
    page.goto(live_server("/share/short"))
    expect(page.get_by_role("button", name="یہ صفحہ بلند آواز سے پڑھیں")).to_be_hidden()
    page.evaluate(
        "window.__voices = [{lang: 'ur-PK', name: 'Urdu'}];"
        "speechSynthesis.dispatchEvent(new Event('voiceschanged'))"
    )
    read = page.get_by_role("button", name="یہ صفحہ بلند آواز سے پڑھیں")
    expect(read).to_be_visible()
    assert_accessible(page)
    read.click()
    assert page.evaluate("window.__spoken.at(-1)[1]") == "ur"
