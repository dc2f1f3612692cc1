"""Service areas: the council's teams, each with a lead and its officers. An officer may be
in several areas; a worker routes a message only to an officer of the area chosen."""

from sqlalchemy import func, select

from voice.areas.models import ServiceArea
from voice.audit.services import record as audit
from voice.auth.models import Role, User
from voice.errors import Refused
from voice.extensions import db


class AreaRefused(Refused, ValueError):
    """The change cannot be made; the message is safe to show."""


def all_areas():
    return db.session.scalars(
        select(ServiceArea).order_by(ServiceArea.active.desc(), ServiceArea.name)
    ).all()


def officers():
    """Everyone who can answer: active officers."""
    return db.session.scalars(
        select(User)
        .where(User.role == Role.OFFICER, User.active.is_(True))
        .order_by(User.name, User.email)
    ).all()


def _chosen_officers(ids):
    chosen = list(
        db.session.scalars(
            select(User).where(User.id.in_(ids or []), User.role == Role.OFFICER, User.active)
        )
    )
    if len(chosen) != len(set(ids or [])):
        raise AreaRefused("Choose officers from the list: one of them is no longer an officer.")
    return chosen


def _name_taken(name, but=None):
    query = select(ServiceArea.id).where(func.lower(ServiceArea.name) == name.strip().lower())
    if but is not None:
        query = query.where(ServiceArea.id != but.id)
    return db.session.scalar(query) is not None


def save_area(area, by, name, lead_id, officer_ids, active=True):
    """Create (area None) or change an area. The lead is one of its officers, so they see
    its messages as well as hearing when one is late."""
    if _name_taken(name, but=area):
        raise AreaRefused(f"There is already a service area called “{name}”.")
    members = _chosen_officers(officer_ids)
    lead = None
    if lead_id:
        lead = next((u for u in officers() if u.id == lead_id), None)
        if lead is None:
            raise AreaRefused("Choose the lead from the list of officers.")
        if lead not in members:
            members.append(lead)
    created = area is None
    if created:
        area = ServiceArea(name=name.strip())
        db.session.add(area)
    area.name, area.lead, area.officers, area.active = name.strip(), lead, members, active
    db.session.flush()
    audit(
        "area_changed",
        by=by,
        detail=f"{'added' if created else 'changed'} {area.name}: "
        f"{len(members)} officer(s), lead {lead.email if lead else 'none'}"
        f"{'' if active else ', no longer used'}",
    )
    return area
