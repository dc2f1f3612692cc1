"""gzip for the stylesheet, the script, the icon and the young person's pages that carry
nothing typed into the request, so a phone on a slow, metered connection downloads a fifth to
a third of their size.

Other pages are not compressed: they can carry a secret (a CSRF token, a reference code) next
to text taken from the request (what a visitor typed, a query string), and that is what a
BREACH attack over HTTPS needs — it reflects guesses beside the secret and watches the
compressed length. A page drawn for everyone (voice/page_cache.py) has nothing from the
request in it; a page marked @no_typed_text has only what is stored or looked up (a theme found
by its name, a page number within range: never the visitor's own characters). Each static file
is compressed once per version (its ETag) and kept in memory; a page, as it is sent.
"""
import gzip
from functools import lru_cache, wraps

from flask import g, request

TYPES = {"text/css", "application/javascript", "text/javascript", "image/svg+xml"}


@lru_cache(maxsize=32)
def _gzipped(etag, body):
    return gzip.compress(body, compresslevel=9, mtime=0)


def compress(response):
    if response.status_code != 200 or "Content-Encoding" in response.headers:
        return response
    if g.get("gzip_ok") and response.mimetype == "text/html":
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


def no_typed_text(view):
    """Mark a young person's page whose GET shows nothing typed into the request: it may be
    gzipped (see above). Pages whose words grow with the data (a list, a case's thread) need it
    to stay inside the 30 KB page weight budget."""

    @wraps(view)
    def marked(*args, **kwargs):
        g.gzip_ok = request.method == "GET"
        return view(*args, **kwargs)

    return marked


def init_app(app):
    app.after_request(compress)
