import json

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.clock import utcnow, working_days_between
from voice.errors import refusal_flashed
from voice.extensions import db

# The module, read at call time: voice.moderation.queue imports submissions, which imports
# these routes, so its names may not be there yet while this module loads.
from voice.moderation import queue
from voice.responses import answer_templates, bp, plain_words, services
from voice.responses.forms import ResponseForm
from voice.responses.thread import entries, followed_up
from voice.security import role_required
from voice.submissions.models import Status


@bp.route("/")
@role_required(Role.OFFICER)
def index():
    today = utcnow().date()
    page = min(max(request.args.get("page", 1, type=int), 1), queue.LAST_PAGE)
    cases, pages = services.page_for_officer(current_user, page)
    rows = [(s, working_days_between(today, s.due_on)) for s in cases]
    return render_template(
        "responses/index.html",
        rows=rows,
        followed=followed_up([s.id for s, _ in rows]),
        page=page,
        pages=pages,
        first_line=queue.first_line,
    )


@bp.route("/<int:submission_id>")
@role_required(Role.OFFICER)
def show(submission_id):
    submission = services.get_for_officer(current_user, submission_id) or abort(404)
    return render_template("responses/show.html", submission=submission, thread=entries(submission))


def response_form(response):
    """The form, filled from the saved response on a first visit."""
    form = ResponseForm()
    if request.method == "GET" and response is not None:
        form.decision.data = response.decision.value
        form.full_answer_by.data = response.full_answer_by
        form.explanation.data = response.explanation
        form.checklist.data = response.checklist
        form.team_name.data = response.team_name
        form.show_officer_name.data = response.show_officer_name
        for row, action in zip(form.actions, response.actions):
            row.what.data, row.team.data, row.due_on.data = action.what, action.team, action.due_on
    return form


@bp.route("/<int:submission_id>/respond", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def respond(submission_id):
    submission = services.get_for_officer(current_user, submission_id) or abort(404)
    response = services.current(submission)
    form = response_form(response)
    if request.method == "GET" and not form.team_name.data:
        form.team_name.data = services.last_team_name(current_user)
    form.explanation.render_kw = {"data-plain-words": json.dumps(plain_words.for_the_page())}
    if form.validate_on_submit():
        with refusal_flashed():
            response = services.save(
                submission,
                current_user,
                decision=form.decision.data,
                explanation=form.explanation.data,
                team_name=form.team_name.data,
                actions=form.action_rows(),
                checklist=form.checklist.data,
                show_officer_name=form.show_officer_name.data,
                full_answer_by=form.full_answer_by.data,
                submit=form.submit.data,
            )
            db.session.commit()
            if form.submit.data:
                flash(
                    f"Your response to {submission.reference} is waiting for a worker's check.",
                    "success",
                )
                return redirect(url_for("responses.index"))
            flash("Draft saved.", "success")
            return redirect(url_for("responses.respond", submission_id=submission.id))
    return render_template(
        "responses/respond.html",
        submission=submission,
        form=form,
        response=response,
        reading_age=services.reading_age(form.explanation.data),
        plain=plain_words.found_in(form.explanation.data),
        thread=entries(submission),
        editable=submission.status == Status.WITH_OFFICER,
        alongside=services.answered_alongside(submission),
        templates=answer_templates.every(),
        first_line=queue.first_line,
    )
