"""The council's settings page."""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from voice.admin import bp, council, services
from voice.admin.forms import SettingsForm
from voice.auth.models import Role
from voice.extensions import db
from voice.security import role_required


@bp.route("/settings", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def settings():
    form = SettingsForm(data=council.current())
    if form.validate_on_submit():
        changed = services.save_settings(form.values(), by=current_user)
        db.session.commit()
        council.changed()
        flash("Settings saved." if changed else "Nothing had changed.", "success")
        return redirect(url_for("admin.settings"))
    return render_template(
        "admin/settings.html",
        form=form,
        from_environment=set(council.KEYS) - council.saved_by_admin(),
    )
