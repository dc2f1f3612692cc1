"""Cases at each point of the clock, made through the same services staff use."""

from datetime import datetime, timedelta

from sqlalchemy import select

from tests.submissions_helpers import make_submission, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import services as responses
from voice.responses.models import Response

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask your placement to keep it on until 11pm on school nights."
)


def routed_case(worker, officer, lead=None, area_name="Placements", due_on=None, **changes):
    """Moderated and routed to `officer` in an area `lead` leads (the officer by default)."""
    area = ensure_area(area_name, lead=lead or officer, officers=[officer])
    submission = make_submission(**changes)
    moderation.moderate(submission, worker, "The wifi goes off at 9pm.", [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    if due_on is not None:
        submission.due_on = due_on
    db.session.commit()
    return submission


def answered_case(worker, officer, actions, lead=None, release=True, **changes):
    """Routed, answered with `actions` [(what, team, due)] and (by default) released."""
    submission = routed_case(worker, officer, lead=lead, **changes)
    response = responses.save(
        submission,
        officer,
        decision="do",
        explanation=EXPLANATION,
        team_name="Placements team",
        actions=actions,
        submit=True,
    )
    if release:
        responses.release(submission, worker)
    db.session.commit()
    return submission, response


def released_on(submission, day):
    """Date the case's one response as released at 10am on `day`; returns the response."""
    response = db.session.scalars(select(Response).filter_by(submission_id=submission.id)).one()
    response.released_at = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
    db.session.commit()
    return response
