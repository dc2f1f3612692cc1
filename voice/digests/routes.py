"""Workers edit and approve a period's account (for the board) and digest (for young
people); anyone can read and print an approved digest."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_login import current_user

from voice.auth.models import Role
from voice.board.forms import PeriodForm
from voice.clock import utcnow
from voice.digests import bp, services, words
from voice.digests.forms import StoryForm
from voice.digests.models import Kind
from voice.digests.words import period_words
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.responses.services import reading_age
from voice.security import role_required

WORKERS = (Role.WORKER, Role.ADMIN)


bp.add_app_template_global(words.digest_title)
bp.add_app_template_global(words.digest_from)


def said(version, changed, approve):
    if approve:
        return f"Version {version.number} is approved."
    if changed:
        return f"Saved as version {version.number}. It is not approved yet."
    return f"Nothing has changed since version {version.number}, so nothing new was saved."


@bp.route("/board/account", methods=["GET", "POST"])
@role_required(*WORKERS)
def board_account():
    return edit(Kind.BOARD)


@bp.route("/board/digest/<any(cicc, forum):group>", methods=["GET", "POST"])
@role_required(*WORKERS)
def digest(group):
    """A group's digest: the Children in Care Council's or the Care Leavers' Forum's."""
    return edit(Kind(group))


def edit(kind):
    period_form, today = PeriodForm(request.args), utcnow().date()
    period = period_form.chosen(today)
    found = services.versions(kind, period)
    english, urdu = services.voice_draft(kind, period, today)
    start = {"text": found[0].text, "text_ur": found[0].text_ur} if found else None
    form = StoryForm(data=start or {"text": english, "text_ur": urdu})
    here = url_for(request.endpoint, **request.view_args, **period_form.args())
    if form.validate_on_submit():
        with refusal_flashed():
            version, changed = services.save(
                kind,
                period,
                form.text.data,
                form.text_ur.data,
                by=current_user,
                approve=bool(form.approve.data),
            )
            db.session.commit()
            flash(said(version, changed, bool(form.approve.data)), "success")
            return redirect(here, code=303)
    return render_template(
        "digests/edit.html",
        kind=kind,
        here=here,
        form=form,
        period_form=period_form,
        args=period_form.args(),
        period=period,
        versions=found,
        approved=services.approved(kind, period),
        draft=(english, urdu),
        reading_age=reading_age(form.text.data),
    )


@bp.route("/you-said-we-did/report/<int:version_id>")
def report(version_id):
    version = services.shown_digest(version_id)
    if version is None:
        abort(404)
    urdu = str(get_locale()) == "ur"
    return render_template(
        "digests/report.html",
        version=version,
        blocks=version.blocks(urdu),
        period=period_words(version),
    )
