"""Officers keep young people told how the actions they promised are going."""

from flask import Blueprint

bp = Blueprint("actions", __name__, url_prefix="/actions")

from voice.actions import routes  # noqa: E402,F401
