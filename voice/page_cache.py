"""Young people's pages that read the same for everyone are drawn, and gzipped, once per
language.

The home page, the privacy page and a fresh share form are most of what phones ask for, and
each cost Jinja and translation lookups per request to produce the same bytes
(bench/RESULTS.md has the figures). A page is drawn once per worker process, language and `key` (the themes,
for the share form), gzipped with holes for a visitor's own tokens (voice/compression.py
Packed), and kept for as long as the process lives: templates only change with a
new release, which restarts the workers, and so do settings (the council's name, the quick
exit's address): a test that changes one while the app runs calls caches.forget_all().

It is only used when nothing about the visitor could show on the page: a plain GET with no
query string and no message waiting in the session (a flash). A signed-in member of staff
sees the same young person's pages as anyone, so signing in changes nothing here.
"""

from flask import current_app, request, session

from voice import caches
from voice.compression import Packed
from voice.i18n import select_locale

MOST_PAGES = 64  # pages × languages × theme lists; more means theme lists keep changing


def same_for_everyone():
    return (
        request.method in ("GET", "HEAD") and not request.query_string and "_flashes" not in session
    )


def drawn_once(key, draw, values=None):
    """The page `draw()` returns, drawn and gzipped once per language and key while it is the
    same for everyone; otherwise drawn now. `values` ({stand-in: value}) puts this visitor's
    own tokens where the drawn page has stand-ins. In debug (templates reloading) it is always
    drawn now."""
    values = values or {}
    if not same_for_everyone() or current_app.jinja_env.auto_reload:
        page = draw()
        for mark, value in values.items():
            page = page.replace(mark, value)
        return page
    pages = current_app.extensions.setdefault(caches.PAGES, {})
    full_key = (select_locale(), key)  # the code Flask-Babel would parse into a Locale
    packed = pages.get(full_key)
    if packed is None:
        packed = Packed(draw(), marks=tuple(values))
        if len(pages) >= MOST_PAGES:
            pages.clear()
        pages[full_key] = packed
    return packed.response(values)
