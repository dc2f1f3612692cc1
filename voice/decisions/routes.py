"""Decisions young people can read without signing in, and the staff pages that post them."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.compression import no_typed_text
from voice.decisions import bp, services
from voice.decisions.forms import DecisionForm
from voice.extensions import db

# The module, not the name: importing voice.responses can lead here before its services
# module has finished loading (an import cycle issue 15 removes).
from voice.responses import services as responses
from voice.security import role_required

STAFF = (Role.WORKER, Role.ADMIN)


def get_or_404(decision_id):
    decision = services.get(decision_id)
    if decision is None:
        abort(404)
    return decision


def page_number():
    # Bounded: an offset past 64 bits would be refused by the database.
    return min(max(request.args.get("page", 1, type=int), 1), 1_000_000)


@bp.route("/decisions")
@no_typed_text
def index():
    page = page_number()
    decisions, total = services.newest_first(page)
    return render_template(
        "decisions/index.html",
        decisions=decisions,
        page=page,
        pages=max((total + services.PAGE_SIZE - 1) // services.PAGE_SIZE, 1),
    )


@bp.route("/decisions/<int:decision_id>")
@no_typed_text
def show(decision_id):
    return render_template("decisions/show.html", decision=get_or_404(decision_id))


@bp.route("/decisions/manage")
@role_required(*STAFF)
def manage():
    page = page_number()
    decisions, total = services.newest_first(page, size=50)
    return render_template(
        "decisions/manage.html",
        decisions=decisions,
        page=page,
        pages=max((total + 49) // 50, 1),
        questions=services.questions_asked(decisions),
    )


def render_form(form, decision=None):
    return render_template(
        "decisions/form.html",
        form=form,
        decision=decision,
        reading_age=responses.reading_age(form.what_it_means.data),
    )


@bp.route("/decisions/manage/new", methods=["GET", "POST"])
@role_required(*STAFF)
def new():
    form = DecisionForm()
    if not form.validate_on_submit():
        return render_form(form)
    decision = services.post(current_user, **form.answers())
    db.session.commit()
    flash("The decision is on the decisions page.", "success")
    return redirect(url_for("decisions.edit", decision_id=decision.id), code=303)


@bp.route("/decisions/manage/<int:decision_id>", methods=["GET", "POST"])
@role_required(*STAFF)
def edit(decision_id):
    decision = get_or_404(decision_id)
    form = DecisionForm(obj=decision)
    if not form.validate_on_submit():
        return render_form(form, decision)
    services.change(decision, current_user, **form.answers())
    db.session.commit()
    flash("Your changes are saved.", "success")
    return redirect(url_for("decisions.edit", decision_id=decision.id), code=303)
