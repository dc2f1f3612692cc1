import time

from flask import current_app, has_app_context
from sqlalchemy import event, select

from voice import caches
from voice.extensions import db
from voice.forms import choices
from voice.i18n import N_, translated
from voice.themes.models import Theme

# Our own plain words, covering the council's priorities and its promise to young people.
# "something-else" stays last so nobody has to squeeze their message into a box. N_ marks
# them for the Urdu catalogue: a theme keeps its Urdu words until an admin rewords it.
DEFAULT_THEMES = [
    ("home", "🏠", N_("Where I live"), N_("Your home, foster carers, key workers, moving house.")),
    (
        "school",
        "📚",
        N_("School and learning"),
        N_("School, college, tutoring, exams, being left out."),
    ),
    (
        "health",
        "💚",
        N_("Health and feelings"),
        N_("Your body, your mind, doctors, dentists, worries."),
    ),
    (
        "family",
        "👪",
        N_("Family and friends"),
        N_("Seeing your family, brothers, sisters and friends."),
    ),
    (
        "social-worker",
        "🤝",
        N_("My social worker"),
        N_("Your social worker, personal adviser (PA) or a new worker."),
    ),
    ("money", "💷", N_("Money"), N_("Pocket money, savings, grants and what you are owed.")),
    (
        "leaving-care",
        "🔑",
        N_("Leaving care and housing"),
        N_("Moving on, your own place, help after 18."),
    ),
    ("jobs", "💼", N_("Jobs and training"), N_("Work experience, apprenticeships, careers help.")),
    (
        "hobbies",
        "⚽",
        N_("Hobbies and culture"),
        N_("Clubs, sport, music, trips, faith and culture."),
    ),
    ("safety", "🛡️", N_("Feeling safe"), N_("Feeling safe where you live, online and outside.")),
    (
        "having-a-say",
        "📣",
        N_("Having a say"),
        N_("Being listened to and taking part in decisions."),
    ),
    ("privacy", "🔒", N_("Privacy"), N_("Who knows your story and what gets shared.")),
    (
        "fairness",
        "⚖️",
        N_("Being treated fairly"),
        N_("Being treated the same as other young people."),
    ),
    ("something-else", "💬", N_("Something else"), N_("Anything that is not on this list.")),
]


def active_themes():
    return db.session.scalars(
        select(Theme).where(Theme.active.is_(True)).order_by(Theme.position, Theme.name)
    ).all()


# How long a worker process may show a theme list another process has since changed. A
# change made in this process shows at once (the events below).
THEME_LIST_SECONDS = 5


def active_theme_list():
    """Rows of (id, name, emoji, description, name_ur, description_ur) for each active theme, in order: the share
    form's themes as the young person sees them (hashable, so a page can be keyed on them). Read at most every THEME_LIST_SECONDS per process,
    because the form is drawn once per list (voice/page_cache.py)."""
    at, listed = current_app.extensions.get(caches.THEME_LIST, (0.0, None))
    if listed is None or time.monotonic() - at > THEME_LIST_SECONDS:
        listed = tuple(
            db.session.execute(
                select(
                    Theme.id,
                    Theme.name,
                    Theme.emoji,
                    Theme.description,
                    Theme.name_ur,
                    Theme.description_ur,
                )
                .where(Theme.active.is_(True))
                .order_by(Theme.position, Theme.name)
            )
        )
        current_app.extensions[caches.THEME_LIST] = (time.monotonic(), listed)
    return listed


@event.listens_for(Theme, "after_insert")
@event.listens_for(Theme, "after_update")
@event.listens_for(Theme, "after_delete")
def _theme_changed(mapper, connection, theme):
    if has_app_context():
        caches.forget(current_app, caches.THEME_LIST)
        caches.forget(current_app, caches.THEME_URDU)


def ensure_default_themes():
    """Add any default theme that is missing; never overwrite a council's own edits."""
    existing = set(db.session.scalars(select(Theme.slug)))
    for position, (slug, emoji, name, description) in enumerate(DEFAULT_THEMES):
        if slug not in existing:
            db.session.add(
                Theme(slug=slug, emoji=emoji, name=name, description=description, position=position)
            )
    db.session.flush()


def urdu_words():
    """{English words: the council's Urdu} for every theme's name and description that an
    admin has translated (retired ones too: past messages keep their topic). Read with the
    theme list, and forgotten with it when a theme changes."""
    at, words = current_app.extensions.get(caches.THEME_URDU, (0.0, None))
    if words is None or time.monotonic() - at > THEME_LIST_SECONDS:
        words = {}
        rows = db.session.execute(
            select(Theme.name, Theme.name_ur, Theme.description, Theme.description_ur)
        )
        for name, name_ur, description, description_ur in rows:
            if name_ur:
                words[name] = name_ur
            if description_ur:
                words[description] = description_ur
        current_app.extensions[caches.THEME_URDU] = (time.monotonic(), words)
    return words


@caches.kept(maxsize=16)
def theme_choices(language, themes):
    """The themes as the form's choices in `language`, worked out once per list: a catalogue
    look-up for each theme on every message sent was a noticeable share of a submit's time
    (bench/RESULTS.md)."""
    return tuple(choices([(t.id, translated(t.name)) for t in themes]))
