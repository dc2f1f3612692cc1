"""Board members' questions about a topic or a figure: routed by a participation worker to an
officer of the chosen service area, answered, one supplementary question, and shown in the
board's page and pack for the period."""

from flask import Blueprint

bp = Blueprint("questions", __name__, url_prefix="/board/questions")

from voice.questions import routes  # noqa: E402,F401
