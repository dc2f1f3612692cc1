"""The stylesheet, the script and the young person's pages with nothing typed into the request
travel gzipped; a page with anything typed into the request in it never does (a secret beside
typed or linked text is what a BREACH attack needs)."""

import gzip

from voice.extensions import db
from voice.themes.services import ensure_default_themes


def test_static_files_are_gzipped_for_browsers_that_ask(client):
    plain = client.get("/static/voice.css")
    packed = client.get("/static/voice.css", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert plain.headers.get("Content-Encoding") is None
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2
    assert (
        "Accept-Encoding" in packed.headers["Vary"] and "Accept-Encoding" in plain.headers["Vary"]
    )
    assert packed.headers["ETag"] != plain.headers["ETag"]
    again = client.get(
        "/static/voice.css",
        headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]},
    )
    assert again.status_code == 304 and again.data == b""


def test_pages_drawn_for_everyone_are_gzipped(client):
    ensure_default_themes()  # the share form, not the "not open yet" page
    db.session.commit()
    for path in ("/", "/privacy", "/share"):
        plain = client.get(path)
        packed = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert packed.headers["Content-Encoding"] == "gzip"
        assert "Content-Encoding" not in plain.headers
        page = gzip.decompress(packed.data).decode()
        assert "<h1>" in page and len(packed.data) < len(plain.data) / 2
        assert "Accept-Encoding" in packed.headers["Vary"]


def test_lists_and_a_case_that_grow_with_the_data_are_gzipped(client):
    from tests.submissions_helpers import send

    _, code = send(client)
    client.post("/check", data={"code": code})  # opens the case in this browser
    for path in (
        "/you-said-we-did",
        "/you-said-we-did?page=2&theme=money",
        "/decisions",
        "/check/case",
    ):
        packed = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert packed.status_code == 200 and packed.headers["Content-Encoding"] == "gzip", path
        assert "<h1" in gzip.decompress(packed.data).decode()


def test_a_page_with_anything_from_the_request_in_it_is_never_compressed(client):
    gzip_please = {"Accept-Encoding": "gzip"}
    for response in (
        client.get("/check", headers=gzip_please),
        client.post("/share", data={"message": "typed"}, headers=gzip_please),
        client.post("/check", data={"code": "ABC"}, headers=gzip_please),
    ):
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding") is None


def test_a_link_to_the_form_for_a_question_is_gzipped_and_echoes_nothing_typed(client):
    """?kind= and ?decision= only pick from what is offered or stored: the page carries the
    choice, never the characters typed, so compressing it leaks nothing (BREACH)."""
    from tests.submissions_helpers import share_page

    share_page(client)  # topics, so it is the form
    packed = client.get(
        "/share?kind=question&decision=0007&x=TypedByHand<xy", headers={"Accept-Encoding": "gzip"}
    )
    assert packed.headers["Content-Encoding"] == "gzip"
    page = gzip.decompress(packed.data).decode()
    # A marker long enough that no random token on the page contains it ("zq" once did).
    assert "TypedByHand" not in page and "0007" not in page
