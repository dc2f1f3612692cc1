"""Linking a message to one that looks similar, in one press from the review page."""

from flask import url_for
from flask_login import current_user

from voice.extensions import db
from voice.forms import ButtonForm
from voice.moderation import bp, services
from voice.moderation.routes import WORKERS, attempt, review
from voice.security import role_required
from voice.submissions.models import Submission


@bp.route("/<int:submission_id>/same-as/<int:other_id>", methods=["POST"])
@role_required(*WORKERS)
def same_as(submission_id, other_id):
    submission = db.get_or_404(Submission, submission_id)
    other = db.get_or_404(Submission, other_id)
    if not ButtonForm().validate_on_submit():  # a timed-out page: show the message again
        return review(submission.id)
    return attempt(
        submission,
        lambda: services.link_same_as(submission, other, current_user),
        lambda: f"{submission.reference} now says the same as {other.reference}.",
        url_for("moderation.review", submission_id=submission.id),
    )
