from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from voice.extensions import db


class Promise(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    # A short paraphrase in young people's words; the council's own wording stays in its
    # strategy document.
    text: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
