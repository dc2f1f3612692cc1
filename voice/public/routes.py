from flask import abort, current_app, redirect, render_template, request, url_for
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from voice import page_cache
from voice.extensions import db, limiter
from voice.public import bp
from voice.security import safe_next


@bp.route("/")
def home():
    return page_cache.drawn_once("home", lambda: render_template("public/home.html"))


@bp.route("/healthz")
@limiter.exempt
def healthz():
    """For the load balancer and monitoring: 200 only when the database answers.

    A council still setting up (no topic yet) is healthy but not open: still 200, with the
    reason in the body for monitoring. A 503 would make a load balancer take the whole site
    away, and with it the "not open yet" page and its help-now panel that young people
    should still find."""
    try:
        topics = db.session.execute(text("SELECT count(*) FROM theme WHERE active")).scalar()
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "database unreachable"}, 503
    if not topics:
        return {"status": "ok", "open": False, "why": NOT_OPEN}, 200
    return {"status": "ok", "open": True}, 200


NOT_OPEN = "not open to young people yet: an admin has not added any topics at /admin/topics"


@bp.route("/privacy")
def privacy():
    return page_cache.drawn_once("privacy", lambda: render_template("public/privacy.html"))


@bp.route("/lang/<code>")
def language(code):
    """The language switch: a plain link, so it works without JavaScript and with one tap.

    A GET that sets a cookie, not a POST: it only changes how pages are worded for this
    browser (nothing is stored by us), and a form with a CSRF token on every page would
    start a session for every visitor. Anything but a path on this site goes home.
    """
    from voice import i18n

    if code not in i18n.LANGUAGES:
        abort(404)
    response = redirect(safe_next(request.args.get("next")) or url_for("public.home"))
    response.set_cookie(
        i18n.COOKIE,
        code,
        max_age=i18n.COOKIE_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
