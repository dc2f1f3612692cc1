"""The append-only audit log: who read, changed or signed in to what, and when."""

from flask import Blueprint

bp = Blueprint("audit", __name__, url_prefix="/admin")

from voice.audit import routes  # noqa: E402,F401  (it registers on bp)
