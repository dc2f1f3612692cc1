"""The stylesheet and script travel gzipped; pages never do (they hold secrets beside typed
text, which is what a BREACH attack needs)."""
import gzip


def test_static_files_are_gzipped_for_browsers_that_ask(client):
    plain = client.get("/static/voice.css")
    packed = client.get("/static/voice.css", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert plain.headers.get("Content-Encoding") is None
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2
    assert "Accept-Encoding" in packed.headers["Vary"] and "Accept-Encoding" in plain.headers["Vary"]
    assert packed.headers["ETag"] != plain.headers["ETag"]
    again = client.get("/static/voice.css", headers={"Accept-Encoding": "gzip",
                                                     "If-None-Match": packed.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_pages_are_never_compressed(client):
    for path in ("/", "/share", "/check"):
        response = client.get(path, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert response.headers.get("Content-Encoding") is None
