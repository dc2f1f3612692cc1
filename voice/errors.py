"""Error pages written for a young person on a phone: what happened, that it is not their
fault, and what to do next. Never a stack trace."""

import logging
from contextlib import contextmanager

from flask import current_app, flash, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError

from voice.extensions import db

log = logging.getLogger(__name__)


class Refused(Exception):
    """A rule said no. Every feature's refusal (ModerationRefused, ResponseRefused, ...) is one
    of these; its message is written for the person who asked and is safe to show them."""


def flush_or_refuse(refusal):
    """For a service: flush; if a version check in SQL finds the row changed by someone else
    this instant (StaleDataError), raise `refusal` (a Refused). The route rolls back: the
    session is the caller's, so nothing here throws its earlier work away."""
    try:
        db.session.flush()
    except StaleDataError:
        raise refusal from None


@contextmanager
def refusal_flashed(category="error"):
    """For a route: a Refused inside the block rolls back what the request changed, flashes
    the message, and carries on after the block (which then shows the page again)."""
    try:
        yield
    except Refused as refused:
        db.session.rollback()
        flash(str(refused), category)


@contextmanager
def refusal_on(field):
    """For a route with a form: a Refused inside the block rolls back what the request changed
    and shows the message under `field`; the page is then shown again with what was typed."""
    try:
        yield
    except Refused as refused:
        db.session.rollback()
        field.errors.append(str(refused))


PAGES = {
    400: (
        _l("Something went wrong with that"),
        _l("What was sent did not make sense to us. Go back, check it and try again."),
    ),
    403: (
        _l("This page is not open to you"),
        _l("Your account cannot open this page. If you think it should, ask your Voice admin."),
    ),
    404: (
        _l("We can't find that page"),
        _l(
            "The link may be wrong, or the page may have moved. Check the address, or start "
            "again from the home page."
        ),
    ),
    405: (
        _l("We can't find that page"),
        _l("That page does not work that way. Start again from the home page."),
    ),
    413: (
        _l("That was too much to send in one go"),
        _l("Please make it shorter and try again. A message can be up to 2,000 characters."),
    ),
    429: (
        _l("Please slow down a little"),
        _l("That was tried a lot of times in a short time. Wait a few minutes, then try again."),
    ),
    500: (
        _l("Sorry, something went wrong on our side"),
        _l(
            "It is not your fault. Anything you sent before this is safe. Please try again in a "
            "few minutes."
        ),
    ),
}


# A send that failed on our side: "anything you sent before this is safe" was read as "my
# message is safe" when it had not been saved. Say plainly that it has not gone, that the
# words are still there (the form keeps a draft on the phone), and to send again: the form's
# one-time token makes a second send of the same form count once.
NOT_SENT = (
    _l("Sorry, that has not gone yet"),
    _l(
        "It is not your fault. Your words are still on the form on this phone. Go back to it "
        "and press Send again in a few minutes. It will only be sent once."
    ),
)


def render_error(code, words=None):
    title, message = (str(part) for part in words or PAGES.get(code, PAGES[500]))
    back = _same_site_referrer() if words is NOT_SENT else None
    return render_template(
        "errors/error.html", code=code, title=title, message=message, back=back
    ), code


def _same_site_referrer():
    """The page the failed form was on, to go back to; only ever a page of this site."""
    referrer = request.referrer or ""
    if referrer.startswith(request.host_url):
        return "/" + referrer[len(request.host_url) :]
    return None


def http_error(error: HTTPException):
    return render_error(error.code if error.code in PAGES else 400)


def csrf_failed(error: CSRFError):
    """Show the same page again, with what was typed, instead of a bare 400.

    Every POST view validates a voice.forms.Form, whose own CSRF check fails too, so running
    the view changes nothing and re-renders the form with the kind TIMED_OUT message.
    """
    view = current_app.view_functions.get(request.endpoint)
    if request.method != "POST" or view is None:
        return render_error(400)
    try:
        return current_app.ensure_sync(view)(**(request.view_args or {}))
    except HTTPException as refused:
        # The view's own 403/404 (wrong role, another officer's case): raised inside an error
        # handler it would escape Flask's handlers and become a 500.
        return http_error(refused)


def server_error(error):
    db.session.rollback()
    original = getattr(error, "original_exception", None) or error
    log.error("Unhandled error on %s %s", request.method, request.path, exc_info=original)
    return render_error(500, NOT_SENT if request.method == "POST" else None)


def init_app(app):
    app.register_error_handler(CSRFError, csrf_failed)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(InternalServerError, server_error)
