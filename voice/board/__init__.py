"""The Corporate Parenting Board's view: anonymised figures for a period, theme by theme and
promise by promise, with the board pack and CSV downloads."""

from flask import Blueprint

bp = Blueprint("board", __name__, url_prefix="/board")

from voice.board import compact, rollup, routes  # noqa: E402,F401
