from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice import clock
from voice.actions import bp, checks, services
from voice.actions.forms import ActionUpdateForm
from voice.auth.models import Role
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.security import role_required


@bp.route("/")
@role_required(Role.OFFICER)
def index():
    today = clock.utcnow().date()
    return render_template(
        "actions/index.html", today=today, actions=services.for_officer(current_user, today)
    )


@bp.route("/<int:action_id>", methods=["GET", "POST"])
@role_required(Role.OFFICER)
def show(action_id):
    action = services.get_for_officer(current_user, action_id) or abort(404)
    form = ActionUpdateForm()
    if request.method == "GET":
        form.status.data = action.status.value
    if form.validate_on_submit():
        with refusal_flashed():
            check = services.update(
                action, current_user, form.status.data, form.note.data, form.new_due_on.data
            )
            db.session.commit()
            if check is None:
                said = f"Update saved. The young person can see it now: “{action.status_words}”."
            else:
                said = (
                    "Update sent for a participation worker's check. The young person "
                    "sees it once they have checked it."
                )
            flash(said, "success")
            return redirect(url_for("actions.show", action_id=action.id))
    return render_template(
        "actions/show.html",
        action=action,
        form=form,
        submission=services.case_of(action),
        waiting=checks.waiting_for(action),
        last_checked=checks.last_checked(action),
    )


@bp.app_template_global()
def case_actions(submission):
    """The promised actions on one case, for the officer's case page."""
    return services.for_case(submission, clock.utcnow().date())
