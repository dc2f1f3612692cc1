"""Views gathered by staff: a worker types in what a young person said at a meeting, an
event, on paper or on the phone. Each goes through the same service as /share."""

from flask import Blueprint

bp = Blueprint("gathered", __name__, url_prefix="/gathered")

from voice.gathered import routes  # noqa: E402,F401
