import secrets

from flask import (current_app, flash, redirect, render_template, request, session,
                   url_for)
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from voice.clock import utcnow
from voice.extensions import db, limiter
from voice.forms import ButtonForm
from voice.i18n import translated
from voice.submissions import bp, codes, services
from voice.submissions.forms import KINDS, CheckForm, ShareForm, choices
from voice.submissions.models import DeclineReason, Submission
from voice.themes.services import active_themes

NOT_FOUND = _l("We couldn't find a message with that code. Check each letter and number and "
               "try again. Codes look like 7KQ-M4X-P9T-HB2.")
CASE_MINUTES = 30
# Why a message went no further, in words for the young person who sent it.
DECLINE_WORDS = {
    DeclineReason.DUPLICATE: _l("someone has already raised the same thing, and it is being "
                                "answered there"),
    DeclineReason.COMPLAINT: _l("it needs to go through the council's complaints process, "
                                "which has to look into it properly"),
    DeclineReason.CANNOT_ACT: _l("it is not something the council can change"),
    DeclineReason.OTHER: _l("of the reason below"),
}  # a case left open on a shared phone closes itself after this long


def share_form(themes):
    form = ShareForm()
    form.theme.choices = choices([(t.id, translated(t.name)) for t in themes])
    return form


def pending_code(form_token):
    """The code for this form, made when the form was shown and kept in the session, so a
    double tap that sends the form twice shows the same code both times."""
    pending = session.setdefault("pending_codes", {})
    if form_token not in pending:
        if len(pending) >= 5:  # a handful of open tabs at most; forget older forms
            pending.clear()
        pending[form_token] = codes.new_code()
        session.modified = True
    return pending[form_token]


def page_language():
    """The language the page is drawn in (the share form's cached fields are kept per
    language)."""
    return str(get_locale())


def fresh_fields(form, themes):
    """The fields of a fresh form (no answers, no errors), rendered once per language and list
    of themes: they are most of the page's work and the same for every young person. What
    differs per person (the CSRF and form tokens) is outside them. Keyed on the themes
    themselves, so a theme an admin renames or switches off changes the very next form."""
    key = (page_language(), tuple((t.id, t.name, t.emoji, t.description) for t in themes))
    cache = current_app.extensions.setdefault("voice.share_fields", {})
    html = cache.get(key)
    if html is None or current_app.jinja_env.auto_reload:
        html = Markup(render_template("submissions/_share_fields.html", form=form,
                                      themes=themes, kinds=KINDS))
        if len(cache) >= 8:  # old theme lists: forget them
            cache.clear()
        cache[key] = html
    return html


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit("6 per minute; 40 per hour", methods=["POST"])
def share():
    themes = active_themes()
    form = share_form(themes)
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: say thank you, keep nothing
            return render_template("submissions/sent.html", submission=None, code=None)
        token = form.form_token.data or secrets.token_urlsafe(16)
        submission, _ = services.create_submission(form.answers(), token, pending_code(token))
        db.session.commit()
        session["sent"] = token
        return redirect(url_for("submissions.sent"), code=303)
    if not form.form_token.data:
        form.form_token.data = secrets.token_urlsafe(16)
        pending_code(form.form_token.data)
        form.start_from(request.args)
    fresh = request.method == "GET" and not request.args
    return render_template("submissions/share.html", form=form, themes=themes, kinds=KINDS,
                           fields=fresh_fields(form, themes) if fresh else None,
                           decision=form.linked_decision(form.council_decision.data))


@bp.route("/share/sent")
def sent():
    token = session.get("sent")
    code = session.get("pending_codes", {}).get(token)
    submission = services.find_by_form_token(token) if token else None
    if submission is None or code is None:
        return redirect(url_for("submissions.check"))
    return render_template("submissions/sent.html", submission=submission, code=code)


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit("10 per minute; 60 per hour", methods=["POST"])
def check():
    form = CheckForm()
    if form.validate_on_submit():
        submission = services.find_case(form.code.data)
        if submission is not None:
            session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
            return redirect(url_for("submissions.case"), code=303)
        form.code.errors.append(str(NOT_FOUND))
    return render_template("submissions/check.html", form=form)


def open_case():
    """The case this browser opened with its code, if it was opened recently."""
    case = session.get("case")
    if not case or utcnow().timestamp() - case["at"] > CASE_MINUTES * 60:
        session.pop("case", None)
        return None
    return db.session.get(Submission, case["id"])


@bp.route("/check/withdraw", methods=["GET", "POST"])
def withdraw():
    submission = open_case()
    if submission is None:
        return redirect(url_for("submissions.check"))
    form = ButtonForm()
    if not submission.can_be_withdrawn:
        flash(gettext("This message can't be taken back now."), "info")
        return redirect(url_for("submissions.case"))
    if form.validate_on_submit():
        services.withdraw(submission)
        db.session.commit()
        flash(gettext("You took your message back. Nobody will act on it now."), "success")
        return redirect(url_for("submissions.case"), code=303)
    return render_template("submissions/withdraw.html", submission=submission, form=form)


@bp.route("/check/close", methods=["POST"])
def close_case():
    if ButtonForm().validate_on_submit():
        session.pop("case", None)
    return redirect(url_for("public.home"), code=303)


@bp.route("/leave")
@limiter.exempt
def leave():
    """Quick exit: forget everything this browser had open, and go somewhere neutral."""
    session.clear()
    if request.args.get("beacon"):
        return "", 204
    return redirect(current_app.config["QUICK_EXIT_URL"], code=303)
