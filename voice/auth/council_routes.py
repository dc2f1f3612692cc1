"""`/staff/login/council`: sign in with the council's own account (see voice/auth/council.py).
Both pages are public: the person is not signed in yet, and the provider's answer is what
they bring. Without OIDC_DISCOVERY_URL they answer 404."""

from flask import abort, current_app, flash, redirect, request, session, url_for
from flask_login import current_user

from voice.audit import services as audit_log
from voice.auth import bp, council, mfa, sessions
from voice.auth.routes import safe_next
from voice.auth.sign_in_routes import signed_in
from voice.extensions import db

NEXT = "voice_council_next"


@bp.route("/login/council")
def council_sign_in():
    """Off to the provider. A plain link (GET): it changes nothing here but a state and a
    nonce in the session, and Authlib checks both when the person comes back."""
    if not council.enabled():
        abort(404)
    if current_user.is_authenticated:
        return redirect(url_for("auth.home"))
    session[NEXT] = safe_next(request.args.get("next"))
    return council.client().authorize_redirect(callback_url())


def callback_url():
    """The address the provider sends the person back to; it must be registered with the
    provider exactly. PUBLIC_URL when set, so a proxy's internal host name never leaks in."""
    public = (current_app.config.get("PUBLIC_URL") or "").rstrip("/")
    if public:
        return public + url_for("auth.council_callback")
    return url_for("auth.council_callback", _external=True)


@bp.route("/login/council/back")
def council_callback():
    if not council.enabled():
        abort(404)
    try:
        claims = council.claims_from_callback()
        user = council.account_for(claims)
    except council.CouncilSignInRefused as refused:
        audit_log.record("sign_in_failed", email=refused.email, detail=refused.detail)
        db.session.commit()
        flash(str(refused), "error")
        return redirect(url_for("auth.login"))
    next_url = session.pop(NEXT, None)
    if council.second_factor_trusted(claims):
        sessions.begin(user, next_url, via=council.TRUSTED_VIA)
        return redirect(signed_in(user))
    mfa.ensure_secret(user)
    db.session.commit()
    sessions.begin(user, next_url, via=council.VIA)
    return redirect(url_for("auth.code" if user.mfa_enrolled else "auth.set_up"))
