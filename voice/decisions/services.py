"""Posting and changing council decisions, and reading them back. The route commits."""

from sqlalchemy import func, select

from voice.audit.services import record as audit
from voice.clock import utcnow
from voice.decisions.models import CouncilDecision
from voice.extensions import db
from voice.submissions.models import Submission

PAGE_SIZE = 10
FIELDS = ("title", "decided_on", "what_was_decided", "what_it_means")


def get(decision_id):
    """The decision, or None: a bad or old link is a friendly "not found"."""
    # Ids stay in the range every database can store: a link with a longer number is just
    # a bad link, not a crash (SQLite refuses Python ints past 64 bits).
    if not isinstance(decision_id, int) or not 0 < decision_id < 2**31:
        return None
    return db.session.get(CouncilDecision, decision_id)


def newest_first(page=1, size=PAGE_SIZE):
    """([CouncilDecision], total), the most recently decided first."""
    total = db.session.scalar(select(func.count(CouncilDecision.id)))
    decisions = db.session.scalars(
        select(CouncilDecision)
        .order_by(CouncilDecision.decided_on.desc(), CouncilDecision.id.desc())
        .limit(size)
        .offset((page - 1) * size)
    ).all()
    return decisions, total


def questions_asked(decisions):
    """{decision id: how many messages were sent from its page}, for the staff list."""
    ids = [decision.id for decision in decisions]
    if not ids:
        return {}
    return dict(
        db.session.execute(
            select(Submission.council_decision_id, func.count(Submission.id))
            .where(Submission.council_decision_id.in_(ids))
            .group_by(Submission.council_decision_id)
        ).all()
    )


def _fill(decision, answers):
    for name in FIELDS:
        value = answers[name]
        setattr(decision, name, value.strip() if isinstance(value, str) else value)


def post(by, **answers):
    decision = CouncilDecision(created_by_id=by.id, created_at=utcnow())
    _fill(decision, answers)
    db.session.add(decision)
    db.session.flush()
    audit("decision_posted", by=by, detail=f"Decision {decision.id}")
    return decision


def change(decision, by, **answers):
    _fill(decision, answers)
    decision.updated_at, decision.updated_by_id = utcnow(), by.id
    audit("decision_changed", by=by, detail=f"Decision {decision.id}")
    db.session.flush()
    return decision
