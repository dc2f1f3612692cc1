from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from voice.extensions import db


class Theme(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    # Shown under the name on the share page, so it is written for an 11-year-old.
    description: Mapped[str] = mapped_column(String(200), default="")
    emoji: Mapped[str] = mapped_column(String(8), default="")
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    # The council's own Urdu words. Empty: the catalogue's Urdu if the name is one Voice
    # shipped (the starter set), else the English, and the admin page says it needs translating.
    name_ur: Mapped[str] = mapped_column(String(60), default="", server_default="")
    description_ur: Mapped[str] = mapped_column(String(200), default="", server_default="")

    def __repr__(self):
        return f"<Theme {self.slug}>"
