"""The young person's case page at /check/case: the whole thread, rating an answer, asking a
follow-up and closing the case. No account: the case this browser opened with its code
(submissions.case.open_case) is the only one these routes ever touch. The answers and
follow-ups are voice.responses' rules; the pages are the submissions blueprint's, under /check."""

from flask import flash, redirect, render_template, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from voice.advocacy import services as advocacy
from voice.compression import no_typed_text
from voice.errors import Refused, refusal_flashed
from voice.extensions import db, limiter
from voice.forms import ButtonForm
from voice.responses import follow_ups as rules
from voice.responses.forms import FollowUpForm, RatingForm
from voice.responses.thread import entries
from voice.submissions import bp
from voice.submissions.case import open_case
from voice.submissions.progress import progress
from voice.submissions.words import DECLINE_WORDS

AGAIN = _l("For your privacy, type your code again to see your message.")


def show_case(submission, rating_form=None, change_form=None):
    to_rate = rules.rateable(submission)
    if rating_form is None and to_rate is not None:
        rating_form = RatingForm(formdata=None, response_id=to_rate.id)
    changing = rules.changeable_rating(submission) if to_rate is None else None
    if change_form is None and changing is not None:
        change_form = change_rating_form(changing, formdata=None)
    thread = entries(submission)
    about_follow_up, steps = progress(submission)
    return render_template(
        "submissions/case.html",
        submission=submission,
        form=ButtonForm(),
        steps=steps,
        about_follow_up=about_follow_up,
        decline_reasons=DECLINE_WORDS,
        thread=thread,
        to_rate=to_rate,
        rating_form=rating_form,
        changing=changing,
        change_form=change_form if changing is not None else None,
        offer_finish=rules.said_yes(submission),
        referral=advocacy.referral_for(submission),
        can_follow_up=submission.status in rules.ASKABLE
        and any(entry.kind == "response" for entry in thread),
        # Once, straight after a follow-up or rating with a sign of harm; always while held.
        help_now=session.pop("help_now", False) or rules.held(submission),
    )


def change_rating_form(rating, **options):
    """The rating form again, filled in with what they said, under its own prefix: its choices
    must not share ids with a form to rate a newer answer."""
    return RatingForm(
        prefix="change",
        response_id=rating.response_id,
        answer=rating.answer.value,
        comment=rating.comment,
        **options,
    )


def offer_help_if_needed(submission):
    """After a follow-up or a rating comment: where to get help now, on the next page."""
    if rules.shows_help_now(submission):
        session["help_now"] = True


def back_to_check():
    flash(str(AGAIN), "info")
    return redirect(url_for("submissions.check"))


@bp.route("/check/case")
@no_typed_text
def case():
    submission = open_case()
    if submission is None:
        return back_to_check()
    return show_case(submission)


@bp.route("/check/rate", methods=["POST"])
@limiter.limit("10 per minute; 60 per hour")
def rate():
    submission = open_case()
    if submission is None:
        return back_to_check()
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
def change_rating():
    """A changed mind about an answer, until the case closes; what they said before is kept."""
    submission = open_case()
    if submission is None:
        return back_to_check()
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
def follow_up():
    submission = open_case()
    if submission is None:
        return back_to_check()
    form = FollowUpForm()
    if submission.status not in rules.ASKABLE:
        flash(gettext("You can ask a follow-up question once you have an answer."), "info")
        return redirect(url_for("submissions.case"), code=303)
    if form.validate_on_submit():
        try:
            rules.ask(submission, form.message.data)
        except Refused as refused:
            db.session.rollback()
            form.message.errors.append(str(refused))
        else:
            db.session.commit()
            offer_help_if_needed(submission)
            flash(gettext("We got your follow-up question."), "success")
            return redirect(url_for("submissions.case"), code=303)
    return render_template("submissions/follow_up.html", submission=submission, form=form)


@bp.route("/check/finish", methods=["POST"])
def finish():
    submission = open_case()
    if submission is None:
        return back_to_check()
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
