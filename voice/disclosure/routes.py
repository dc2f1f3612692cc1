from flask import flash, redirect, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.disclosure import bp, services
from voice.disclosure.forms import FeedbackForm
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.security import role_required
from voice.submissions.models import Submission

READERS = (Role.WORKER, Role.SAFEGUARDING, Role.ADMIN)


@bp.route("/<int:submission_id>/feedback", methods=["POST"])
@role_required(*READERS)
def feedback(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    form = FeedbackForm()
    back = _back(form.back.data, submission)
    if not form.validate_on_submit():
        flash(" ".join(e for errors in form.errors.values() for e in errors), "error")
        return redirect(back)
    with refusal_flashed():
        services.record_feedback(submission, form.verdict.data, form.kind.data, by=current_user)
        db.session.commit()
        flash("Thank you: the disclosure check's report will count it.", "success")
    return redirect(back)


def _back(page, submission):
    """The page the form was on: the lead's page for a held message, else the review page."""
    if page == "case" and current_user.role in (Role.SAFEGUARDING, Role.ADMIN):
        return url_for("safeguarding.case", submission_id=submission.id)
    return url_for("moderation.review", submission_id=submission.id)
