"""The participation team keeps answer templates for each team (issue 19): a list with an
add form, an edit page, and a delete button. Officers see them beside the answer form."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import ButtonForm, Form
from voice.moderation import bp
from voice.moderation.routes import WORKERS
from voice.responses import answer_templates
from voice.responses.models import AnswerTemplate
from voice.security import role_required


class TemplateForm(Form):
    team = StringField(
        "Team",
        validators=[DataRequired("Say which team this template is for."), Length(max=120)],
        render_kw={"list": "known-teams", "autocomplete": "off"},
    )
    title = StringField(
        "Title (what officers see in the list)",
        validators=[DataRequired("Give the template a short title."), Length(max=120)],
    )
    text = TextAreaField(
        "Words to start from",
        validators=[DataRequired("Write the words officers start from."), Length(max=6000)],
    )
    save = SubmitField("Save template")


def saved_or_page(form, editing, page, **context):
    """Both template pages: a good form is saved and goes back to the list; a bad one, or a
    refused save, shows `page` again with what was typed."""
    if form.validate_on_submit():
        with refusal_flashed():
            saved = answer_templates.save(
                editing,
                current_user,
                team=form.team.data,
                title=form.title.data,
                text=form.text.data,
            )
            db.session.commit()
            flash(f"Template “{saved.title}” saved for {saved.team}.", "success")
            return redirect(url_for("moderation.answer_template_list"))
    return render_template(page, form=form, teams=answer_templates.teams(), **context)


@bp.route("/answer-templates", methods=["GET", "POST"])
@role_required(*WORKERS)
def answer_template_list():
    return saved_or_page(
        TemplateForm(),
        None,
        "moderation/answer_templates.html",
        templates=answer_templates.every(),
        button=ButtonForm(),
    )


def template_or_404(template_id):
    return db.session.get(AnswerTemplate, template_id) or abort(404)


@bp.route("/answer-templates/<int:template_id>", methods=["GET", "POST"])
@role_required(*WORKERS)
def answer_template(template_id):
    template = template_or_404(template_id)
    return saved_or_page(
        TemplateForm(obj=template), template, "moderation/answer_template.html", template=template
    )


@bp.route("/answer-templates/<int:template_id>/delete", methods=["POST"])
@role_required(*WORKERS)
def delete_answer_template(template_id):
    template = template_or_404(template_id)
    if ButtonForm().validate_on_submit():
        title = template.title
        answer_templates.delete(template, current_user)
        db.session.commit()
        flash(f"Template “{title}” deleted.", "success")
    else:
        flash("That page had timed out, so nothing was deleted. Press Delete again.", "error")
    return redirect(url_for("moderation.answer_template_list"))
