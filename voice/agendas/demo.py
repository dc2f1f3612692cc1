"""Demo meetings: a few past Children in Care Council and board meetings with what they
decided, and one coming up. Written for the demo; idempotent (nothing if any meeting exists)."""

from datetime import timedelta
from itertools import islice

from sqlalchemy import select

from voice.agendas.models import AgendaItem, Body, Meeting
from voice.agendas.services import ON_AGENDA_STATUSES
from voice.clock import utcnow
from voice.extensions import db
from voice.submissions.models import Submission
from voice.themes.models import Theme

# What each theme's discussion led to, in words a young person reads on /check.
OUTCOMES = {
    "home": "The council agreed to ask every placement to write down its house rules with "
    "the young people who live there, and to review them each year.",
    "school": "The Virtual School will check that teachers do not talk about anyone's care "
    "in front of the class, and will remind every school this term.",
    "health": "The health team will tell young people waiting for CAMHS how long the wait is, "
    "and who they can talk to in the meantime.",
    "family": "Young people can ask for video calls with brothers and sisters between visits. "
    "Social workers will offer this from next month.",
    "social-worker": "New social workers will meet young people together with the old one "
    "before taking over, wherever this can be arranged.",
    "money": "The council will publish how much pocket money each age gets, so it is the "
    "same in every placement.",
    "leaving-care": "Care leavers will get a named person to help with their first tenancy "
    "for at least six months.",
}
DEFAULT_OUTCOME = (
    "The meeting agreed this matters and asked the service to report back "
    "at the next meeting with what it will do."
)
# (body, days from today, how many messages, a theme item)
PLAN = [
    (Body.CICC, -84, 3, "home"),
    (Body.BOARD, -56, 2, "school"),
    (Body.CICC, -28, 3, "family"),
    (Body.CARE_LEAVERS_FORUM, -7, 2, "leaving-care"),
    (Body.CICC, 14, 2, "money"),
]


def load_demo_agendas(worker):
    if db.session.scalar(select(Meeting.id).limit(1)) is not None:
        return
    candidates = iter(
        db.session.scalars(
            select(Submission)
            .where(
                Submission.status.in_(ON_AGENDA_STATUSES),
                Submission.safeguarding.is_(False),
                Submission.form_token.startswith("demo-"),
            )
            .order_by(Submission.id)
        ).all()[::7]
    )
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    today = utcnow().date()
    for body, days, how_many, theme_slug in PLAN:
        meeting = Meeting(body=body, held_on=today + timedelta(days=days), created_by_id=worker.id)
        items = [AgendaItem(submission=s) for s in islice(candidates, how_many)]
        if theme_slug in themes:
            items.append(AgendaItem(theme=themes[theme_slug]))
        for position, item in enumerate(items):
            item.position = position
            if meeting.has_happened(today):
                item.outcome = _outcome(item)
                item.outcome_at = utcnow() + timedelta(days=days + 1)
                item.outcome_by_id = worker.id
        meeting.items = items
        db.session.add(meeting)
    db.session.flush()


def _outcome(item):
    slug = item.theme.slug if item.theme else next((t.slug for t in item.submission.themes), None)
    return OUTCOMES.get(slug, DEFAULT_OUTCOME)
