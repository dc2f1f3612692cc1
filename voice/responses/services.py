from sqlalchemy import or_, select

from voice.areas.models import ServiceArea
from voice.extensions import db
from voice.submissions.models import Status, Submission

# What an officer can see: routed to them or to an area they lead, and never a safeguarding
# item (a routed item flagged later leaves the officer's list at once).
OFFICER_STATUSES = (Status.WITH_OFFICER, Status.RESPONSE_READY, Status.ANSWERED,
                    Status.FOLLOW_UP, Status.CLOSED)


def visible_to(officer):
    led = select(ServiceArea.id).where(ServiceArea.lead_id == officer.id)
    return (select(Submission)
            .where(Submission.status.in_(OFFICER_STATUSES))
            .where(or_(Submission.officer_id == officer.id,
                       Submission.service_area_id.in_(led))))


def for_officer(officer):
    """Due soonest first: the overdue ones lead."""
    return db.session.scalars(visible_to(officer).order_by(Submission.due_on,
                                                           Submission.id)).all()


def get_for_officer(officer, submission_id):
    """The one get-or-None an officer's pages use: another officer's case is not found."""
    return db.session.scalar(visible_to(officer).where(Submission.id == submission_id))
