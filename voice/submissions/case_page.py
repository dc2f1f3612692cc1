"""The young person's case page, for the routes that show it: the case routes under /check
and the influence question's answer. A plain module so that no feature imports another's
routes."""

from flask import render_template, session

from voice.advocacy import services as advocacy
from voice.forms import ButtonForm
from voice.responses import follow_ups as rules
from voice.responses.forms import RatingForm
from voice.responses.thread import entries
from voice.submissions.progress import progress
from voice.submissions.words import DECLINE_WORDS


def show_case(submission, rating_form=None, change_form=None):
    newest = rules.newest_answer(submission)
    to_rate = rules.rateable(submission, newest)
    if rating_form is None and to_rate is not None:
        rating_form = RatingForm(formdata=None, response_id=to_rate.id)
    changing = rules.changeable_rating(submission, newest) if to_rate is None else None
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
        offer_finish=rules.said_yes(submission, newest),
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
