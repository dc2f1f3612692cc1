"""The young person's answer, from their case page (/check/case). No account: only the case
this browser opened with its code is ever touched, as for rating an answer."""

from flask import flash, g, redirect, url_for
from flask_babel import gettext
from flask_login import current_user

from voice.errors import refusal_flashed
from voice.extensions import db, limiter
from voice.influence import board, bp, services
from voice.influence.forms import InfluenceForm
from voice.influence.models import CHANGED_WORDS, Changed
from voice.submissions import case_page
from voice.submissions.case import with_open_case
from voice.submissions.words_rule import sees_nothing


@bp.app_template_global()
def influence_question(submission):
    """What the case page shows of the question: None before it is asked, else
    {"ask", "form" (None when it can no longer be answered or changed)}."""
    ask = services.ask_for(submission)
    if ask is None:
        return None
    form = g.get("influence_form")
    if form is None and services.answerable(ask, submission):
        form = InfluenceForm(
            formdata=None, changed=ask.answer.value if ask.answer else None, words=ask.words
        )
    return {"ask": ask, "form": form}


@bp.app_template_global()
def changed_word(value):
    """ "Yes", "A bit", ... in the reader's language, for an answer's stored value."""
    return str(CHANGED_WORDS[Changed(value)])


@bp.app_template_global()
def influence_board(period, theme=None):
    """The board's section, for the period the board page shows (voice.influence.board)."""
    return board.section(period, theme)


@bp.app_template_global()
def influence_for_staff(submission):
    """{"ask", "words" this reader may see} for the staff thread, or None (not asked, or
    held: nobody but the lead sees anything of a held message)."""
    ask = services.ask_for(submission)
    if ask is None or sees_nothing(submission, current_user):
        return None
    return {"ask": ask, "words": services.words_for(ask, submission, current_user)}


@bp.route("/check/influence", methods=["POST"])
@limiter.limit("10 per minute; 60 per hour")
@with_open_case
def answer(submission):
    if not services.answerable(services.ask_for(submission), submission):
        flash(gettext("You can't answer this question just now."), "info")
        return redirect(url_for("submissions.case"), code=303)
    form = InfluenceForm()
    if not form.validate_on_submit():  # shown again with what they typed, and why
        g.influence_form = form
        return case_page.show_case(submission)
    with refusal_flashed("info"):
        services.answer(submission, form.changed.data, form.words.data)
        db.session.commit()
        case_page.offer_help_if_needed(submission)
        flash(gettext("Thank you for telling us what changed."), "success")
        return redirect(url_for("submissions.case", _anchor="what-changed"), code=303)
    return redirect(url_for("submissions.case"), code=303)
