from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from voice.auth.models import User
from voice.extensions import db

service_area_officer = Table(
    "service_area_officer",
    db.metadata,
    Column("service_area_id", ForeignKey("service_area.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ServiceArea(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The lead hears when an answer from this area is overdue.
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    active: Mapped[bool] = mapped_column(default=True)

    lead: Mapped[User | None] = relationship(foreign_keys=[lead_id])
    officers: Mapped[list[User]] = relationship(secondary=service_area_officer, order_by=User.name)

    def __repr__(self):
        return f"<ServiceArea {self.name}>"
