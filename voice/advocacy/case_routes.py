"""The young person asks for an advocate from their case page, at any time. Registered on
the submissions blueprint, so it stays under /check with the rest of their case."""

from flask import flash, redirect, url_for
from flask_babel import gettext

from voice.advocacy import services
from voice.extensions import db, limiter
from voice.forms import ButtonForm
from voice.submissions import bp
from voice.submissions.case import with_open_case


@bp.route("/check/advocate", methods=["POST"])
@limiter.limit("10 per minute; 60 per hour")
@with_open_case(say_again=False)
def ask_for_advocate(submission):
    if ButtonForm().validate_on_submit():
        services.refer(submission)
        db.session.commit()
        flash(gettext("We have asked for an advocate for you."), "success")
    return redirect(url_for("submissions.case"), code=303)
