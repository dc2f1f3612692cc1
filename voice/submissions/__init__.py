"""A young person shares a view, a question or an idea, and checks back with a code."""

from flask import Blueprint

bp = Blueprint("submissions", __name__)


@bp.app_template_filter("kind_name")
def kind_name(kind):
    """ "My view", "A question" or "An idea", in the page's language, as the share form says."""
    from voice.submissions.forms import KINDS

    return next(str(name) for value, name, _hint in KINDS if value == kind)


from voice.submissions import (  # noqa: E402,F401
    case_routes,
    not_safe_routes,
    offline_routes,
    routes,
)
