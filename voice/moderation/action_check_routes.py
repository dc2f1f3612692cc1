"""A participation worker checks what an officer wrote to a young person about an action
(and any new date) before the young person reads it: /moderation/action-checks."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SubmitField, TextAreaField
from wtforms.validators import Length

from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import Form
from voice.moderation import bp
from voice.moderation.routes import WORKERS
from voice.security import role_required


class ActionCheckForm(Form):
    comment = TextAreaField("What the officer should change", validators=[Length(max=2000)])
    release = SubmitField("Release to the young person")
    send_back = SubmitField("Send back to the officer")


def page(forms=None):
    from voice.actions import checks  # imported when used: actions' models import responses,
    from voice.actions.services import case_of  # whose routes import this blueprint

    waiting = checks.waiting()
    return render_template(
        "moderation/action_checks.html",
        waiting=[(c, case_of(c.action)) for c in waiting],
        forms=forms or {},
        blank=ActionCheckForm(formdata=None),
    )


@bp.route("/action-checks")
@role_required(*WORKERS)
def action_checks():
    return page()


@bp.route("/action-checks/<int:check_id>", methods=["POST"])
@role_required(*WORKERS)
def action_check(check_id):
    from voice.actions import checks
    from voice.actions.models import ActionCheck

    check = db.session.get(ActionCheck, check_id) or abort(404)
    form = ActionCheckForm()
    if not form.validate_on_submit():
        return page({check.id: form})
    with refusal_flashed():
        if form.release.data:
            checks.release(check, current_user)
            said = "Released. The young person can read the update now."
        else:
            checks.send_back(check, current_user, form.comment.data)
            said = "Sent back to the officer."
        db.session.commit()
        flash(said, "success")
    return redirect(url_for("moderation.action_checks"))
