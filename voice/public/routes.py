from flask import render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from voice.extensions import db, limiter
from voice.public import bp


@bp.route("/")
def home():
    return render_template("public/home.html")


@bp.route("/healthz")
@limiter.exempt
def healthz():
    """For the load balancer and monitoring: 200 only when the database answers."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        return {"status": "database unreachable"}, 503
    return {"status": "ok"}, 200


@bp.route("/privacy")
def privacy():
    return render_template("public/privacy.html")
