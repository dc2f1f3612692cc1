""" "You said, we did": a worker publishes a short public summary of how the council answered
a young person who said yes to sharing; anyone can read it and say "me too"."""

from flask import Blueprint

bp = Blueprint("published", __name__)

from voice.published import routes, staff_routes  # noqa: E402,F401
