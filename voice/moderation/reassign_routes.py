"""A worker passes a case waiting for an officer to another area or officer (issue 16).
The reply date the young person was given does not move."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectField, SubmitField
from wtforms.validators import DataRequired

from voice.areas.models import ServiceArea
from voice.areas.services import active_areas
from voice.auth.models import Role, User
from voice.errors import refusal_on
from voice.extensions import db
from voice.forms import Form, choices
from voice.moderation import bp, services
from voice.moderation.review_page import follows_area, officer_choices
from voice.security import role_required
from voice.submissions.models import Submission


def _number(value):
    return int(value) if value and str(value).isdecimal() else None


class ReassignForm(Form):
    service_area = SelectField(
        "New service area", coerce=_number, validators=[DataRequired("Choose a service area.")]
    )
    officer = SelectField(
        "New officer", coerce=_number, validators=[DataRequired("Choose an officer of that area.")]
    )
    submit = SubmitField("Reassign")


@bp.route("/<int:submission_id>/reassign", methods=["GET", "POST"])
@role_required(Role.WORKER, Role.ADMIN)
def reassign(submission_id):
    submission = db.session.get(Submission, submission_id) or abort(404)
    form = ReassignForm()
    form.service_area.choices = choices(
        [("", "Choose…")] + [(a.id, a.name) for a in active_areas()]
    )
    form.officer.choices = officer_choices()
    follows_area(form)
    if form.validate_on_submit():
        with refusal_on(form.officer):
            services.reassign(
                submission,
                current_user,
                db.session.get(ServiceArea, form.service_area.data),
                db.session.get(User, form.officer.data),
            )
            db.session.commit()
            flash(
                f"{submission.reference} is now with {submission.officer.display_name}. "
                f"The reply is still due {submission.due_on:%-d %B %Y}.",
                "success",
            )
            return redirect(url_for("moderation.review", submission_id=submission.id))
    return render_template("moderation/reassign.html", form=form, submission=submission)
