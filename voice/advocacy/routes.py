"""The participation workers' list of advocacy referrals, and moving one on."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.advocacy import bp, services
from voice.advocacy.forms import MoveOnForm
from voice.advocacy.models import AdvocacyReferral
from voice.auth.models import Role
from voice.clock import utcnow
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.security import role_required

WORKERS = (Role.WORKER, Role.ADMIN)


@bp.route("/")
@role_required(*WORKERS)
def index():
    return render_template(
        "advocacy/index.html",
        referrals=services.open_referrals(),
        form=MoveOnForm(),
        today=utcnow().date(),
    )


@bp.route("/<int:referral_id>/move", methods=["POST"])
@role_required(*WORKERS)
def move(referral_id):
    referral = db.session.get(AdvocacyReferral, referral_id) or abort(404)
    form = MoveOnForm()
    if form.validate_on_submit():
        with refusal_flashed("info"):
            services.move_on(referral, by=current_user, to=form.to.data)
            db.session.commit()
            flash(f"{referral.reference}: {form.to.data.replace('_', ' ')}.", "success")
    return redirect(url_for("advocacy.index"), code=303)
