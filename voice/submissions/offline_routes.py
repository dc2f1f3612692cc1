"""Sent without signal (issue 18): the service worker that sends a message the young person
chose to keep on their phone, and the page it shows while the message waits. The sending
itself is the share form's own POST (routes.share), taken once per form token.
Registered on the submissions blueprint, beside the share form."""

from flask import current_app, flash, render_template, url_for
from flask_babel import gettext
from markupsafe import Markup

from voice.submissions import bp


@bp.route("/sw.js")
def service_worker():
    """From the site's root, not /static/: a worker only looks after pages under its own
    folder, and it looks after /share."""
    response = current_app.send_static_file("sw.js")
    response.headers["Content-Type"] = "text/javascript; charset=utf-8"
    return response


@bp.route("/share/waiting")
def waiting():
    """Kept by the worker when it starts, in the young person's language, and shown instead of
    /share when there is no signal. It holds nothing of the message (offline.js reads that)."""
    return render_template("submissions/waiting.html")


def tell_sent_later():
    """The worker sent it with no page open: the next page the young person opens here says so,
    with the way to their code (shown for a short time, as after any send)."""
    flash(
        Markup('{} <a href="{}">{}</a>').format(
            gettext("Your message went when the signal came back."),
            url_for("submissions.sent"),
            gettext("See your reference code"),
        ),
        "success",
    )
