"""gzip for the stylesheet, the script, the icon and the pages drawn for everyone, so a young
person on a slow, metered phone connection downloads a fifth to a third of their size.

Other pages are not compressed: they can carry secrets (a CSRF token, a reference code) next
to text from the request (what a visitor typed, a query string), which is what a BREACH
attack over HTTPS needs. A page drawn for everyone (voice/page_cache.py) has nothing from
the request in it, so its length tells an attacker nothing. Each static file is compressed
once per version (its ETag) and kept in memory; a page, as it is sent.
"""
import gzip
from functools import lru_cache

from flask import g, request

TYPES = {"text/css", "application/javascript", "text/javascript", "image/svg+xml"}


@lru_cache(maxsize=32)
def _gzipped(etag, body):
    return gzip.compress(body, compresslevel=9, mtime=0)


def compress(response):
    if response.status_code != 200 or "Content-Encoding" in response.headers:
        return response
    if g.get("drawn_for_everyone") and response.mimetype == "text/html":
        response.vary.add("Accept-Encoding")
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            response.set_data(gzip.compress(response.get_data(), compresslevel=6, mtime=0))
            response.headers["Content-Encoding"] = "gzip"
        return response
    if request.endpoint != "static" or response.mimetype not in TYPES:
        return response
    response.vary.add("Accept-Encoding")
    if "gzip" not in request.headers.get("Accept-Encoding", ""):
        return response
    etag, _ = response.get_etag()
    response.direct_passthrough = False  # send_file's stream: read it to compress it
    response.set_data(_gzipped(etag, response.get_data()))
    response.headers["Content-Encoding"] = "gzip"
    if etag:  # a cache must not mix up the gzipped and the plain bytes
        response.set_etag(f"{etag}-gzip")
    return response.make_conditional(request)  # 304 when the browser has these bytes


def init_app(app):
    app.after_request(compress)
