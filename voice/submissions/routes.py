import secrets

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import generate_csrf

from voice import page_cache
from voice.clock import local_time, utcnow
from voice.compression import no_typed_text
from voice.extensions import db, limiter
from voice.forms import ButtonForm
from voice.i18n import select_locale
from voice.submissions import bp, codes, life_cycle, offline_routes
from voice.submissions.case import with_open_case
from voice.submissions.forms import CheckForm, ShareForm
from voice.submissions.words import KINDS
from voice.themes.services import active_theme_list, theme_choices

# The example code in what we say, with non-breaking hyphens (U+2011): a phone split it over
# two lines ("7KQ-M4X-" and "P9T-H82"), which reads as two codes. codes.py takes them as dashes.
EXAMPLE_CODE = "7KQ\u2011M4X\u2011P9T\u2011H82"
NOT_FOUND = _l(
    "We couldn't find a message with that code. Check each letter and number and "
    "try again. Codes look like %(example)s.",
    example=EXAMPLE_CODE,
)


def share_form(themes):
    form = ShareForm()
    form.theme.choices = theme_choices(select_locale(), themes)
    return form


def pending_code(form_token):
    """The code for this form in this browser: the same for every send of it, and kept
    nowhere (codes.from_token). The browser's own random secret goes in with the token, so a
    token copied from someone else's page never gives their code."""
    return codes.from_token(f"{form_token}:{browser_secret()}", life_cycle.code_key())


def browser_secret():
    """Made when the form is first shown, so a double tap's two sends carry the same one."""
    if "form_secret" not in session:
        session["form_secret"] = secrets.token_urlsafe(16)
    return session["form_secret"]


# How long /share/sent shows the code after sending: long enough to write it down, short
# enough that the next person to pick up a shared phone does not find it.
SHOW_CODE_SECONDS = 10 * 60


# Stand-ins for one visitor's tokens in the share form drawn once for everyone; random per
# process, so nothing typed into a theme by an admin can match them.
CSRF_MARK = "csrf-" + secrets.token_hex(12)
TOKEN_MARK = "form-" + secrets.token_hex(12)


def draw_blank_share_form(themes):
    form = share_form(themes)
    if form.meta.csrf:  # (off in tests that post forms without a token)
        form.csrf_token.current_token = CSRF_MARK
    form.form_token.data = TOKEN_MARK
    return render_template(
        "submissions/share.html", form=form, themes=themes, kinds=KINDS, decision=None
    )


def blank_share_form():
    """A fresh form is the same page for every young person but for their CSRF token and
    one-time form token (and the code kept for it), so it is drawn once per language and
    list of themes and those two are put in: the form's 60 inputs are slow to draw
    (bench/RESULTS.md)."""
    token = secrets.token_urlsafe(16)
    browser_secret()
    values = {TOKEN_MARK: token}
    if current_app.config["WTF_CSRF_ENABLED"]:
        values[CSRF_MARK] = generate_csrf()
    themes = active_theme_list()
    return page_cache.drawn_once(("share", themes), lambda: draw_blank_share_form(themes), values)


@bp.route("/share", methods=["GET", "POST"])
@limiter.limit("6 per minute; 40 per hour", methods=["POST"])
@no_typed_text  # a GET shows only looked-up choices (ShareForm.start_from), so may be gzipped
def share():
    if not active_theme_list():  # nothing to choose yet: never an empty form (issue 16)
        return render_template("submissions/not_open.html")
    if request.method == "GET" and page_cache.same_for_everyone():
        return blank_share_form()
    themes = active_theme_list()
    form = share_form(themes)
    if form.validate_on_submit():
        if form.website.data:  # the honeypot: say thank you, keep nothing
            return render_template("submissions/sent.html", submission=None, code=None)
        token = form.form_token.data or secrets.token_urlsafe(16)
        submission, _ = life_cycle.create_submission(form.answers(), token, pending_code(token))
        db.session.commit()
        if request.form.get("sent_later"):  # by the service worker, with no page open
            offline_routes.tell_sent_later()
        return show_sent(token)
    if not form.form_token.data:
        form.form_token.data = secrets.token_urlsafe(16)
        browser_secret()
        form.start_from(request.args)
    return render_template(
        "submissions/share.html",
        form=form,
        themes=themes,
        kinds=KINDS,
        decision=form.linked_decision(form.council_decision.data),
    )


def show_sent(token):
    """Off to the page that shows the code, for a short time and only in this browser."""
    session["sent"] = {"token": token, "at": utcnow().timestamp()}
    return redirect(url_for("submissions.sent"), code=303)


@bp.route("/share/sent")
def sent():
    sent = session.get("sent")
    fresh = isinstance(sent, dict) and utcnow().timestamp() - sent.get("at", 0) < SHOW_CODE_SECONDS
    token = sent.get("token") if fresh else None
    submission = life_cycle.find_by_form_token(token) if token else None
    code = pending_code(token) if submission else None
    # Only the browser that sent it: a form token copied from someone else's page would
    # otherwise show their message's page (with a code that is not theirs).
    if submission is None or not codes.matches(code, submission.code_hash, life_cycle.code_key()):
        session.pop("sent", None)  # shown for a short time only, then forgotten
        return redirect(url_for("submissions.check"))
    help_now = life_cycle.shows_help_now(submission)
    read_on = life_cycle.safeguarding_reads_on(submission) if help_now else None
    return render_template(
        "submissions/sent.html",
        submission=submission,
        code=code,
        read_on=read_on,
        sent_on=local_time(submission.created_at).date(),
    )


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit("10 per minute; 60 per hour", methods=["POST"])
def check():
    form = CheckForm()
    if form.validate_on_submit():
        submission = life_cycle.find_case(form.code.data)
        if submission is not None:
            session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
            return redirect(url_for("submissions.case"), code=303)
        form.code.errors.append(not_found_words(form.code.data))
    return render_template("submissions/check.html", form=form, example_code=EXAMPLE_CODE)


def not_found_words(typed):
    """What to tell a young person whose code found nothing: which group looks wrong, if any."""
    wrong = codes.what_looks_wrong(typed)
    if wrong is None:
        return str(NOT_FOUND)
    what, detail = wrong
    if what == "symbol":
        return gettext(
            "Look again at “%(group)s”. Codes never have 0, O, 1, I or L in them.", group=detail
        )
    return gettext(
        "A code has 12 letters and numbers. You typed %(count)s. Check you have all 4 groups.",
        count=detail,
    )


@bp.route("/check/withdraw", methods=["GET", "POST"])
@with_open_case(say_again=False)
def withdraw(submission):
    form = ButtonForm()
    if not submission.can_be_withdrawn:
        flash(gettext("This message can't be taken back now."), "info")
        return redirect(url_for("submissions.case"))
    if form.validate_on_submit():
        life_cycle.withdraw(submission)
        db.session.commit()
        flash(gettext("You took your message back. Nobody will act on it now."), "success")
        return redirect(url_for("submissions.case"), code=303)
    return render_template("submissions/withdraw.html", submission=submission, form=form)


@bp.route("/check/close", methods=["POST"])
def close_case():
    if ButtonForm().validate_on_submit():
        session.pop("case", None)
    return redirect(url_for("public.home"), code=303)


@bp.route("/leave")
@limiter.exempt
def leave():
    """Quick exit: forget everything the young person had open, and go somewhere neutral. A
    staff sign-in stays: a link on another site must not be able to sign anyone out."""
    from voice.auth.sessions import forget_all_but_staff

    forget_all_but_staff()
    response = ("", 204) if request.args.get("beacon") else None
    response = current_app.make_response(
        response or redirect(current_app.config["QUICK_EXIT_URL"], code=303)
    )
    # And the browser forgets anything Voice kept on the phone: a message kept to send later
    # (static/offline.js), its service worker and cache. The page deletes them too, which is
    # what works with no signal; this is for when the page could not.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response
