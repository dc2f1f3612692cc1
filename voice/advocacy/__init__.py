"""'I'd like an advocate' as a referral with its own clock: passed on to the council's
advocacy service within one working day, and the young person sees where it is."""

from flask import Blueprint

bp = Blueprint("advocacy", __name__, url_prefix="/advocacy")

from voice.advocacy import case_routes, routes  # noqa: E402,F401
