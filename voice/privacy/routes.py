"""The young person's copy of their data, and a worker's erasure on request."""

import json

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.extensions import db
from voice.privacy import bp, services
from voice.privacy.forms import EraseForm
from voice.privacy.words import COPY_WORDS
from voice.security import role_required
from voice.submissions.case import with_open_case
from voice.submissions.models import Submission
from voice.submissions.words import DECLINE_WORDS


@bp.route("/check/download")
@with_open_case(say_again=False)
def download(submission):
    return render_template(
        "privacy/download.html",
        submission=submission,
        data=services.copy_for_young_person(submission),
        words=COPY_WORDS,
        decline_reasons=DECLINE_WORDS,
    )


@bp.route("/check/download.json")
@with_open_case(say_again=False)
def download_json(submission):
    body = json.dumps(services.copy_for_young_person(submission), indent=2, ensure_ascii=False)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="voice-{submission.reference}.json"'
        },
    )


@bp.route("/privacy/erase/<int:submission_id>", methods=["GET", "POST"])
@role_required("worker", "admin")
def erase(submission_id):
    submission = db.session.get(Submission, submission_id) or abort(404)
    form = EraseForm()
    try:
        services.refuse_if_held(submission)
    except services.ErasureRefused as refused:
        return render_template("privacy/erase.html", submission=submission, refused=str(refused))
    if form.validate_on_submit():
        removed = services.erase(submission, by=current_user)
        db.session.commit()
        flash(
            f"{submission.reference} erased: "
            + (", ".join(removed) or "nothing was left")
            + ". Its counts stay on the board.",
            "success",
        )
        return redirect(url_for("privacy.erase", submission_id=submission.id), code=303)
    return render_template(
        "privacy/erase.html",
        submission=submission,
        form=form,
        removes=services.what_erasure_removes(submission),
    )
