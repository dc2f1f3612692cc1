"""The influence question: "Has anything changed because of what you said?", asked of a young
person twenty working days after their answer's promises were settled, and the board's counts
of what they said. The question's page is part of their case page (/check/case)."""

from flask import Blueprint

bp = Blueprint("influence", __name__)

from voice.influence import routes  # noqa: E402,F401
