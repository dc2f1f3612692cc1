from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from voice.areas.models import ServiceArea
from voice.auth.models import Role, User
from voice.clock import local_time, utcnow
from voice.errors import refusal_flashed
from voice.extensions import db
from voice.moderation import bp, open_by, queue, queue_links, services
from voice.moderation.forms import (
    STATUS_LABELS,
    identifiers_checked,
    version_of,
)
from voice.moderation.review_page import render_review, review_forms
from voice.security import from_another_site, role_required
from voice.submissions.models import Status, Submission

WORKERS = (Role.WORKER, Role.ADMIN)


@bp.route("/")
@role_required(*WORKERS)
def index():
    form, filters = queue_links.queue_filters(request.args)
    # Bounded above too: an offset past 64 bits would be refused by the database.
    page = min(max(request.args.get("page", 1, type=int), 1), queue.LAST_PAGE)
    rows, total = queue.page_of(filters, page, utcnow().date())
    return render_template(
        "moderation/queue.html",
        form=form,
        rows=rows,
        total=total,
        page=page,
        pages=max((total.number + queue.PAGE_SIZE - 1) // queue.PAGE_SIZE, 1),
        held=queue.held_for_safeguarding() if page == 1 else [],
        counts=queue.counts_by_status(),
        labels=STATUS_LABELS,
        today=utcnow().date(),
        waiting=partial(queue.waiting, today=local_time(utcnow()).date()),
        first_line=queue.first_line,
        open_now=open_by.others_on([s.id for s in rows], current_user),
        opens=partial(queue_links.open_url, args=request.args),
    )


def attempt(submission, action, done, then):
    """Run one service call; a refusal is shown to the worker and nothing is kept. `then`
    is where to go after, or a function that works it out once the change is made."""
    with refusal_flashed():
        action()
        open_by.closed(submission, current_user)
        db.session.flush()
        where = then() if callable(then) else then  # first: done() may name the next one
        message = done()
        db.session.commit()
        flash(message, "success")
        return redirect(where)
    return redirect(
        url_for(
            "moderation.review",
            submission_id=submission.id,
            **queue_links.queue_args(request.args),
        )
    )


@bp.route("/<int:submission_id>", methods=["GET", "POST"])
@role_required(*WORKERS)
def review(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    if from_another_site():
        return render_template("staff/open_from_link.html", submission=submission)
    review, decline_form, safeguard_form = review_forms(submission)
    if not review.validate_on_submit() or not identifiers_checked(review):
        return render_review(submission, review, decline_form, safeguard_form)

    def save_and_route():
        services.moderate(
            submission,
            current_user,
            review.shared_text.data,
            review.themes.data,
            review.promises.data,
            version_of(review),
        )
        if review.same_as.data:
            services.link_same_as(submission, find_or_refuse(review.same_as.data), current_user)
        if review.sends():
            services.route(
                submission,
                current_user,
                db.session.get(ServiceArea, review.service_area.data),
                db.session.get(User, review.officer.data),
            )

    if review.save_next.data:
        return save_and_open_next(submission, save_and_route)
    here = queue_links.queue_args(request.args)  # back to the queue as it was filtered
    if review.route.data:
        return attempt(
            submission,
            save_and_route,
            lambda: f"{submission.reference} sent to {submission.officer.display_name}.",
            url_for("moderation.index", **here),
        )
    return attempt(
        submission,
        save_and_route,
        lambda: f"{submission.reference} saved.",
        url_for("moderation.review", submission_id=submission_id, **here),
    )


def save_and_open_next(submission, action):
    """One page load a message: the save's message shows on the next message's page."""
    following = []

    def then():
        url, nxt = queue_links.next_url(submission, request.args, current_user)
        following.append(nxt)
        return url

    def done():
        sent = submission.status == Status.WITH_OFFICER
        said = (
            f"{submission.reference} sent to {submission.officer.display_name}."
            if sent
            else f"{submission.reference} saved, not sent to an officer yet."
        )
        return said + (
            f" Here is the next one, {following[0].reference}."
            if following and following[0]
            else " That was the last one in this queue."
        )

    return attempt(submission, action, done, then)


def find_or_refuse(reference):
    other = services.find(reference)
    if other is None:
        raise services.ModerationRefused(f"There is no submission {reference}.")
    return other


@bp.route("/<int:submission_id>/decline", methods=["POST"])
@role_required(*WORKERS)
def decline(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    review, form, safeguard_form = review_forms(submission)
    if not form.validate_on_submit():
        return render_review(submission, review, form, safeguard_form)

    def decline_it():
        duplicate = find_or_refuse(form.duplicate_of.data) if form.duplicate_of.data else None
        services.decline(
            submission,
            current_user,
            form.reason.data,
            form.note.data or "",
            duplicate,
            version_of(form),
        )

    return attempt(
        submission,
        decline_it,
        lambda: f"{submission.reference} declined. The young person will see why.",
        url_for("moderation.index"),
    )


@bp.route("/<int:submission_id>/safeguarding", methods=["POST"])
@role_required(*WORKERS)
def safeguard(submission_id):
    submission = db.get_or_404(Submission, submission_id)
    review, decline_form, form = review_forms(submission)
    if not form.validate_on_submit():
        return render_review(submission, review, decline_form, form)
    return attempt(
        submission,
        lambda: services.flag_for_safeguarding(
            submission, current_user, form.note.data, version_of(form)
        ),
        lambda: f"{submission.reference} passed to the safeguarding lead.",
        url_for("moderation.index"),
    )
