"""Sent without signal (issue 18), the server's part: the service worker's script, the page it
keeps for when there is no signal, a form sent by both the page and the worker taken once,
and quick exit telling the browser to forget what it kept. The browser's part is in
tests/browser/test_offline.py."""

import re

from sqlalchemy import func, select

from tests.submissions_helpers import ORDINARY, answers, share_page
from voice.extensions import db
from voice.submissions.models import Submission


def count():
    return db.session.scalar(select(func.count()).select_from(Submission))


def test_the_worker_is_served_from_the_root_under_the_same_strict_policy(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert 'addEventListener("sync"' in response.get_data(as_text=True)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy


def test_keeping_it_on_the_phone_is_offered_off_and_only_with_the_script(client):
    html, _ = share_page(client)
    box = re.search(r'<input[^>]*id="keep_on_phone"[^>]*>', html).group(0)
    assert "checked" not in box
    # Hidden until offline.js finds a browser that can keep it: without it the box does nothing.
    assert re.search(r'<div class="choice choice-check" data-keep hidden>', html)
    assert "Don't tick this if other people use this phone." in html


def test_the_no_signal_page_holds_nothing_of_a_message_and_speaks_urdu(client):
    page = client.get("/share/waiting").get_data(as_text=True)
    assert "No signal" in page and "form_token" not in page and "csrf_token" not in page
    client.set_cookie("lang", "ur")
    urdu = client.get("/share/waiting").get_data(as_text=True)
    assert 'lang="ur"' in urdu and "No signal" not in urdu


def test_a_form_sent_by_the_page_and_the_worker_is_taken_once_with_a_way_to_the_code(client):
    _, token = share_page(client)
    client.post("/share", data=answers(token))
    # The worker, with no page open, sends the same form again (a retry crossing the first).
    again = client.post("/share", data=answers(token, sent_later="1"))
    assert again.status_code == 303 and count() == 1
    page = client.get("/share").get_data(as_text=True)
    assert "Your message went when the signal came back." in page
    assert '<a href="/share/sent">See your reference code</a>' in page
    sent = client.get("/share/sent").get_data(as_text=True)
    assert re.search(r'data-code="[^"]+"', sent) and ORDINARY not in page


def test_a_send_from_the_page_says_nothing_of_signal(client):
    _, token = share_page(client)
    client.post("/share", data=answers(token))
    assert "signal came back" not in client.get("/share").get_data(as_text=True)


def test_quick_exit_tells_the_browser_to_forget_what_it_kept(client):
    for path in ("/leave", "/leave?beacon=1"):
        response = client.get(path)
        assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
