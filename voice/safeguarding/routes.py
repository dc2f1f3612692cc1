from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.disclosure.forms import feedback_form
from voice.disclosure.services import explanation
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.moderation.queue import held_for_safeguarding
from voice.moderation.services import read_original
from voice.responses.follow_ups import follow_ups, pending
from voice.safeguarding import bp, services
from voice.safeguarding.forms import CloseForm, RecordForm, ReleaseForm
from voice.safeguarding.models import ACTION_LABELS
from voice.security import from_another_site, role_required
from voice.submissions.models import Submission
from voice.submissions.words import HEARS_BACK
from voice.submissions.words_rule import is_lead

LEADS = (Role.SAFEGUARDING, Role.ADMIN)


@bp.route("/")
@role_required(*LEADS)
def index():
    return render_template(
        "safeguarding/index.html", held=held_for_safeguarding(), handled=services.recently_handled()
    )


@bp.route("/<int:submission_id>", methods=["GET", "POST"])
@role_required(*LEADS)
def case(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    if not submission.safeguarding:
        return redirect(url_for("safeguarding.index"))
    if from_another_site():
        return render_template("staff/open_from_link.html", submission=submission)
    forms = {
        "record": RecordForm(prefix="record"),
        "release": ReleaseForm(prefix="release"),
        "close": CloseForm(prefix="close"),
    }
    if request.method == "GET":
        waiting = pending(submission)
        held_words = waiting.message if waiting else submission.shared_text or submission.message
        forms["release"].shared_text.data = held_words if is_lead(current_user) else ""
    elif (response := act(submission, forms)) is not None:
        return response
    if is_lead(current_user):  # an admin manages the page but never reads the words
        read_original(submission, by=current_user)
        db.session.commit()
    return render_template(
        "safeguarding/case.html",
        submission=submission,
        forms=forms,
        records=services.records_for(submission),
        labels=ACTION_LABELS,
        follow_ups=follow_ups(submission),
        hears_back=HEARS_BACK,
        check=explanation(submission.message),
        feedback_form=feedback_form("case"),
    )


def act(submission, forms):
    """Whichever of the three forms was sent: one service call, then back to the page."""
    actions = {
        "record": (
            "save",
            lambda f: services.record_action(
                submission, current_user, f.action.data, f.note.data or ""
            ),
        ),
        "release": (
            "release",
            lambda f: services.release(submission, current_user, f.shared_text.data),
        ),
        "close": ("close", lambda f: services.close(submission, current_user)),
    }
    for name, (button, action) in actions.items():
        form = forms[name]
        if form[button].data and form.validate_on_submit():
            with refusal_flashed():
                action(form)
                db.session.commit()
                flash("Done.", "success")
            return redirect(url_for("safeguarding.case", submission_id=submission.id))
    return None
