from sqlalchemy import select

from voice.areas.models import ServiceArea
from voice.extensions import db


def active_areas():
    return db.session.scalars(
        select(ServiceArea).where(ServiceArea.active.is_(True)).order_by(ServiceArea.name)
    ).all()


def ensure_area(name, lead=None, officers=()):
    """Create the area if it is missing (for the demo and first set-up), and make sure each
    of `officers` answers for it (routing offers only an area's own officers); returns it."""
    area = db.session.scalar(select(ServiceArea).where(ServiceArea.name == name))
    if area is None:
        area = ServiceArea(name=name, lead=lead, officers=list(officers))
        db.session.add(area)
    else:
        area.officers.extend(o for o in officers if o not in area.officers)
    db.session.flush()
    return area
