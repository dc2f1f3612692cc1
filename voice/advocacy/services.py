"""Advocacy referrals: made, passed on, chased. The notice to the advocacy service carries
no words of the young person, only a link for staff."""

from flask import current_app
from sqlalchemy import func, select

from voice.advocacy.models import NEXT, AdvocacyReferral, ReferralStatus
from voice.audit.services import record as audit
from voice.clock import add_working_days, local_time, utcnow
from voice.errors import Refused
from voice.extensions import db

# The module, not its name: recipients imports submissions, which imports this (a cycle).
from voice.notifications import outbox, recipients


class ReferralRefused(Refused):
    """Safe to show staff."""


def referral_for(submission):
    return db.session.scalar(
        select(AdvocacyReferral).where(AdvocacyReferral.submission_id == submission.id)
    )


def refer(submission, by=None):
    """The referral for this case, made now if there was none (asking twice is one ask)."""
    existing = referral_for(submission)
    if existing is not None:
        return existing
    now = utcnow()
    referral = AdvocacyReferral(
        submission_id=submission.id,
        asked_at=now,
        due_on=add_working_days(local_time(now).date(), 1),
    )
    db.session.add(referral)
    submission.wants_advocate = True
    # Without an address for the service, the participation workers pass it on by hand.
    to = recipients.ADVOCACY_SERVICE if current_app.config.get("ADVOCACY_EMAIL") else "role:worker"
    outbox.queue("advocacy_referral", to, {"submission_id": submission.id})
    audit("advocacy", by=by, submission=submission, detail="asked for an advocate")
    db.session.flush()
    return referral


def move_on(referral, by, to):
    """Passed on, then advocate in touch: one step at a time, never back."""
    to = ReferralStatus(to)
    if NEXT.get(referral.status) != to:
        raise ReferralRefused("This referral has already moved on. Look at it again.")
    now = utcnow()
    if to == ReferralStatus.PASSED_ON:
        referral.passed_on_at, referral.passed_on_by_id = now, by.id
    else:
        referral.in_touch_at, referral.in_touch_by_id = now, by.id
    referral.status = to
    audit("advocacy", by=by, submission=referral.submission, detail=to.value)
    db.session.flush()


def open_referrals():
    """Not yet in touch, oldest first."""
    return db.session.scalars(
        select(AdvocacyReferral)
        .where(AdvocacyReferral.status != ReferralStatus.IN_TOUCH)
        .order_by(AdvocacyReferral.asked_at, AdvocacyReferral.id)
    ).all()


def late_referrals(today):
    """Referrals still not passed on after their working day (`tick` chases each once)."""
    return db.session.scalars(
        select(AdvocacyReferral)
        .where(AdvocacyReferral.status == ReferralStatus.ASKED, AdvocacyReferral.due_on < today)
        .order_by(AdvocacyReferral.due_on, AdvocacyReferral.id)
    ).all()


def figures(start, end):
    """For the board: referrals asked for in [start, end) (UTC datetimes), how many were
    passed on, and how many within their working day."""
    referrals = db.session.scalars(
        select(AdvocacyReferral).where(
            AdvocacyReferral.asked_at >= start, AdvocacyReferral.asked_at < end
        )
    ).all()
    return {
        "asked": len(referrals),
        "passed_on": sum(r.passed_on_at is not None for r in referrals),
        "in_time": sum(r.passed_on_in_time() for r in referrals),
        "waiting": sum(r.status == ReferralStatus.ASKED for r in referrals),
    }


def count_open():
    return db.session.scalar(
        select(func.count()).where(AdvocacyReferral.status != ReferralStatus.IN_TOUCH)
    )
