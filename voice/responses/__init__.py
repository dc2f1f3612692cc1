"""Officers answer what is routed to them. They only ever see the shared (redacted) text."""

from flask import Blueprint

bp = Blueprint("responses", __name__, url_prefix="/responses")

from voice.responses import routes  # noqa: E402,F401
