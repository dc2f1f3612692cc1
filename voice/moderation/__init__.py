"""Participation workers read every submission first: redact, tag, route or decline."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

from voice.moderation import check_routes, routes  # noqa: E402,F401
