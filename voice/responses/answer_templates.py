"""Answer templates: what a team often says, kept by the participation team, offered to an
officer beside the answer form. A template is only a start: the officer still writes to this
young person, and a worker still checks the answer before it is released."""

from sqlalchemy import func, select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.errors import Refused
from voice.extensions import db
from voice.responses.models import AnswerTemplate


class TemplateRefused(Refused):
    """The template cannot be saved; the message is safe to show the worker."""


def every():
    """All templates, by team, then title."""
    return db.session.scalars(
        select(AnswerTemplate).order_by(func.lower(AnswerTemplate.team), AnswerTemplate.title)
    ).all()


def teams():
    """Each team's name once, as first written: a worker picks it instead of typing it again."""
    return db.session.scalars(
        select(AnswerTemplate.team).distinct().order_by(AnswerTemplate.team)
    ).all()


def same_team(name):
    """The name as already written for a team, if this is it in other capitals or spacing."""
    wanted = " ".join(name.split()).lower()
    return next((team for team in teams() if team.lower() == wanted), " ".join(name.split()))


def save(template, by, *, team, title, text):
    """Add (template is None) or change a template."""
    team, title, text = same_team(team or ""), (title or "").strip(), (text or "").strip()
    if not (team and title and text):
        raise TemplateRefused("A template needs a team, a title and the words.")
    if template is None:
        template = AnswerTemplate()
        db.session.add(template)
    template.team, template.title, template.text = team, title, text
    template.updated_at, template.updated_by_id = utcnow(), by.id
    db.session.flush()
    audit("answer_template", by=by, detail=f"{team}: {title}")
    return template


def delete(template, by):
    audit("answer_template_deleted", by=by, detail=f"{template.team}: {template.title}")
    db.session.delete(template)
    db.session.flush()
