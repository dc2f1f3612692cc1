"""The safeguarding lead's view: messages that may show a risk of harm. Nothing here is ever
shown to officers or the board, published or exported."""

from flask import Blueprint

bp = Blueprint("safeguarding", __name__, url_prefix="/safeguarding")

from voice.safeguarding import routes  # noqa: E402,F401
