"""The young person's pages in English or Urdu (Flask-Babel); staff pages stay in English.

The language comes only from a `lang` cookie the young person sets with the switch on every
page, never from the browser's Accept-Language: a phone in care is often shared, or set up
by an adult, so guessing would show the wrong language to the person holding it.
"""

import os

from flask import g, has_request_context, request

from voice.security import PUBLIC_ENDPOINTS

LANGUAGES = {"en": "English", "ur": "اردو"}
RTL = frozenset({"ur"})
COOKIE = "lang"
COOKIE_SECONDS = 365 * 24 * 60 * 60

# Staff screens are written for council staff in English; the sign-in pages are public but
# are staff pages, and healthz/static have no words.
STAFF_PUBLIC = frozenset(
    {"auth.login", "auth.code", "auth.recovery_code", "auth.set_up", "public.healthz", "static"}
    | {"welcome.accept", "welcome.forgot", "welcome.new_password"}
)
# The same in every language (docs/translations.md): the JSON copy of what Voice holds is
# for other apps and services to read, so its words stay English whatever the cookie says.
ENGLISH_ONLY = frozenset({"privacy.download_json"})
YOUNG_PERSON_ENDPOINTS = (PUBLIC_ENDPOINTS - STAFF_PUBLIC - ENGLISH_ONLY) | {"public.language"}


def N_(text):
    """Mark text for the catalogue that is translated later, when shown (seeded themes)."""
    return text


def translated(text):
    """The catalogue's words for text kept elsewhere (a theme's name), or the text itself.
    Unlike Jinja's _(), no %-formatting, so an admin's '50%' cannot break a page."""
    from flask_babel import get_locale, gettext

    if not text:
        return text
    if str(get_locale()) == "ur":  # the council's own Urdu for its topics comes first
        from voice.themes.services import urdu_words

        own = urdu_words().get(text)
        if own:
            return own
    return gettext(text)


def chosen_language():
    """The cookie's language if it is one we have, else English."""
    value = request.cookies.get(COOKIE, "")
    return value if value in LANGUAGES else "en"


def select_locale():
    if not has_request_context():  # the CLI, the outbox, a background job: staff English
        return "en"
    # An error page has no endpoint (404) or the failing one: a young person's cookie still
    # counts there, since the error page is written for them.
    if request.endpoint is not None and request.endpoint not in YOUNG_PERSON_ENDPOINTS:
        return "en"
    return chosen_language()


def page_language():
    """For base.html: the lang and dir of the page being drawn."""
    from flask_babel import get_locale

    code = str(get_locale() or "en")
    return {"code": "ur" if code == "ur" else "en-GB", "dir": "rtl" if code in RTL else "ltr"}


def switch_to():
    """For the switch in the header: the other language, and this page to come back to."""
    from flask_babel import get_locale

    other = "en" if str(get_locale()) == "ur" else "ur"
    # A page that may be gzipped carries nothing typed into the request (voice/compression.py),
    # so its way back leaves out the query string; the switch then opens the plain page.
    here = request.path if g.get("gzip_ok") else request.full_path.rstrip("?")
    return {"code": other, "label": LANGUAGES[other], "next": here}


def mid_sentence(name):
    """A theme's name as it reads inside a sentence: "Where I live" becomes "where I live"
    (|lower made it "where i live"). Only the first letter, and never an acronym's ("PA")."""
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        return name[0].lower() + name[1:]
    return name


def init_app(app):
    from voice.extensions import babel

    folder = os.path.join(os.path.dirname(app.root_path), "translations")
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_locale="en",
        default_translation_directories=folder,
    )
    app.jinja_env.globals.update(page_language=page_language, language_switch=switch_to)
    app.jinja_env.filters["translated"] = translated
    app.jinja_env.filters["mid_sentence"] = mid_sentence
