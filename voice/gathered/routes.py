"""Thin routes: a worker's entry, a meeting's several entries, and the slips shown once."""

import secrets

from flask import flash, redirect, render_template, session, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.extensions import db
from voice.gathered import bp, services
from voice.gathered.forms import GatheredForm, MeetingForm
from voice.gathered.words import SOURCE_LABELS
from voice.security import role_required
from voice.submissions import codes
from voice.submissions.forms import ONE_TIME_TOKEN
from voice.submissions.models import Submission
from voice.submissions.words import KINDS
from voice.themes.services import active_theme_list, theme_choices

WORKERS = (Role.WORKER, Role.ADMIN)
NOTHING_SAVED = (
    "Nothing has been saved yet, so nothing is lost: everything you typed is still here. "
    "Put right what is marked below, then save them all again."
)


def code_for(token):
    """The reference code for one entry, kept in the worker's session until its slip is
    shown, so a page sent twice gives the same code (only its hash is stored)."""
    kept = session.setdefault("gathered_codes", {})
    if token not in kept:
        if len(kept) >= 60:
            kept.clear()
        kept[token] = codes.new_code()
        session.modified = True
    return kept[token]


def show_slips(saved):
    """Keep [(submission id, code)] for the slips page, which shows them once."""
    session["slips"] = [(submission.id, code) for submission, code in saved]
    for submission, _ in saved:
        session.get("gathered_codes", {}).pop(submission.form_token, None)
    session.modified = True
    return redirect(url_for("gathered.slips"), code=303)


def batch_token(value):
    """The page's own token, or a fresh one if it was missing or edited."""
    ok = isinstance(value, str) and ONE_TIME_TOKEN.fullmatch(value) and len(value) <= 40
    return value if ok else secrets.token_urlsafe(16)


def set_themes(form, themes):
    language_choices = theme_choices("en", themes)
    if isinstance(form, MeetingForm):
        for entry in form.entries:
            entry.form.theme.choices = language_choices
    else:
        form.theme.choices = language_choices


@bp.route("/new", methods=["GET", "POST"])
@role_required(*WORKERS)
def new():
    themes = active_theme_list()
    form = GatheredForm()
    set_themes(form, themes)
    if form.validate_on_submit():
        token = form.form_token.data or secrets.token_urlsafe(16)
        code = code_for(token)
        submission, created = services.gather(form.answers(), current_user, token, code)
        db.session.commit()
        return show_slips([(submission, code if created else None)])
    if not form.form_token.data:
        form.form_token.data = secrets.token_urlsafe(16)
    return render_template("gathered/new.html", form=form, themes=themes, kinds=KINDS)


@bp.route("/meeting", methods=["GET", "POST"])
@role_required(*WORKERS)
def meeting():
    themes = active_theme_list()
    form = MeetingForm()
    set_themes(form, themes)
    if form.validate_on_submit():
        saved = services.gather_several(
            form.where(),
            [entry.answers() for entry in form.filled()],
            current_user,
            batch_token(form.batch.data),
            code_for,
        )
        db.session.commit()
        return show_slips(saved)
    if form.errors and form.is_submitted():
        flash(NOTHING_SAVED, "info")
    if not form.batch.data:
        form.batch.data = secrets.token_urlsafe(16)
    return render_template("gathered/meeting.html", form=form, themes=themes)


@bp.route("/slips")
@role_required(*WORKERS)
def slips():
    shown = session.pop("slips", None)
    if not shown:
        flash("Slips are shown once, straight after saving.", "info")
        return redirect(url_for("gathered.new"))
    cards = [(db.session.get(Submission, sid), code) for sid, code in shown]
    return render_template(
        "gathered/slips.html",
        cards=[(s, code) for s, code in cards if s is not None],
        sources=SOURCE_LABELS,
    )
