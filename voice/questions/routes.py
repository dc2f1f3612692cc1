"""Members' questions: thin routes (validate → one service call → commit → redirect)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from voice.auth.models import Role
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import choices
from voice.questions import bp, services
from voice.questions.forms import AnswerForm, AskForm, RouteForm, SupplementaryForm
from voice.questions.models import QuestionState
from voice.security import role_required
from voice.themes.models import Theme

READERS = (*services.ASKERS, Role.WORKER, Role.ADMIN, Role.OFFICER)


def question_or_404(question_id):
    question = services.get_for(current_user, question_id)
    if question is None:
        abort(404)
    return question


def route_form(**kwargs):
    form = RouteForm(**kwargs)
    form.officer.choices = choices([("", "Choose an officer"), *services.officer_choices()])
    return form


def forms_for(question, **posted):
    """The one form this viewer may use on this question now, if any."""
    state, role = question.state, current_user.role
    if role in services.ROUTERS and state == QuestionState.ASKED:
        return {"route": posted.get("route") or route_form(formdata=None)}
    if current_user.id == question.officer_id and state in (
        QuestionState.WITH_OFFICER,
        QuestionState.SUPPLEMENTARY,
    ):
        return {"answer": posted.get("answer") or AnswerForm(formdata=None)}
    if current_user.id == question.asked_by_id and state == QuestionState.ANSWERED:
        return {"supplementary": posted.get("supplementary") or SupplementaryForm(formdata=None)}
    return {}


def show_page(question, **posted):
    return render_template(
        "questions/show.html",
        question=question,
        forms=forms_for(question, **posted),
        figures=services.FIGURES,
    )


@bp.app_template_global()
def member_questions(period, theme=None):
    """For the board's page and pack: the questions asked in its period."""
    return {
        "questions": services.in_period(period, theme.id if theme else None),
        "figures": services.FIGURES,
    }


@bp.route("/")
@role_required(*READERS)
def index():
    return render_template(
        "questions/index.html", questions=services.listed(current_user), figures=services.FIGURES
    )


@bp.route("/ask", methods=["GET", "POST"])
@role_required(*services.ASKERS)
def ask():
    themes = db.session.scalars(select(Theme).order_by(Theme.position)).all()
    form = AskForm()
    form.theme.choices = choices([("", "None"), *((str(t.id), t.name) for t in themes)])
    if request.method == "GET":  # opened from a topic or a section of the board's page
        slug = request.args.get("theme")
        form.theme.data = next((str(t.id) for t in themes if t.slug == slug), "")
        form.figure.data = request.args.get("figure", "")
    if form.validate_on_submit():
        with refusal_flashed():
            question = services.ask(
                current_user,
                form.question.data,
                theme_id=int(form.theme.data) if form.theme.data else None,
                figure=form.figure.data or None,
            )
            db.session.commit()
            flash(f"Your question {question.reference} is with the participation team.", "success")
            return redirect(url_for("questions.show", question_id=question.id), code=303)
    return render_template("questions/ask.html", form=form)


@bp.route("/<int:question_id>")
@role_required(*READERS)
def show(question_id):
    return show_page(question_or_404(question_id))


def act(question_id, form, name, change, done):
    """Shared by the three buttons: change(question, form) makes the change; a bad form comes
    back with what was typed, a refusal as a message."""
    question = question_or_404(question_id)
    if not form.validate_on_submit():
        return show_page(question, **{name: form})
    with refusal_flashed():
        change(question, form)
        db.session.commit()
        flash(done, "success")
    return redirect(url_for("questions.show", question_id=question.id), code=303)


def routed(question, form):
    area_id, _, officer_id = form.officer.data.partition(":")
    services.route(
        question,
        current_user,
        int(area_id) if area_id.isdigit() else None,
        int(officer_id) if officer_id.isdigit() else None,
    )


def with_text(service):
    """A change that is the service given the question, who is signed in and the typed text."""
    return lambda question, form: service(question, current_user, form.text.data)


@bp.route("/<int:question_id>/route", methods=["POST"])
@role_required(*services.ROUTERS)
def route(question_id):
    return act(question_id, route_form(), "route", routed, "Passed to the officer.")


@bp.route("/<int:question_id>/answer", methods=["POST"])
@role_required(Role.OFFICER)
def answer(question_id):
    done = "Answer sent to the board member."
    return act(question_id, AnswerForm(), "answer", with_text(services.answer), done)


@bp.route("/<int:question_id>/supplementary", methods=["POST"])
@role_required(*services.ASKERS)
def supplementary(question_id):
    done = "Your supplementary question is with the officer."
    return act(
        question_id, SupplementaryForm(), "supplementary", with_text(services.supplement), done
    )
