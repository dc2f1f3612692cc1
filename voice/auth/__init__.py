"""Staff accounts, roles and sign-in. Young people never have an account."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/staff")

from voice.auth import council_routes, routes, sign_in_routes  # noqa: E402,F401  (they register on bp)
from voice.auth.services import load_user  # noqa: E402
from voice.auth.sessions import enforce_time_limits  # noqa: E402
from voice.extensions import login_manager  # noqa: E402

login_manager.user_loader(load_user)
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.login_message_category = "info"
# Idle and absolute time-outs, checked on every request of every blueprint, and FIRST: the
# CSRF check (registered earlier, with the extensions) shows a failed form again, and an
# expired session must be ended before anything is shown to it.
bp.record_once(
    lambda state: state.app.before_request_funcs.setdefault(None, []).insert(0, enforce_time_limits)
)
