"""gzip for the stylesheet, the script, the icon and the young person's pages that carry
nothing typed into the request, so a phone on a slow, metered connection downloads a fifth to
a third of their size.

Other pages are not compressed: they can carry a secret (a CSRF token, a reference code) next
to text taken from the request (what a visitor typed, a query string), and that is what a
BREACH attack over HTTPS needs — it reflects guesses beside the secret and watches the
compressed length. A page drawn for everyone (voice/page_cache.py) has nothing from the
request in it; a page marked @no_typed_text has only what is stored or looked up (a theme found
by its name, a page number within range: never the visitor's own characters). Each static file
is compressed once per version (its ETag) and kept in memory; a page drawn for everyone is
compressed once when it is drawn (Packed); any other page, as it is sent.
"""

import gzip
import re
import struct
import zlib
from functools import wraps

from flask import Response, g, request

from voice import caches

TYPES = {"text/css", "application/javascript", "text/javascript", "image/svg+xml"}


@caches.kept(maxsize=32)
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


# A gzip member's fixed header (no file name, no time, "unknown" system) and the empty final
# block that ends a deflate stream whose other blocks were all flushed to a byte boundary.
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
LAST_BLOCK = b"\x01\x00\x00\xff\xff"


def _deflated(data):
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush(zlib.Z_SYNC_FLUSH)


def _stored(data):
    """Bytes as a deflate block that is not compressed: a visitor's random token gains nothing
    from compressing, and this costs no compressor per request."""
    return b"".join(
        b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk
        for chunk in (data[i : i + 0xFFFF] for i in range(0, len(data), 0xFFFF))
    )


class Packed:
    """A page drawn once for everyone, with holes where each visitor's own values go (the share
    form's tokens), gzipped once: every fixed part is deflated on its own, so a visitor's values
    go between them as stored blocks and only the checksum is worked out per request. Serving
    the share form this way instead of compressing 17 KB per request is what keeps it cheap."""

    def __init__(self, text, marks=()):
        pattern = re.compile("|".join(map(re.escape, marks))) if marks else None
        self.fixed = [part.encode() for part in (pattern.split(text) if marks else [text])]
        self.holes = pattern.findall(text) if marks else []
        self.deflated = [_deflated(part) for part in self.fixed]

    def _pieces(self, values):
        yield self.fixed[0], self.deflated[0]
        for mark, fixed, deflated in zip(self.holes, self.fixed[1:], self.deflated[1:]):
            value = values[mark].encode()
            yield value, _stored(value)
            yield fixed, deflated

    def response(self, values=None):
        """The page with `values` ({mark: value}) in its holes, gzipped when the browser asks."""
        if "gzip" not in request.headers.get("Accept-Encoding", ""):
            pieces = (plain for plain, _ in self._pieces(values))
            response = Response(b"".join(pieces), mimetype="text/html")
        else:
            crc, size, body = 0, 0, [GZIP_HEADER]
            for plain, packed in self._pieces(values):
                crc, size = zlib.crc32(plain, crc), size + len(plain)
                body.append(packed)
            body += [LAST_BLOCK, struct.pack("<II", crc, size & 0xFFFFFFFF)]
            response = Response(b"".join(body), mimetype="text/html")
            response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
        return response


def init_app(app):
    app.after_request(compress)
