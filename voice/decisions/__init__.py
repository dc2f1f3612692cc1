"""Council decisions that change life for young people in care, told in plain words, with a
way to ask a question about each one."""

from flask import Blueprint

bp = Blueprint("decisions", __name__)

from voice.decisions import routes  # noqa: E402,F401
