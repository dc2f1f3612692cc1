from sqlalchemy import select

from voice.extensions import db
from voice.themes.models import Theme

# Our own plain words, covering the council's priorities and its promise to young people.
# "something-else" stays last so nobody has to squeeze their message into a box.
DEFAULT_THEMES = [
    ("home", "🏠", "Where I live", "Your home, foster carers, key workers, moving house."),
    ("school", "📚", "School and learning", "School, college, tutoring, exams, being left out."),
    ("health", "💚", "Health and feelings", "Your body, your mind, doctors, dentists, worries."),
    ("family", "👪", "Family and friends", "Seeing your family, brothers, sisters and friends."),
    ("social-worker", "🤝", "My social worker", "Your social worker, PA or changes of worker."),
    ("money", "💷", "Money", "Pocket money, savings, grants and what you are owed."),
    ("leaving-care", "🔑", "Leaving care and housing", "Moving on, your own place, help after 18."),
    ("jobs", "💼", "Jobs and training", "Work experience, apprenticeships, careers help."),
    ("hobbies", "⚽", "Hobbies and culture", "Clubs, sport, music, trips, faith and culture."),
    ("safety", "🛡️", "Feeling safe", "Feeling safe where you live, online and outside."),
    ("having-a-say", "📣", "Having a say", "Being listened to and taking part in decisions."),
    ("privacy", "🔒", "Privacy", "Who knows your story and what gets shared."),
    ("fairness", "⚖️", "Being treated fairly", "Being treated the same as other young people."),
    ("something-else", "💬", "Something else", "Anything that is not on this list."),
]


def active_themes():
    return db.session.scalars(
        select(Theme).where(Theme.active.is_(True)).order_by(Theme.position, Theme.name)
    ).all()


def ensure_default_themes():
    """Add any default theme that is missing; never overwrite a council's own edits."""
    existing = set(db.session.scalars(select(Theme.slug)))
    for position, (slug, emoji, name, description) in enumerate(DEFAULT_THEMES):
        if slug not in existing:
            db.session.add(Theme(slug=slug, emoji=emoji, name=name, description=description,
                                 position=position))
    db.session.flush()
