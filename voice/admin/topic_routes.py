"""Topics: add, change (including the Urdu), reorder, retire, and the starter set."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from voice.admin import bp, council, topics
from voice.admin.forms import TopicForm
from voice.auth.models import Role
from voice.errors import refusal_flashed, refusal_on
from voice.extensions import db
from voice.forms import ButtonForm
from voice.security import role_required
from voice.themes.models import Theme


def topic_or_404(topic_id):
    return db.session.get(Theme, topic_id) or abort(404)


def done(message):
    db.session.commit()
    council.changed()
    flash(message, "success")
    return redirect(url_for("admin.topics"))


@bp.route("/topics", endpoint="topics")
@role_required(Role.ADMIN)
def topics_page():
    return render_template(
        "admin/topics.html",
        topics=topics.all_topics(),
        tools=topics,
        button=ButtonForm(),
        starter_missing=topics.starter_missing(),
    )


@bp.route("/topics/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_topic():
    form = TopicForm()
    if form.validate_on_submit():
        with refusal_on(form.name):
            topics.add_topic(current_user, **form_words(form))
            return done(f"Topic “{form.name.data.strip()}” added.")
    return render_template("admin/topic.html", form=form, topic=None)


@bp.route("/topics/<int:topic_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_topic(topic_id):
    topic = topic_or_404(topic_id)
    form = TopicForm(obj=topic)
    if form.validate_on_submit():
        with refusal_on(form.name):
            topics.change_topic(topic, current_user, **form_words(form))
            return done(f"Topic “{topic.name}” saved.")
    return render_template(
        "admin/topic.html",
        form=form,
        topic=topic,
        catalogue_name=topics.catalogue_urdu(topic.name),
        catalogue_description=topics.catalogue_urdu(topic.description),
    )


def form_words(form):
    return {
        name: form[name].data or ""
        for name in ("name", "description", "emoji", "name_ur", "description_ur")
    }


@bp.route("/topics/<int:topic_id>/<any(retire, offer, up, down):change>", methods=["POST"])
@role_required(Role.ADMIN)
def change_topic(topic_id, change):
    topic = topic_or_404(topic_id)
    if not ButtonForm().validate_on_submit():
        flash("This page was open for a long time. Please try again.", "error")
        return redirect(url_for("admin.topics"))
    words = {"retire": "retired", "offer": "offered again", "up": "moved", "down": "moved"}
    with refusal_flashed():
        if change in ("retire", "offer"):
            topics.set_offered(topic, change == "offer", current_user)
        else:
            topics.move(topic, -1 if change == "up" else 1, current_user)
        return done(f"Topic “{topic.name}” {words[change]}.")
    return redirect(url_for("admin.topics"))


@bp.route("/topics/starter-set", methods=["POST"])
@role_required(Role.ADMIN)
def starter_topics():
    if not ButtonForm().validate_on_submit():
        flash("This page was open for a long time. Please try again.", "error")
        return redirect(url_for("admin.topics"))
    added = topics.load_starter_set(current_user)
    return done(f"Starter set loaded: {added} topics added. Change any of them to suit.")
