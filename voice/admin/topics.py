"""Topics (voice/themes' Theme): what young people choose their message is about.

Retiring a topic only stops it being offered: past messages keep it, and so do the board's
figures, which count by the topics a message was tagged with. Nothing is ever deleted."""

from flask_babel import force_locale, gettext
from sqlalchemy import func, select

from voice.admin import council
from voice.admin.slugs import unique_slug
from voice.audit.services import record as audit
from voice.errors import Refused
from voice.extensions import db
from voice.themes.models import Theme
from voice.themes.services import DEFAULT_THEMES, ensure_default_themes


class TopicRefused(Refused, ValueError):
    """The change cannot be made; the message is safe to show."""


def all_topics():
    """Offered topics first, in their order, then retired ones."""
    return db.session.scalars(
        select(Theme).order_by(Theme.active.desc(), Theme.position, Theme.name)
    ).all()


def catalogue_urdu(text):
    """The Urdu that ships with Voice for a starter topic's words, or None."""
    if not text:
        return None
    with force_locale("ur"):
        words = gettext(text)
    return words if words != text else None


def urdu_name(theme):
    return theme.name_ur or catalogue_urdu(theme.name)


def urdu_description(theme):
    return theme.description_ur or catalogue_urdu(theme.description)


def needs_urdu(theme):
    """Young people reading Urdu would see English words for this topic."""
    return not urdu_name(theme) or (bool(theme.description) and not urdu_description(theme))


def _name_taken(name, but=None):
    query = select(Theme.id).where(func.lower(Theme.name) == name.strip().lower())
    if but is not None:
        query = query.where(Theme.id != but.id)
    return db.session.scalar(query) is not None


def add_topic(by, name, description="", emoji="", name_ur="", description_ur=""):
    if _name_taken(name):
        raise TopicRefused(f"There is already a topic called “{name}”.")
    last = db.session.scalar(select(func.max(Theme.position))) or 0
    theme = Theme(slug=unique_slug(name, Theme.slug, "topic"), position=last + 1)
    _set_words(theme, name, description, emoji, name_ur, description_ur)
    db.session.add(theme)
    db.session.flush()
    _changed(by, f"added “{theme.name}”")
    return theme


def change_topic(theme, by, name, description="", emoji="", name_ur="", description_ur=""):
    if _name_taken(name, but=theme):
        raise TopicRefused(f"There is already a topic called “{name}”.")
    _set_words(theme, name, description, emoji, name_ur, description_ur)
    _changed(by, f"changed “{theme.name}”")


def _set_words(theme, name, description, emoji, name_ur, description_ur):
    theme.name, theme.description = name.strip(), (description or "").strip()
    theme.emoji = (emoji or "").strip()
    theme.name_ur, theme.description_ur = (name_ur or "").strip(), (description_ur or "").strip()


def set_offered(theme, offered, by):
    """Retire a topic (no longer offered) or offer it again."""
    if theme.active == offered:
        return
    if not offered and _offered_count() == 1:
        raise TopicRefused(
            "This is the last topic young people can choose. Add another one first, "
            "or young people could not send anything."
        )
    theme.active = offered
    _changed(by, f"{'offered again' if offered else 'retired'} “{theme.name}”")


def _offered_count():
    return db.session.scalar(select(func.count()).where(Theme.active.is_(True)))


def _topic_count():
    return db.session.scalar(select(func.count()).select_from(Theme))


def move(theme, step, by):
    """Swap with the next offered topic up (step -1) or down (+1)."""
    offered = [t for t in all_topics() if t.active]
    if theme not in offered:
        return
    at = offered.index(theme)
    other = at + step
    if not 0 <= other < len(offered):
        return
    offered[at], offered[other] = offered[other], offered[at]
    for position, each in enumerate(offered):
        each.position = position
    _changed(by, f"moved “{theme.name}” {'up' if step < 0 else 'down'}")


def starter_missing():
    """How many of the starter topics the council does not have (by their slug)."""
    have = set(db.session.scalars(select(Theme.slug)))
    return sum(1 for slug, *_ in DEFAULT_THEMES if slug not in have)


def load_starter_set(by):
    """The topics the demo uses (voice/themes DEFAULT_THEMES), with Voice's own Urdu; any
    already there are left as the council made them."""
    before = _topic_count()
    ensure_default_themes()
    added = _topic_count() - before
    _changed(by, f"loaded the starter set ({added} added)")
    return added


def _changed(by, detail):
    db.session.flush()
    council.bump(by)
    audit("topic_changed", by=by, detail=detail)
