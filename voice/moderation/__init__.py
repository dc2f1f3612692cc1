"""Participation workers read every submission first: redact, tag, route or decline."""

from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation")

from voice.moderation import routes, similar_routes  # noqa: E402,F401,I001

# After routes: importing it first walks an import cycle from the other end.
from voice.moderation import check_routes, reassign_routes, template_routes  # noqa: E402,F401
from voice.moderation import action_check_routes  # noqa: E402,F401
