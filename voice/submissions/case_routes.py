"""The young person's case page at /check/case: the whole thread, rating an answer, asking a
follow-up and closing the case. No account: the case this browser opened with its code
(submissions.case.open_case) is the only one these routes ever touch. The answers and
follow-ups are voice.responses' rules; the pages are the submissions blueprint's, under /check."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext

from voice.compression import no_typed_text
from voice.errors import refusal_flashed, refusal_on
from voice.extensions import db, limiter
from voice.forms import ButtonForm
from voice.responses import follow_ups as rules
from voice.responses.forms import FollowUpForm, RatingForm
from voice.submissions import bp
from voice.submissions.case import with_open_case
from voice.submissions.case_page import offer_help_if_needed, show_case


@bp.route("/check/case")
@no_typed_text
@with_open_case
def case(submission):
    return show_case(submission)


@bp.route("/check/rate", methods=["POST"])
@limiter.limit("10 per minute; 60 per hour")
@with_open_case
def rate(submission):
    form = RatingForm()
    if rules.rateable(submission) is None:  # nothing to rate now (or rated in another tab)
        flash(
            str(rules.ALREADY_RATED)
            if rules.said_anything(submission)
            else gettext("There is no answer to rate just now."),
            "info",
        )
        return redirect(url_for("submissions.case"), code=303)
    if not form.validate_on_submit():
        return show_case(submission, rating_form=form)
    with refusal_flashed("info"):
        rating = rules.rate(submission, form.response_id.data, form.answer.data, form.comment.data)
        db.session.commit()
        offer_help_if_needed(submission)
        flash(
            gettext(
                "Thank you for telling us. If you're happy, you can mark your message as "
                "finished below."
            )
            if rating.answer.value == "yes"
            else gettext("Thank you for telling us. You can ask a follow-up question below."),
            "success",
        )
        return redirect(url_for("submissions.case", _anchor="next"), code=303)
    return redirect(url_for("submissions.case"), code=303)


@bp.route("/check/rate/change", methods=["POST"])
@limiter.limit("10 per minute; 60 per hour")
@with_open_case
def change_rating(submission):
    """A changed mind about an answer, until the case closes; what they said before is kept."""
    rating = rules.changeable_rating(submission)
    if rating is None:
        flash(gettext("What you said can't be changed now."), "info")
        return redirect(url_for("submissions.case"), code=303)
    form = RatingForm(prefix="change")  # only what was sent: nothing chosen is an error
    if not form.validate_on_submit():
        return show_case(submission, change_form=form)
    with refusal_flashed("info"):
        rules.change_rating(submission, form.response_id.data, form.answer.data, form.comment.data)
        db.session.commit()
        offer_help_if_needed(submission)
        flash(gettext("Thank you. We have changed what you said about this answer."), "success")
    return redirect(url_for("submissions.case"), code=303)


@bp.route("/check/follow-up", methods=["GET", "POST"])
@limiter.limit("6 per minute; 40 per hour", methods=["POST"])
@with_open_case
def follow_up(submission):
    form = FollowUpForm()
    if submission.status not in rules.ASKABLE:
        flash(gettext("You can ask a follow-up question once you have an answer."), "info")
        return redirect(url_for("submissions.case"), code=303)
    if form.validate_on_submit():
        with refusal_on(form.message):
            rules.ask(submission, form.message.data)
            db.session.commit()
            offer_help_if_needed(submission)
            flash(gettext("We got your follow-up question."), "success")
            return redirect(url_for("submissions.case"), code=303)
    return render_template("submissions/follow_up.html", submission=submission, form=form)


@bp.route("/check/finish", methods=["POST"])
@with_open_case
def finish(submission):
    if ButtonForm().validate_on_submit():
        with refusal_flashed("info"):
            rules.finish(submission)
            db.session.commit()
            flash(
                gettext(
                    "Your message is marked as finished. If you think of something "
                    "else, you can still ask a follow-up question here."
                ),
                "success",
            )
    return redirect(url_for("submissions.case"), code=303)
