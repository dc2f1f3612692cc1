"""Where a staff member's sign-in stands, kept in the signed session cookie.

After the password the person is only half signed in: the session remembers who (by their
session token, so a reset or sign-out everywhere ends it) and when, but Flask-Login knows
nothing yet, so no staff page opens. Once both steps pass, the session carries when they
signed in and when they were last seen, and the server ends it when either is too long ago,
whatever the browser does with its cookie.
"""

from datetime import UTC

from flask import current_app, flash, redirect, request, session, url_for
from flask_login import login_user, logout_user

from voice import clock
from voice.auth import services
from voice.security import PUBLIC_ENDPOINTS

HALF = "voice_half_signed_in"
SIGNED_IN_AT = "voice_signed_in_at"
SEEN_AT = "voice_seen_at"
VIA = "voice_signed_in_via"
FLASK_LOGIN_USER = "_user_id"

IDLE = (
    "You were signed out because Voice was not used for {minutes} minutes, so that no "
    "one else can read it on a computer left alone. Please sign in again."
)
TOO_LONG = (
    "You were signed out because you had been signed in for {hours} hours. Please sign in again."
)
STALE = "For your safety, please sign in again."


def now():
    return int(clock.utcnow().replace(tzinfo=UTC).timestamp())


def idle_seconds():
    return current_app.config["STAFF_IDLE_MINUTES"] * 60


def begin(user, next_url=None, via=""):
    """The password (or the council's account, `via`) was right: remember who is half
    signed in, and where they were going."""
    session[HALF] = {"token": user.session_token, "at": now(), "next": next_url, "via": via}


def half_signed_in_via():
    """How the first step was done, for the audit log ("" for a password)."""
    return (session.get(HALF) or {}).get("via", "")


def half_signed_in_user():
    """The person between the two steps, or None if there is none or they took too long."""
    half = session.get(HALF)
    if not half or now() - half.get("at", 0) > idle_seconds():
        return None
    return services.load_user(half.get("token"))


def finish(user):
    """The second step passed: only now is the person signed in. Returns where to go next."""
    half = session.pop(HALF, None) or {}
    login_user(user)
    session[SIGNED_IN_AT] = session[SEEN_AT] = now()
    if half.get("via"):
        session[VIA] = half["via"]
    return half.get("next")


# What a staff sign-in keeps in the session: the quick exit (a GET, so a link from anywhere
# can trigger it) forgets everything else, never these; signing out is a POST.
STAFF_KEYS = (HALF, SIGNED_IN_AT, SEEN_AT, FLASK_LOGIN_USER, "_fresh", "_id", "csrf_token")


def forget_all_but_staff():
    kept = {key: session[key] for key in STAFF_KEYS if key in session}
    session.clear()
    session.update(kept)


def end():
    """Sign out in this browser only (other sessions end through the session token)."""
    logout_user()
    for key in (HALF, SIGNED_IN_AT, SEEN_AT, VIA):
        session.pop(key, None)


def signed_in_with_council_account():
    return bool(session.get(VIA))


def why_expired():
    signed_in_at, seen_at = session.get(SIGNED_IN_AT), session.get(SEEN_AT)
    if signed_in_at is None or seen_at is None:
        return STALE  # signed in before these times were kept, or with one step only
    config = current_app.config
    if now() - signed_in_at > config["STAFF_MAX_HOURS"] * 3600:
        return TOO_LONG.format(hours=config["STAFF_MAX_HOURS"])
    if now() - seen_at > idle_seconds():
        return IDLE.format(minutes=config["STAFF_IDLE_MINUTES"])
    return None


def enforce_time_limits():
    """Before every request: end a staff session that was idle or open too long, kindly."""
    if request.endpoint == "static" or FLASK_LOGIN_USER not in session:
        return None
    reason = why_expired()
    if reason is None:
        session[SEEN_AT] = now()
        return None
    end()
    flash(reason, "info")
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    wanted = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=wanted))
