from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.audit import services as audit_log
from voice.auth import bp, council, services, sessions
from voice.auth.forms import LoginForm
from voice.auth.models import Role
from voice.auth.sign_in_routes import signed_in
from voice.extensions import db, limiter
from voice.forms import TIMED_OUT, ButtonForm
from voice.security import role_required, safe_next

ALL_STAFF = tuple(Role)
# Voice cannot end the provider's own session; on a shared computer the next person could
# otherwise sign in as this one with a click.
SIGNED_OUT_OF_COUNCIL = (
    "You have signed out of Voice. On a shared computer, sign out of your council account "
    "too, or close the browser."
)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def login():
    """Step one of two: the password. Nobody is signed in here; see sign_in_routes.py."""
    if current_user.is_authenticated:
        return redirect(url_for("auth.home"))
    form = LoginForm()
    if form.validate_on_submit():
        both = bool((form.code.data or "").strip())
        try:
            if both:
                user = services.authenticate_with_code(
                    form.email.data, form.password.data, form.code.data
                )
            else:
                user = services.authenticate(form.email.data, form.password.data)
        except services.SignInRefused as refused:
            audit_log.record("sign_in_failed", email=form.email.data, detail="password step")
            db.session.commit()  # keeps the count of failed tries
            form.form_errors.append(str(refused))
            return render_template(
                "auth/login.html", form=form, council_sign_in=council.enabled()
            ), 200
        db.session.commit()
        sessions.begin(user, safe_next(request.args.get("next")))
        if both and user.mfa_enrolled:
            return redirect(signed_in(user))
        return redirect(url_for("auth.code" if user.mfa_enrolled else "auth.set_up"))
    return render_template("auth/login.html", form=form, council_sign_in=council.enabled())


@bp.route("/logout", methods=["POST"])
@role_required(*ALL_STAFF)
def logout():
    form = ButtonForm()
    if form.validate_on_submit():
        services.sign_out(current_user)
        db.session.commit()
        with_council = sessions.signed_in_with_council_account()
        sessions.end()
        flash(SIGNED_OUT_OF_COUNCIL if with_council else "You have signed out.", "success")
    else:
        flash(str(TIMED_OUT).split(":")[0] + ": press Sign out again.", "error")
    return redirect(url_for("auth.login"))


@bp.route("/")
@role_required(*ALL_STAFF)
def home():
    """Where a sign-in lands: this person's own work, waiting and late, for every role."""
    from voice.auth import work  # it reads every feature's tables: imported when used

    waiting, late = work.of(current_user)
    carry_on = work.still_open(current_user) if current_user.role in work.WORKERS else []
    return render_template(
        "auth/home.html", sign_out_form=ButtonForm(), waiting=waiting, late=late, carry_on=carry_on
    )
