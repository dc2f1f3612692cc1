"""A worker marks a hand job done (news passed on to the young person's worker, or talked to
them first): one POST button in the moderation queue (templates/submissions/_worker_tasks.html)."""

from flask import flash, redirect, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import ButtonForm
from voice.security import role_required
from voice.submissions import bp, worker_tasks
from voice.submissions.task_models import WorkerTask


@bp.route("/worker-tasks/<int:task_id>/done", methods=["POST"])
@role_required(Role.WORKER, Role.ADMIN)
def task_done(task_id):
    task = db.get_or_404(WorkerTask, task_id)
    if ButtonForm().validate_on_submit():
        with refusal_flashed("info"):
            worker_tasks.mark_done(task, by=current_user)
            db.session.commit()
            flash(f"{task.reference}: marked as {worker_tasks.DONE_WORDS[task.kind]}.", "success")
    return redirect(url_for("moderation.index"), code=303)
