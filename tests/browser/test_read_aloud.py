""" "Read this page aloud" (issue 18) with the browser's own speech, on the short form and the
share form. The device's voices are stubbed (Chromium here has none): the button shows only
when there is a voice on the device itself for the page's language (never one that sends the
words online), and pressing it gives the page's words to speechSynthesis.speak; Stop cancels."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

VOICES = """
window.__spoken = [];
window.__voices = %s;
// A plain stand-in, so the stub voices (not real SpeechSynthesisVoice objects) can be set.
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
speechSynthesis.getVoices = () => window.__voices;
speechSynthesis.speak = (said) => window.__spoken.push([said.text, said.voice.name]);
speechSynthesis.cancel = () => window.__spoken.push(["(stopped)", ""]);
"""
ENGLISH = """[{"lang": "en-US", "name": "Far", "localService": true},
             {"lang": "en-GB", "name": "Near", "localService": true}]"""


@pytest.mark.parametrize("path", ["/share/short", "/share"])
def test_hidden_on_a_device_with_no_voice(page, live_server, themes, path):
    page.add_init_script(VOICES % "[]")
    page.goto(live_server(path))
    expect(page.get_by_role("button", name="Read this page aloud")).to_be_hidden()
    # A voice arriving later (Chrome loads them after the page) shows it then.
    page.evaluate(
        "window.__voices = [{lang: 'en-US', name: 'Late', localService: true}];"
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
    assert all(voice == "Near" for text, voice in spoken if text != "(stopped)")  # en-GB
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
        "window.__voices = [{lang: 'ur-PK', name: 'Urdu', localService: true}];"
        "speechSynthesis.dispatchEvent(new Event('voiceschanged'))"
    )
    read = page.get_by_role("button", name="یہ صفحہ بلند آواز سے پڑھیں")
    expect(read).to_be_visible()
    assert_accessible(page)
    read.click()
    assert page.evaluate("window.__spoken.at(-1)[1]") == "Urdu"


def test_a_voice_that_would_send_the_words_online_is_not_used(page, live_server, themes):
    page.add_init_script(VOICES % '[{"lang": "en-GB", "name": "Online", "localService": false}]')
    page.goto(live_server("/share/short"))
    page.wait_for_load_state("load")
    expect(page.get_by_role("button", name="Read this page aloud")).to_be_hidden()
    page.evaluate("speechSynthesis.dispatchEvent(new Event('voiceschanged'))")
    expect(page.get_by_role("button", name="Read this page aloud")).to_be_hidden()
