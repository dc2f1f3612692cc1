from flask import render_template

from voice import clock
from voice.auth.models import Role
from voice.deadlines import bp, services
from voice.security import role_required


@bp.route("/overdue")
@role_required(Role.WORKER, Role.ADMIN)
def overdue():
    today = clock.utcnow().date()
    return render_template(
        "deadlines/overdue.html",
        today=today,
        cases=services.overdue_cases(today),
        actions=services.overdue_actions(today),
        days_overdue=services.days_overdue,
        waiting_on=services.waiting_on,
    )
