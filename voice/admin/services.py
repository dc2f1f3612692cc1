"""The council's settings and the set-up checklist. Plain functions taking `by=`; they
change state and flush, and the route commits (then calls council.changed())."""

from dataclasses import dataclass

from sqlalchemy import func, select

from voice.admin import council
from voice.areas.models import ServiceArea
from voice.audit.services import record as audit
from voice.auth.models import Role, User
from voice.clock import utcnow
from voice.extensions import db
from voice.promises.models import Promise
from voice.themes.models import Theme

# The smallest count the board may see: below 5 a figure can point at one young person.
SMALLEST_SUPPRESSION = 5


def save_settings(values, by):
    """Keep the settings an admin saved; audit the names of those that changed (not their
    values: a phone number in the log helps nobody)."""
    before = council.current()
    changed = sorted(key for key in council.KEYS if key in values and values[key] != before[key])
    if not changed:
        return []
    settings = council.row()
    settings.values = {**(settings.values or {}), **{key: values[key] for key in changed}}
    settings.updated_at = utcnow()
    council.bump(by)
    audit("settings_changed", by=by, detail=", ".join(changed))
    return changed


@dataclass(frozen=True)
class Step:
    label: str
    done: bool
    endpoint: str
    why: str


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def _areas_ready():
    """At least one active area with a lead and an officer."""
    areas = db.session.scalars(select(ServiceArea).where(ServiceArea.active.is_(True))).all()
    return any(area.lead_id and area.officers for area in areas)


def checklist():
    """What is still missing before young people can send, in the order to do it."""
    staff = {
        role: _count(User, User.role == role, User.active.is_(True))
        for role in (Role.WORKER, Role.OFFICER, Role.SAFEGUARDING)
    }
    return [
        Step(
            "Council details",
            "COUNCIL_NAME" in council.saved_by_admin(),
            "admin.settings",
            "Young people read your council's name and who to call at night.",
        ),
        Step(
            "Staff: participation workers, officers and a safeguarding lead",
            all(staff.values()),
            "admin.staff",
            "Someone must read every message within a working day, and answer it.",
        ),
        Step(
            "Topics",
            _count(Theme, Theme.active.is_(True)) > 0,
            "admin.topics",
            "Until there is one, young people see “not open yet” instead of the form.",
        ),
        Step(
            "Service areas with officers and a lead",
            _areas_ready(),
            "admin.areas",
            "A worker sends each message to an officer of an area.",
        ),
        Step(
            "The promise",
            _count(Promise, Promise.active.is_(True)) > 0,
            "admin.promise",
            "The board sees answers promise by promise.",
        ),
    ]


def open_for_messages():
    """Young people can send once at least one topic is offered."""
    return _count(Theme, Theme.active.is_(True)) > 0
