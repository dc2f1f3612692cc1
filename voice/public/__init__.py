"""Pages anyone can open without signing in."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from voice.public import routes  # noqa: E402,F401
