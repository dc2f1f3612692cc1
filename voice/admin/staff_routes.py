"""Staff: the list, invitations, roles, switching off and on, two-step resets."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.admin import bp, links, staff
from voice.admin.forms import InviteForm, RoleForm
from voice.auth.models import Role, User
from voice.errors import refusal_flashed, refusal_on
from voice.extensions import db
from voice.forms import ButtonForm
from voice.security import role_required


@bp.route("/staff", endpoint="staff")
@role_required(Role.ADMIN)
def staff_page():
    return render_template(
        "admin/staff.html", people=staff.staff_list(), invited=staff.invited, form=InviteForm()
    )


@bp.route("/staff/invite", methods=["POST"])
@role_required(Role.ADMIN)
def invite():
    form = InviteForm()
    if form.validate_on_submit():
        with refusal_on(form.email):
            user = staff.invite(current_user, form.email.data, form.name.data, form.role.data)
            db.session.commit()
            flash(f"Invitation sent to {user.email}. The link works once, for 72 hours.", "success")
            return redirect(url_for("admin.staff"))
    return render_template(
        "admin/staff.html", people=staff.staff_list(), invited=staff.invited, form=form
    ), 200


def person_or_404(user_id):
    return db.session.get(User, user_id) or abort(404)


@bp.route("/staff/<int:user_id>")
@role_required(Role.ADMIN)
def person(user_id):
    user = person_or_404(user_id)
    form = RoleForm(data={"role": user.role.value})
    return render_template(
        "admin/person.html",
        person=user,
        form=form,
        button=ButtonForm(),
        invited=staff.invited(user),
        invite=links.pending_invite(user),
    )


@bp.route("/staff/<int:user_id>/role", methods=["POST"])
@role_required(Role.ADMIN)
def change_role(user_id):
    user = person_or_404(user_id)
    form = RoleForm()
    if form.validate_on_submit():
        return attempt(
            lambda: staff.change_role(user, form.role.data, current_user),
            user,
            f"{user.email} is now: {Role(form.role.data).label}. They sign in again to see "
            "their new pages.",
        )
    return redirect(url_for("admin.person", user_id=user.id))


ACTIONS = {
    "switch-off": (staff.switch_off, "{email} is switched off; their sessions have ended."),
    "switch-on": (staff.switch_on, "{email} is switched on again."),
    "reset-two-step": (
        staff.reset_two_step,
        "Two-step sign-in reset for {email}. They set it up again at their next sign-in.",
    ),
    "invite-again": (staff.invite_again, "A new invitation is on its way to {email}."),
}


@bp.route(
    "/staff/<int:user_id>/<any('switch-off', 'switch-on', 'reset-two-step', 'invite-again'):action>",
    methods=["POST"],
)
@role_required(Role.ADMIN)
def change_person(user_id, action):
    user = person_or_404(user_id)
    if not ButtonForm().validate_on_submit():
        flash("This page was open for a long time. Please try again.", "error")
        return redirect(url_for("admin.person", user_id=user.id))
    change, message = ACTIONS[action]
    return attempt(lambda: change(user, current_user), user, message.format(email=user.email))


def attempt(change, user, message):
    with refusal_flashed():
        change()
        db.session.commit()
        flash(message, "success")
    return redirect(url_for("admin.person", user_id=user.id))
