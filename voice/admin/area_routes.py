"""Service areas: name, lead and officers."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.admin import areas, bp
from voice.admin.forms import AreaForm
from voice.areas.models import ServiceArea
from voice.auth.models import Role
from voice.errors import refusal_on
from voice.extensions import db
from voice.forms import choices
from voice.security import role_required


@bp.route("/areas", endpoint="areas")
@role_required(Role.ADMIN)
def areas_page():
    return render_template("admin/areas.html", areas=areas.all_areas())


def area_form(area):
    form = AreaForm(obj=area)
    people = areas.officers()
    form.lead.choices = choices(
        [("", "No lead yet")] + [(u.id, f"{u.display_name} ({u.email})") for u in people]
    )
    form.officers.choices = choices([(u.id, f"{u.display_name} ({u.email})") for u in people])
    if area is not None and not form.is_submitted():
        form.lead.data = area.lead_id
        form.officers.data = [u.id for u in area.officers]
    return form, people


@bp.route("/areas/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_area():
    return area_page(None)


@bp.route("/areas/<int:area_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_area(area_id):
    return area_page(db.session.get(ServiceArea, area_id) or abort(404))


def area_page(area):
    form, people = area_form(area)
    if form.validate_on_submit():
        with refusal_on(form.name):
            saved = areas.save_area(
                area,
                current_user,
                form.name.data,
                form.lead.data,
                form.officers.data,
                active=form.active.data,
            )
            db.session.commit()
            flash(f"Service area “{saved.name}” saved.", "success")
            return redirect(url_for("admin.areas"))
    return render_template("admin/area.html", form=form, area=area, people=people)
