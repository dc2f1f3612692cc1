"""The review page a worker moderates on: its three forms and how it is drawn. A plain module,
so that another feature showing the page again (an agenda's group refused) imports no
routes."""

from flask import render_template, request
from flask_login import current_user
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, Optional

from voice.areas.services import active_areas
from voice.disclosure.forms import feedback_form
from voice.extensions import db
from voice.forms import ButtonForm, choices
from voice.moderation import identifiers, open_by, queue_links, services
from voice.moderation.forms import (
    CHOICE_WORDS,
    STATUS_LABELS,
    DeclineForm,
    ReviewForm,
    SafeguardForm,
)
from voice.promises.services import active_promises
from voice.submissions.models import Status
from voice.submissions.words import HEARS_BACK
from voice.submissions.words_rule import seen_by
from voice.themes.services import active_themes
from voice.themes.suggest import suggest


def officer_choices():
    """Each area's officers in a group under its name (an <optgroup>): a worker picks an
    officer of the area chosen, and services.route refuses any other."""
    groups = {"": choices([("", "Choose…")])}  # WTForms draws the "" group as plain options
    for area in active_areas():
        # data-area: the page's script lists only the chosen area's officers.
        people = [
            SelectChoice(str(u.id), f"{u.display_name} ({u.email})", {"data-area": str(area.id)})
            for u in area.officers
            if u.active
        ]
        if people:
            groups[area.name] = people
    return groups


def follows_area(form):
    """Mark the officer list as following the service area list, for static/staff.js."""
    form.officer.render_kw = {"data-follows": form.service_area.id}


def review_forms(submission):
    review = ReviewForm(prefix="review")
    review.themes.choices = choices([(t.id, t.name) for t in active_themes()])
    review.promises.choices = choices([(p.id, p.text) for p in active_promises()])
    review.service_area.choices = choices(
        [("", "Choose…")] + [(a.id, a.name) for a in active_areas()]
    )
    review.officer.choices = officer_choices()
    follows_area(review)
    if not submission.message.strip():  # a picture and a face, no words: nothing to share
        review.shared_text.validators = [Optional(), Length(max=4000)]
    source = seen_by(submission, current_user).text or ""
    if request.method == "GET":
        # The shared version starts with every highlighted detail taken out, and the
        # suggested themes ticked for the worker to untick; once routed, the form shows
        # where it went instead of a blank choice.
        review.shared_text.data = submission.shared_text or identifiers.replaced(source)
        themes = list(submission.themes)
        if submission.status == Status.NEW:  # not yet moderated: add what the text suggests
            themes += [t for t in suggest(source, active_themes()) if t not in themes]
        review.themes.data = [t.id for t in themes]
        review.promises.data = [p.id for p in submission.promises]
        review.service_area.data = submission.service_area_id
        review.officer.data = submission.officer_id
    left = identifiers.still_in(review.shared_text.data, source)
    review.keep.choices = choices([(detail, f"“{detail}” ({kind})") for detail, kind in left])
    for form in (
        review,
        decline_form := DeclineForm(prefix="decline"),
        safeguard_form := SafeguardForm(prefix="safeguard"),
    ):
        if request.method == "GET" or not form.version.data:
            form.version.data = submission.version
    return review, decline_form, safeguard_form


def render_review(submission, review, decline_form, safeguard_form):
    seen = seen_by(submission, current_user)
    if seen.nothing:
        return render_template("moderation/held.html", submission=submission)
    if seen.original:  # a form shown again after a POST shows the words too: logged as well
        services.read_original(submission, by=current_user)
    open_by.opened(submission, current_user)
    db.session.commit()
    return render_template(
        "moderation/review.html",
        submission=submission,
        review=review,
        decline_form=decline_form,
        safeguard_form=safeguard_form,
        seen=seen,
        segments=identifiers.segments(seen.text or ""),
        suggested=suggest(seen.text or "", active_themes()),
        open_now=open_by.others_on([submission.id], current_user).get(submission.id, []),
        here=queue_links.queue_args(request.args),
        raised_by=services.raised_by(submission),
        similar=services.looks_similar(submission, by=current_user),
        button=ButtonForm(),
        labels=STATUS_LABELS,
        words=CHOICE_WORDS,
        hears_back=HEARS_BACK,
        feedback_form=feedback_form("review"),
    )


def show(submission):
    """The review page as a GET draws it, for a route of another feature to show it again."""
    return render_review(submission, *review_forms(submission))
