"""The "I don't feel safe" link on every young person's page: one short form that goes
straight to the safeguarding lead as a held message, with an urgent alert, and shows where
to get help now. Registered on the submissions blueprint, beside the share form."""

import secrets

from flask import render_template

from voice.extensions import db, limiter
from voice.submissions import bp, life_cycle
from voice.submissions.forms import NotSafeForm
from voice.submissions.routes import pending_code, show_sent


@bp.route("/not-safe", methods=["GET", "POST"])
@limiter.limit("6 per minute; 40 per hour", methods=["POST"])
def not_safe():
    form = NotSafeForm()
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: say thank you, keep nothing
            return render_template("submissions/sent.html", submission=None, code=None)
        token = form.form_token.data or secrets.token_urlsafe(16)
        reply_by, contact = form.reply_by()
        life_cycle.tell_the_lead(form.what.data, reply_by, contact, token, pending_code(token))
        db.session.commit()
        return show_sent(token)
    if not form.form_token.data:
        form.form_token.data = secrets.token_urlsafe(16)
        pending_code(form.form_token.data)
    return render_template("submissions/not_safe.html", form=form)
