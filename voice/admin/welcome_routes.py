"""Pages a colleague opens from an e-mail link, before they can sign in: accepting an
invitation (password, then two-step set-up on the same visit) and a forgotten password.
Public (listed in voice.security), each guarded by its single-use link."""

from flask import flash, redirect, render_template, request, url_for

from voice.admin import links, staff, welcome_bp
from voice.admin.forms import ForgotForm, NewPasswordForm, WelcomeForm
from voice.auth import sessions
from voice.auth.services import normalise_email
from voice.errors import refusal_on
from voice.extensions import db, limiter

LINK_NOT_WORKING = (
    "This link does not work any more. Each link works once, for a limited time. "
    "Ask your Voice admin for a new invitation, or use “Forgot your password?” "
    "on the sign-in page."
)
SENT = (
    "If that address belongs to a Voice account, we have sent a link to it. It works once, "
    "for an hour. Nothing came? Check the address, look in junk mail, or ask your Voice admin."
)


def link_gone():
    """The page for a link that no longer works (used, too old, or never sent)."""
    return render_template("admin/link_gone.html", message=LINK_NOT_WORKING), 404


def typed_address():
    return "forgot:" + normalise_email(request.form.get("email", ""))[:254]


@welcome_bp.route("/welcome/<token>", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def accept(token):
    link = links.find(token, "invite")
    if link is None:
        return link_gone()
    form = WelcomeForm(data={"name": link.user.name})
    if form.validate_on_submit():
        with refusal_on(form.password):
            user = staff.accept(link, form.name.data, form.password.data)
            db.session.commit()
            sessions.begin(user)
            flash("Password set. Now set up two-step sign-in.", "success")
            return redirect(url_for("auth.set_up"))
    return render_template("admin/welcome.html", form=form, person=link.user)


@welcome_bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
@limiter.limit("3 per hour", methods=["POST"], key_func=typed_address)
def forgot():
    form = ForgotForm()
    if form.validate_on_submit():
        staff.forgot_password(form.email.data)
        db.session.commit()
        flash(SENT, "info")
        return redirect(url_for("auth.login"))
    return render_template("admin/forgot.html", form=form)


@welcome_bp.route("/new-password/<token>", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def new_password(token):
    link = links.find(token, "reset")
    if link is None:
        return link_gone()
    form = NewPasswordForm()
    if form.validate_on_submit():
        with refusal_on(form.password):
            staff.reset_password(link, form.password.data)
            db.session.commit()
            flash("Your new password is set. Sign in with it and your two-step code.", "success")
            return redirect(url_for("auth.login"))
    return render_template("admin/new_password.html", form=form)
