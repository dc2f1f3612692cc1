"""Workers choose what goes on "You said, we did" and write its public summary."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import ButtonForm
from voice.published import bp, services
from voice.published.forms import PublishForm
from voice.published.services import STAFF_PAGE_SIZE
from voice.published.words import ACTION_WORDS, DECISION_WORDS
from voice.responses.services import reading_age, released
from voice.security import role_required
from voice.submissions.models import Submission

WORKERS = (Role.WORKER, Role.ADMIN)


@bp.route("/publishing")
@role_required(*WORKERS)
def manage():
    page = min(max(request.args.get("page", 1, type=int), 1), services.LAST_PAGE)
    rows, total = services.publishable(page)
    return render_template(
        "published/manage.html",
        rows=rows,
        total=total,
        page=page,
        pages=max((total + STAFF_PAGE_SIZE - 1) // STAFF_PAGE_SIZE, 1),
    )


@bp.route("/publishing/<int:submission_id>", methods=["GET", "POST"])
@role_required(*WORKERS)
def edit(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    publication = services.publication_of(submission)
    form = PublishForm(data={"summary": publication.summary} if publication else None)
    refused = services.why_not(submission)
    if not refused and form.validate_on_submit():
        with refusal_flashed():
            services.publish(submission, current_user, form.summary.data)
            db.session.commit()
            flash(f"{submission.reference} is on “You said, we did”.", "success")
            return redirect(url_for("published.edit", submission_id=submission.id), code=303)
    return render_template(
        "published/edit.html",
        submission=submission,
        publication=publication,
        form=form,
        refused=refused,
        response=released(submission),
        unpublish_form=ButtonForm(),
        reading_age=reading_age(form.summary.data),
        decision_words=DECISION_WORDS,
        action_words=ACTION_WORDS,
    )


@bp.route("/publishing/<int:submission_id>/unpublish", methods=["POST"])
@role_required(*WORKERS)
def unpublish(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    if not ButtonForm().validate_on_submit():
        abort(400)  # a forged or timed-out button: the friendly "go back and try again"
    with refusal_flashed():
        services.unpublish(submission, current_user)
        db.session.commit()
        flash(f"{submission.reference} is no longer on “You said, we did”.", "success")
    return redirect(url_for("published.edit", submission_id=submission.id), code=303)
