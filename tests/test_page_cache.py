"""The home, privacy and fresh share pages are drawn once and served to everyone
(voice/page_cache.py): what is personal must still be personal, and nothing stale shows."""

import gzip
import re

import pytest

from tests.module_clients import TOKEN, module_app
from tests.submissions_helpers import answers
from voice import caches
from voice.extensions import db
from voice.submissions.models import Submission
from voice.themes.services import ensure_default_themes

FORM_TOKEN = re.compile(r'name="form_token" type="hidden" value="([^"]+)"')


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with module_app(tmp_path_factory, WTF_CSRF_ENABLED=True) as app:
        with app.app_context():
            ensure_default_themes()
            db.session.commit()
        yield app


def blank_form(client):
    page = client.get("/share").get_data(as_text=True)
    return TOKEN.search(page).group(1), FORM_TOKEN.search(page).group(1), page


def theme_on(page):
    return re.search(r'name="theme"[^>]*value="(\d+)"', page).group(1)


def test_each_phone_gets_its_own_tokens_and_can_send_only_with_its_own(app):
    phones = [app.test_client() for _ in range(3)]
    forms = [blank_form(phone) for phone in phones]
    assert len({csrf for csrf, _, _ in forms}) == 3 and len({t for _, t, _ in forms}) == 3
    # The pages are otherwise the same bytes.
    assert len({page.replace(csrf, "").replace(token, "") for csrf, token, page in forms}) == 1
    (csrf_a, token_a, page), (csrf_b, _, _) = forms[0], forms[1]
    # Phone B's token in phone A's session: refused, and nothing is saved.
    with app.app_context():
        form = answers(token_a, theme=theme_on(page))
    refused = phones[0].post("/share", data={**form, "csrf_token": csrf_b})
    assert refused.status_code == 200 and "for your safety it was not sent" in refused.text
    sent = phones[0].post("/share", data={**form, "csrf_token": csrf_a})
    assert sent.status_code == 303 and sent.location == "/share/sent"
    with app.app_context():
        assert db.session.query(Submission).filter_by(form_token=token_a).count() == 1


def test_a_gzipped_form_carries_the_phones_own_tokens_and_sends(app):
    """The share form is gzipped once and each phone's tokens are spliced in
    (voice/compression.py Packed): what a phone unpacks must be its own form, whole."""
    phone, other = app.test_client(), app.test_client()
    plain = blank_form(other)[2]
    packed = phone.get("/share", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    page = gzip.decompress(packed.data).decode()  # checks the length and the CRC too
    csrf, token = TOKEN.search(page).group(1), FORM_TOKEN.search(page).group(1)
    assert page.replace(csrf, "").replace(token, "") == (
        plain.replace(TOKEN.search(plain).group(1), "").replace(
            FORM_TOKEN.search(plain).group(1), ""
        )
    )
    with app.app_context():
        form = answers(token, theme=theme_on(page))
    sent = phone.post("/share", data={**form, "csrf_token": csrf})
    assert sent.status_code == 303 and sent.location == "/share/sent"


def test_a_message_waiting_for_the_young_person_shows_on_the_page(app):
    phone = app.test_client()
    phone.get("/")  # drawn once for everyone
    with phone.session_transaction() as session:
        session["_flashes"] = [("success", "You took your message back.")]
    assert "You took your message back." in phone.get("/").text
    assert "You took your message back." not in phone.get("/").text  # shown once


@pytest.mark.parametrize("path", ["/", "/share", "/privacy"])
def test_each_language_has_its_own_page(app, path):
    phone = app.test_client()
    for _ in range(2):  # the second time round, both are drawn already
        english = phone.get(path).text
        phone.set_cookie("lang", "ur")
        urdu = phone.get(path).text
        phone.delete_cookie("lang")
        assert 'lang="en-GB" dir="ltr"' in english and 'lang="ur" dir="rtl"' in urdu


def test_a_form_started_from_a_link_is_drawn_for_that_link(app):
    theme = theme_on(app.test_client().get("/share").text)
    page = app.test_client().get(f"/share?kind=question&theme={theme}").text
    assert re.search(r'<input[^>]* checked[^>]*value="question"', page)
    assert not re.search(
        r'<input[^>]* checked[^>]*value="question"', app.test_client().get("/share").text
    )


def test_a_setting_changed_while_running_shows_once_the_caches_are_forgotten(app):
    """caches.forget_all() is the one call after a change the cached pages depend on."""
    client = app.test_client()
    name = app.config["COUNCIL_NAME"]
    assert name in client.get("/").get_data(as_text=True)
    app.config["COUNCIL_NAME"] = "Riverside Borough Council"
    try:
        assert "Riverside Borough Council" not in client.get("/").get_data(as_text=True)
        caches.forget_all(app)
        assert "Riverside Borough Council" in client.get("/").get_data(as_text=True)
    finally:
        app.config["COUNCIL_NAME"] = name
        caches.forget_all(app)
