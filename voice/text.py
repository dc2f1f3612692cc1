"""The one module that calls bleach (no longer maintained upstream): swap it here, and
nowhere else needs to change.

Text is stored exactly as typed and Jinja escapes it. The only HTML Voice ever makes from
someone's words is a link, for what the council writes to young people (an answer, a
decision, a meeting's outcome), so "see the leaflet at https://…" can be tapped on a phone.
A young person's own words are never turned into links: staff should not be one tap from a
page someone else chose.
"""

from bleach.linkifier import Linker
from markupsafe import Markup, escape

REL = "noopener noreferrer nofollow"


def _web_links_only(attrs, new=False):
    """Keep a link only if it goes to a web page; add rel so the page opened learns nothing
    about where the reader came from."""
    href = attrs.get((None, "href"), "")
    if not href.lower().startswith(("https://", "http://")):
        return None
    attrs[(None, "rel")] = REL
    return attrs


# One Linker for the process: building it compiles bleach's patterns.
_LINKER = Linker(callbacks=[_web_links_only], parse_email=False)


def with_links(text):
    """Escaped text with its web addresses made into links (a Jinja filter: `|with_links`)."""
    if not text:
        return Markup("")
    return Markup(_LINKER.linkify(str(escape(text))))


def init_app(app):
    app.jinja_env.filters["with_links"] = with_links
