from flask import render_template, request

from voice.audit import bp, services
from voice.audit.forms import AuditFilterForm
from voice.auth.models import Role
from voice.clock import LOCAL_ZONE_NAME
from voice.forms import ButtonForm
from voice.security import role_required


def _event_id(name):
    value = request.args.get(name, "")
    return int(value) if value.isdecimal() and len(value) <= 18 else None


@bp.route("/audit")
@role_required(Role.ADMIN)
def index():
    form = AuditFilterForm(request.args)
    # Filters that do not make sense show their errors and no events, rather than every event
    # under a heading that looks filtered.
    page = (
        services.page_of_events(
            form.filters(), older_than=_event_id("older"), newer_than=_event_id("newer")
        )
        if form.validate()
        else services.Page([], None, None)
    )
    return render_template(
        "audit/index.html",
        form=form,
        page=page,
        filter_args=form.query_args(),
        local_time=services.local_time,
        zone_name=LOCAL_ZONE_NAME,
        sign_out_form=ButtonForm(),
    )
