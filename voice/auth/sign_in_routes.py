"""Step two of signing in: a code from the authenticator app, a recovery code, or, the first
time, setting the app up. These pages are public (listed in voice.security) because the
person is only half signed in; each one checks that the password step happened."""

from contextlib import contextmanager

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from voice.audit import services as audit_log
from voice.auth import bp, mfa, services, sessions
from voice.auth.forms import CodeForm, RecoveryCodeForm
from voice.extensions import db, limiter
from voice.forms import ButtonForm

START_AGAIN = "Please sign in with your e-mail address and password again."


def half_signed_in_or_redirect(enrolled):
    """The half-signed-in person if this page is the right one for them, else where to go."""
    if current_user.is_authenticated:
        return None, redirect(url_for("auth.home"))
    user = sessions.half_signed_in_user()
    if user is None:
        flash(START_AGAIN, "info")
        return None, redirect(url_for("auth.login"))
    if user.mfa_enrolled != enrolled:
        return None, redirect(url_for("auth.code" if user.mfa_enrolled else "auth.set_up"))
    return user, None


def signed_in(user):
    services.complete_sign_in(user)
    audit_log.record("sign_in", by=user, detail=sessions.half_signed_in_via())
    next_url = sessions.finish(user)
    db.session.commit()
    return next_url or url_for("auth.home")


@contextmanager
def failed_try_kept(user, detail, field):
    """A wrong code inside the block is audited and committed, unlike other refusals, so the
    count of failed tries that pauses signing in is kept; the message goes under `field` and
    the page is shown again."""
    try:
        yield
    except mfa.CodeRefused as refused:
        audit_log.record("sign_in_failed", by=user, detail=detail)
        db.session.commit()
        field.errors.append(str(refused))


@bp.route("/sign-in/code", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def code():
    user, elsewhere = half_signed_in_or_redirect(enrolled=True)
    if elsewhere:
        return elsewhere
    form = CodeForm()
    if form.validate_on_submit():
        with failed_try_kept(user, "code from the app", form.code):
            mfa.check_code(user, form.code.data)
            return redirect(signed_in(user))
    return render_template("auth/code.html", form=form)


@bp.route("/sign-in/recovery-code", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def recovery_code():
    user, elsewhere = half_signed_in_or_redirect(enrolled=True)
    if elsewhere:
        return elsewhere
    form = RecoveryCodeForm()
    if form.validate_on_submit():
        with failed_try_kept(user, "recovery code", form.code):
            left = mfa.use_recovery_code(user, form.code.data)
            flash(
                f"You used a recovery code, so it will not work again. You have {left} left. "
                "If your phone is lost, ask your Voice admin to reset two-step sign-in.",
                "info",
            )
            return redirect(signed_in(user))
    return render_template("auth/recovery_code.html", form=form)


@bp.route("/sign-in/set-up", methods=["GET", "POST"])
@limiter.limit("20 per minute", methods=["POST"])
def set_up():
    user, elsewhere = half_signed_in_or_redirect(enrolled=False)
    if elsewhere:
        return elsewhere
    form = CodeForm()
    if form.validate_on_submit():
        with failed_try_kept(user, "code while setting up the app", form.code):
            codes = mfa.confirm_enrolment(user, form.code.data)
            next_url = signed_in(user)
            # Shown in this response and never again: the codes are kept only as hashes, so
            # there is nothing a redirect could show (the one exception to post/redirect/get).
            return render_template(
                "auth/recovery_codes.html",
                codes=codes,
                next_url=next_url,
                sign_out_form=ButtonForm(),
            )
    return render_template("auth/set_up.html", form=form, **mfa.setup_details(user))
