"""The public "You said, we did" page and its "me too" button: no account, no sign-in."""

import re

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext

from voice.clock import utcnow
from voice.compression import no_typed_text
from voice.extensions import db, limiter
from voice.published import bp, services
from voice.published.forms import MeTooForm
from voice.published.words import ACTION_WORDS, DECISION_WORDS, HEADINGS, LATE

COOKIE = "voice_browser"
COOKIE_DAYS = 400  # browsers cap cookies at 400 days; a "me too" is remembered that long
BROWSER_ID = re.compile(r"[A-Za-z0-9_-]{20,64}")
SLUG = re.compile(r"[a-z0-9-]{1,40}")


def this_browser():
    """The random id in this browser's cookie, if it has a well-formed one."""
    value = request.cookies.get(COOKIE, "")
    return value if BROWSER_ID.fullmatch(value) else None


@bp.route("/you-said-we-did")
@no_typed_text
def index():
    # Imported here: the digest reads the board's figures, which count "me too"s from here.
    from voice.digests.services import on_the_page

    asked = request.args.get("theme", "")
    theme = services.find_theme(asked)
    page = min(max(request.args.get("page", 1, type=int), 1), services.LAST_PAGE)
    items, total = services.page_of(theme, page, this_browser())
    return render_template(
        "published/index.html",
        items=items,
        total=total,
        page=page,
        theme=theme,
        unknown_theme=bool(asked) and theme is None,
        themes=services.themes_in_use(),
        pages=max((total + services.PAGE_SIZE - 1) // services.PAGE_SIZE, 1),
        note=session.pop("me_too", None),
        form=MeTooForm(formdata=None),
        decision_words=DECISION_WORDS,
        headings=HEADINGS,
        action_words=ACTION_WORDS,
        late=LATE,
        today=utcnow().date(),
        **on_the_page(),
    )


def back_to_list(form, submission_id):
    theme = form.theme.data if SLUG.fullmatch(form.theme.data or "") else None
    page = int(form.page.data) if (form.page.data or "").isdecimal() else None
    return redirect(
        url_for(
            "published.index",
            theme=theme,
            page=page if page != 1 else None,
            _anchor=f"item-{submission_id}",
        ),
        code=303,
    )


@bp.route("/you-said-we-did/<int:submission_id>/me-too", methods=["POST"])
@limiter.limit("20 per minute; 200 per hour")
def me_too(submission_id):
    if not services.is_shown(submission_id):
        abort(404)
    form = MeTooForm()
    if not form.validate_on_submit():
        flash(gettext("That didn't work, sorry. Please tap “Me too” again."), "error")
        return back_to_list(form, submission_id)
    browser = this_browser() or services.new_browser_id()
    counted = services.say_me_too(submission_id, browser)
    db.session.commit()
    session["me_too"] = {"item": submission_id, "counted": counted}
    response = back_to_list(form, submission_id)
    response.set_cookie(
        COOKIE,
        browser,
        max_age=COOKIE_DAYS * 24 * 60 * 60,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
