"""/share/short: the short form (short_form.py). Thin like /share: validate, one call to the
same create_submission, commit, and off to the same page with the code."""

import secrets

from flask import render_template

from voice.compression import no_typed_text
from voice.extensions import db, limiter
from voice.i18n import select_locale
from voice.submissions import bp, life_cycle
from voice.submissions.routes import browser_secret, pending_code, show_sent
from voice.submissions.short_form import ShortForm
from voice.submissions.words import FACES
from voice.themes.services import active_theme_list, theme_choices


@bp.route("/share/short", methods=["GET", "POST"])
@limiter.limit("6 per minute; 40 per hour", methods=["POST"])
@no_typed_text
def share_short():
    themes = active_theme_list()
    if not themes:  # nothing to choose yet: never an empty form
        return render_template("submissions/not_open.html")
    form = ShortForm()
    form.theme.choices = theme_choices(select_locale(), themes)
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: say thank you, keep nothing
            return render_template("submissions/sent.html", submission=None, code=None)
        token = form.form_token.data or secrets.token_urlsafe(16)
        life_cycle.create_submission(form.answers(), token, pending_code(token))
        db.session.commit()
        return show_sent(token)
    if not form.form_token.data:
        form.form_token.data = secrets.token_urlsafe(16)
        browser_secret()
    return render_template("submissions/short.html", form=form, themes=themes, faces=FACES)
