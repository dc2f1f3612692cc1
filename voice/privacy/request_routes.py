"""A worker acting on a young person's data request: find, copy, erase (issue 7).

The search is a POST, so a name, contact detail or reference code never lands in a URL (and
so in a server log or the browser's history); the chosen submissions travel as ids."""

import json

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.extensions import db
from voice.forms import ButtonForm
from voice.privacy import bp, requests, services
from voice.privacy.forms import EraseForm, FindForm
from voice.security import role_required
from voice.submissions.models import Status

WORKERS = (Role.WORKER, Role.ADMIN)


def chosen_or_back():
    chosen = requests.chosen(request.values.getlist("ids"))
    if not chosen:
        flash("Tick at least one submission first.", "error")
    return chosen


@bp.route("/privacy/requests", methods=["GET", "POST"])
@role_required(*WORKERS)
def requests_page():
    form = FindForm()
    found = None
    if form.validate_on_submit():
        found = requests.find(
            form.reference.data or "",
            form.code.data or "",
            form.name.data or "",
            form.contact.data or "",
        )
    return render_template("privacy/requests.html", form=form, found=found)


def copy_or_ask(make):
    """A copy is an export, logged: it is made by a POST with its token, never by opening a
    link (which another site could do). A GET, or a failed token, shows the button."""
    chosen = chosen_or_back()
    if not chosen:
        return redirect(url_for("privacy.requests_page"))
    form = ButtonForm()
    if not form.validate_on_submit():
        return render_template("privacy/request_copy_ask.html", chosen=chosen, form=form)
    data = requests.copy_of(chosen, by=current_user)
    db.session.commit()
    return make(data)


@bp.route("/privacy/requests/copy", methods=["GET", "POST"])
@role_required(*WORKERS)
def request_copy():
    return copy_or_ask(lambda data: render_template("privacy/request_copy.html", data=data))


def as_file(data):
    body = json.dumps(data, indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="voice-data-request.json"'},
    )


@bp.route("/privacy/requests/copy.json", methods=["GET", "POST"])
@role_required(*WORKERS)
def request_copy_json():
    return copy_or_ask(as_file)


@bp.route("/privacy/requests/erase", methods=["GET", "POST"])
@role_required(*WORKERS)
def request_erase():
    chosen = chosen_or_back()
    if not chosen:
        return redirect(url_for("privacy.requests_page"))
    held = [s.reference for s in chosen if s.status == Status.SAFEGUARDING]
    if held:
        flash(services.HELD.format(reference=" and ".join(held)), "error")
        return redirect(url_for("privacy.requests_page"))
    form = EraseForm()
    # Coming from the list of what was found, the confirmation is asked for, not refused.
    if not request.form.get("from_list") and form.validate_on_submit():
        erased = requests.erase_all(chosen, by=current_user)
        db.session.commit()
        flash(
            f"Erased {', '.join(erased)}. Their counts stay on the board; the audit log "
            "says what was cleared.",
            "success",
        )
        return redirect(url_for("privacy.requests_page"), code=303)
    return render_template(
        "privacy/request_erase.html",
        form=form,
        chosen=[(s, services.what_erasure_removes(s)) for s in chosen],
    )
