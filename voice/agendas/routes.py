from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.agendas import bp, services
from voice.agendas.forms import (
    AddGroupForm,
    AddMessageForm,
    AddThemeForm,
    MeetingForm,
    OutcomeForm,
    RemoveForm,
)
from voice.agendas.models import AgendaItem, Meeting
from voice.auth.models import Role
from voice.clock import long_date, utcnow
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import choices
from voice.moderation import review_page
from voice.moderation.services import find as find_by_reference
from voice.security import role_required
from voice.submissions.models import Submission
from voice.themes.models import Theme
from voice.themes.services import active_themes

WORKERS = (Role.WORKER, Role.ADMIN)


def item_of(meeting, form):
    """The agenda item a form names, only if it is on this meeting's agenda."""
    raw = form.item.data or ""
    item = db.session.get(AgendaItem, int(raw)) if raw.isdecimal() and len(raw) <= 9 else None
    if item is None or item.meeting_id != meeting.id:
        abort(404)
    return item


@bp.route("/")
@role_required(*WORKERS)
def index():
    upcoming, past = services.upcoming_and_past(utcnow().date())
    return render_template("agendas/index.html", upcoming=upcoming, past=past)


@bp.route("/new", methods=["GET", "POST"])
@role_required(*WORKERS)
def new():
    form = MeetingForm()
    if form.validate_on_submit():
        meeting = services.create_meeting(
            current_user, body=form.body.data, held_on=form.held_on.data, title=form.title.data
        )
        db.session.commit()
        flash("Meeting planned. Now add what it will talk about.", "success")
        return redirect(url_for("agendas.meeting", meeting_id=meeting.id))
    return render_template("agendas/new.html", form=form)


def meeting_forms(meeting):
    add_message = AddMessageForm(prefix="message")
    add_theme = AddThemeForm(prefix="theme")
    add_theme.theme.choices = choices([("", "Choose…")] + [(t.id, t.name) for t in active_themes()])
    return {
        "message": add_message,
        "theme": add_theme,
        "outcome": OutcomeForm(prefix="outcome"),
        "remove": RemoveForm(prefix="remove"),
    }


@bp.route("/<int:meeting_id>", methods=["GET", "POST"])
@role_required(*WORKERS)
def meeting(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    forms = meeting_forms(meeting)
    if request.method == "POST":
        done = act(meeting, forms)
        if done is not None:
            return done
    return render_template(
        "agendas/meeting.html",
        meeting=meeting,
        forms=forms,
        today=utcnow().date(),
        theme_counts=services.theme_counts(meeting),
        members_of=services.members_of,
    )


def act(meeting, forms):
    """Whichever form was sent: one service call, then back to the agenda (PRG)."""
    actions = {
        "message": lambda f: services.add_submission(
            meeting,
            find_by_reference(f.reference.data),
            by=current_user,
            whole_group=f.whole_group.data,
        ),
        "theme": lambda f: services.add_theme(
            meeting, db.session.get(Theme, f.theme.data), by=current_user
        ),
        "outcome": lambda f: services.record_outcome(
            item_of(meeting, f), f.outcome.data, by=current_user
        ),
        "remove": lambda f: services.remove_item(item_of(meeting, f), by=current_user),
    }
    for name, action in actions.items():
        form = forms[name]
        if form.is_submitted() and form[_button(name)].data:
            if not form.validate():
                return None  # the page shows this form's errors, with what was typed
            with refusal_flashed():
                action(form)
                db.session.commit()
                flash("Saved.", "success")
                return redirect(url_for("agendas.meeting", meeting_id=meeting.id))
            return None
    return None


def _button(name):
    return {"message": "add", "theme": "add", "outcome": "save", "remove": "remove"}[name]


def group_form(submission):
    """The review page's "add this group to the agenda" form, offering the meetings still to
    come, the next one first; None unless the message is in a group that may go on one."""
    group = services.group_of(submission)
    if len(group) < 2 or submission not in group:
        return None
    form = AddGroupForm(prefix="group")
    upcoming = services.upcoming_and_past(utcnow().date())[0]
    form.meeting.choices = choices([(m.id, f"{m.name}, {long_date(m.held_on)}") for m in upcoming])
    return form


@bp.app_template_global()
def agenda_group_form(submission):
    return group_form(submission)


@bp.route("/group/<int:submission_id>", methods=["POST"])
@role_required(*WORKERS)
def add_group(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    form = group_form(submission)
    if form is None or not form.validate_on_submit():
        # A timed-out page (or a group since broken up): the review page again, saying so.
        said = form.csrf_token.errors if form is not None else []
        flash((said or ["This message is not in a group that can go on an agenda."])[0], "error")
        return review_page.show(submission)
    meeting = db.session.get(Meeting, form.meeting.data) if form.meeting.data else None
    with refusal_flashed():
        services.add_group(meeting, submission, by=current_user)
        db.session.commit()
        flash(f"The group is on the agenda for {meeting.name}.", "success")
    return redirect(url_for("moderation.review", submission_id=submission.id))
