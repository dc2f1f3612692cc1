"""The promise: its clauses, each change kept as a new wording."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.admin import bp
from voice.admin import promise as clauses
from voice.admin.forms import ClauseForm
from voice.auth.models import Role
from voice.extensions import db
from voice.forms import ButtonForm
from voice.promises.models import Promise
from voice.security import role_required


@bp.route("/promise")
@role_required(Role.ADMIN)
def promise():
    return render_template("admin/promise.html", clauses=clauses.all_clauses(), button=ButtonForm())


@bp.route("/promise/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_clause():
    return clause_page(None)


@bp.route("/promise/<int:clause_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_clause(clause_id):
    return clause_page(db.session.get(Promise, clause_id) or abort(404))


def clause_page(clause):
    form = ClauseForm(obj=clause)
    if form.validate_on_submit():
        if clause is None:
            clauses.add_clause(current_user, form.text.data)
        else:
            clauses.reword(clause, current_user, form.text.data, active=form.active.data)
        db.session.commit()
        flash("Clause saved. Earlier wordings are kept for the board's figures.", "success")
        return redirect(url_for("admin.promise"))
    history = clauses.history(clause) if clause is not None else []
    return render_template("admin/clause.html", form=form, clause=clause, history=history)


@bp.route("/promise/example", methods=["POST"])
@role_required(Role.ADMIN)
def example_promise():
    if ButtonForm().validate_on_submit():
        clauses.load_example(current_user)
        db.session.commit()
        flash("Example clauses loaded. Change each one into your council's own words.", "success")
    return redirect(url_for("admin.promise"))
