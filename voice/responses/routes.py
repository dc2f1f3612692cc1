from flask import abort, render_template
from flask_login import current_user

from voice.auth.models import Role
from voice.clock import utcnow, working_days_between
from voice.responses import bp, services
from voice.security import role_required


@bp.route("/")
@role_required(Role.OFFICER)
def index():
    today = utcnow().date()
    rows = [(s, working_days_between(today, s.due_on)) for s in services.for_officer(current_user)]
    return render_template("responses/index.html", rows=rows)


@bp.route("/<int:submission_id>")
@role_required(Role.OFFICER)
def show(submission_id):
    submission = services.get_for_officer(current_user, submission_id)
    if submission is None:
        abort(404)
    return render_template("responses/show.html", submission=submission)
