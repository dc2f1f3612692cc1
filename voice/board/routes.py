from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from voice.auth.models import MEMBERS, Role
from voice.board import bp, exports, figures, linked, quotes
from voice.board.forms import PeriodForm
from voice.board.summary import summary
from voice.clock import utcnow
from voice.digests import services as stories
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.forms import TIMED_OUT, ButtonForm
from voice.gathered import figures as gathered_figures
from voice.security import role_required
from voice.submissions.models import Submission
from voice.themes.models import Theme

READERS = (*MEMBERS, Role.WORKER, Role.ADMIN)
WORKERS = (Role.WORKER, Role.ADMIN)


def picked():
    form = PeriodForm(request.args)
    today = utcnow().date()
    return form, form.chosen(today), today


def theme_or_404(slug):
    theme = db.session.scalar(select(Theme).where(Theme.slug == slug))
    if theme is None:
        abort(404)
    return theme


@bp.route("/")
@role_required(*READERS)
def index():
    form, period, today = picked()
    found = summary(period, today)
    return render_template(
        "board/index.html",
        form=form,
        args=form.args(),
        figures=found,
        story=stories.for_board(period, today, found),
        today=today,
        gathered=gathered_figures.for_board(period),
        linked=linked.for_board(period),
    )


@bp.route("/themes/<slug>")
@role_required(*READERS)
def theme(slug):
    form, period, today = picked()
    found = theme_or_404(slug)
    return render_template(
        "board/theme.html",
        form=form,
        args=form.args(),
        figures=summary(period, today, found),
        today=today,
    )


@bp.route("/pack")
@role_required(*READERS)
def pack():
    form, period, today = picked()
    found = summary(period, today)
    return render_template(
        "board/pack.html",
        args=form.args(),
        figures=found,
        story=stories.for_board(period, today, found),
        today=today,
    )


def csv_download(text, name):
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/figures.csv")
@role_required(*READERS)
def figures_csv():
    form, period, today = picked()
    return csv_download(
        exports.figures_csv(summary(period, today)),
        f"voice-board-figures-{period.start}-{period.end}.csv",
    )


@bp.route("/submissions.csv")
@role_required(*WORKERS)  # one row a message: the board downloads figures, never this
def submissions_csv():
    form, period, today = picked()
    return csv_download(
        exports.submissions_csv(figures.Scope(period)),
        f"voice-board-submissions-{period.start}-{period.end}.csv",
    )


@bp.route("/quotes")
@role_required(*WORKERS)
def choose_quotes():
    return render_template("board/quotes.html", candidates=quotes.candidates(), button=ButtonForm())


@bp.route("/quotes/<int:submission_id>", methods=["POST"])
@role_required(*WORKERS)
def quote(submission_id):
    submission = db.session.get(Submission, submission_id)
    if submission is None:
        abort(404)
    if not ButtonForm().validate_on_submit():  # the page was open too long: ask again
        flash(str(TIMED_OUT), "error")
        return redirect(url_for("board.choose_quotes"))
    use = request.form.get("use") == "yes"
    with refusal_flashed():
        quotes.choose(submission, current_user, use)
        db.session.commit()
        flash(
            f"{submission.reference} {'will be quoted' if use else 'is no longer quoted'} "
            "to the board.",
            "success",
        )
    return redirect(url_for("board.choose_quotes"))
