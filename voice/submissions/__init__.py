"""A young person shares a view, a question or an idea, and checks back with a code."""
from flask import Blueprint

bp = Blueprint("submissions", __name__)

from voice.submissions import routes  # noqa: E402,F401
# After routes: the case page (voice.responses) builds on routes.open_case.
from voice.responses import case_routes  # noqa: E402,F401
