"""The admin area's front page: the set-up checklist, then links to each part."""

from flask import render_template

from voice.admin import bp, services
from voice.auth.models import Role
from voice.security import role_required


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    steps = services.checklist()
    return render_template(
        "admin/index.html",
        steps=steps,
        missing=[step for step in steps if not step.done],
        open_for_messages=services.open_for_messages(),
    )
