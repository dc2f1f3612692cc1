"""A participation worker checks an officer's response before the young person reads it, and
passes a young person's follow-up back to the officer. The rules are voice.responses';
the pages are the moderation blueprint's: /moderation/<id>/check and /moderation/<id>/follow-up."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.auth.models import Role
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import choices
from voice.moderation import bp, identifiers, open_by
from voice.moderation.forms import SafeguardForm, identifiers_checked, version_of
from voice.moderation.services import read_original
from voice.responses import follow_ups, services

# The module, not its names: voice.responses.forms imports voice.moderation.forms, so this
# module may load while it is half-loaded.
from voice.responses import forms as response_forms
from voice.responses.thread import entries
from voice.security import from_another_site, role_required
from voice.submissions.models import ReplyBy, Status, Submission
from voice.submissions.words_rule import follow_up_text, reads_original

WORKERS = (Role.WORKER, Role.ADMIN)


@bp.route("/<int:submission_id>/check", methods=["GET", "POST"])
@role_required(*WORKERS)
def check(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    form = response_forms.CheckForm()
    if request.method == "GET":
        form.version.data = submission.version
        open_by.opened(submission, current_user)
        db.session.commit()
    if form.validate_on_submit():
        with refusal_flashed():
            if form.release.data:
                services.release(
                    submission,
                    by=current_user,
                    seen_version=version_of(form),
                    not_given_away=form.not_given_away.data,
                )
                done = f"{submission.reference} released. The young person can read it now."
                if submission.reply_by == ReplyBy.WORKER:
                    done += f" Pass this on to {submission.worker_name or 'their worker'}."
            else:
                services.send_back(
                    submission,
                    by=current_user,
                    comment=form.comment.data,
                    seen_version=version_of(form),
                )
                done = f"{submission.reference} sent back to the officer."
            open_by.closed(submission, current_user)
            db.session.commit()
            flash(done, "success")
            return redirect(url_for("moderation.index"))
    return render_template(
        "moderation/check.html",
        submission=submission,
        form=form,
        response=services.current(submission),
        thread=entries(submission),
        reading_age=services.reading_age,
    )


@bp.route("/<int:submission_id>/follow-up", methods=["GET", "POST"])
@role_required(*WORKERS)
def follow_up(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    if from_another_site():
        return render_template("staff/open_from_link.html", submission=submission)
    waiting = follow_ups.pending(submission)
    form = response_forms.PassOnForm()
    words = follow_up_text(waiting, submission, current_user) if waiting else None
    if request.method == "GET":
        form.version.data = submission.version
        open_by.opened(submission, current_user)
        db.session.commit()
        # Like the first message's, the shared version starts with each detail taken out.
        form.shared_text.data = identifiers.replaced(words or "")
    left = identifiers.still_in(form.shared_text.data, words or "")
    form.keep.choices = choices([(detail, f"“{detail}” ({kind})") for detail, kind in left])
    if request.method == "POST" and form.validate_on_submit() and identifiers_checked(form):
        with refusal_flashed():
            follow_ups.pass_on(
                submission, current_user, form.shared_text.data, seen_version=version_of(form)
            )
            db.session.commit()
            flash(
                f"{submission.reference}: follow-up passed to {submission.officer.display_name}.",
                "success",
            )
            return redirect(url_for("moderation.index"))
        return redirect(url_for("moderation.follow_up", submission_id=submission_id))
    safeguard_form = SafeguardForm(prefix="safeguard", formdata=None, version=submission.version)
    waiting = waiting if submission.status == Status.FOLLOW_UP else None
    if waiting is not None and reads_original(submission, current_user):
        # The young person's own words, on a GET or a form shown again: every reading is logged.
        read_original(submission, by=current_user)
        db.session.commit()
    return render_template(
        "moderation/follow_up.html",
        submission=submission,
        form=form,
        waiting=waiting,
        words=words if waiting is not None else None,
        safeguard_form=safeguard_form,
        thread=entries(submission),
    )
