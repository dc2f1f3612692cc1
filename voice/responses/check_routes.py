"""A participation worker checks an officer's response before the young person reads it.
The routes live on the moderation blueprint: /moderation/<id>/check."""
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.extensions import db
from voice.moderation import bp
from voice.responses import services
from voice.responses.forms import CheckForm
from voice.security import role_required
from voice.submissions.models import Submission

WORKERS = (Role.WORKER, Role.ADMIN)


@bp.route("/<int:submission_id>/check", methods=["GET", "POST"])
@role_required(*WORKERS)
def check(submission_id):
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        abort(404)
    form = CheckForm()
    if form.validate_on_submit():
        try:
            if form.release.data:
                services.release(submission, by=current_user)
                done = f"{submission.reference} released. The young person can read it now."
            else:
                services.send_back(submission, by=current_user, comment=form.comment.data)
                done = f"{submission.reference} sent back to the officer."
        except services.ResponseRefused as refused:
            db.session.rollback()
            flash(str(refused), "error")
        else:
            db.session.commit()
            flash(done, "success")
            return redirect(url_for("moderation.index"))
    return render_template("responses/check.html", submission=submission, form=form,
                           response=services.current(submission),
                           reading_age=services.reading_age)
