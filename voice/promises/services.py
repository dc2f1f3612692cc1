from sqlalchemy import select

from voice.extensions import db
from voice.promises.models import Promise

# The demo's own short paraphrases of a typical corporate parenting promise.
DEMO_PROMISES = [
    ("listen", "We listen to you and explain our decisions fully."),
    ("decide-together", "We make decisions with you, not about you."),
    ("honest", "We are honest about what we can and can't do."),
    ("safe", "We help you feel safe and looked after."),
    ("money", "We make sure you get all the money you are entitled to."),
    ("family", "We help you stay in touch with family and friends."),
    ("education", "We back you at school, college and beyond."),
    ("home", "You have a safe, caring home for as long as you need it."),
    ("leaving-care", "When you leave care, your home is one we would live in ourselves."),
    ("advocate", "You can have an advocate to help your voice be heard."),
    ("opportunities", "We open doors to work, training and hobbies."),
    ("social-worker", "We keep changes of social worker to a minimum."),
    ("health", "We help you with your health and feelings."),
    ("privacy", "We keep your information private and tell you what we share."),
    ("rights", "We make sure you know your rights."),
]


def active_promises():
    return db.session.scalars(
        select(Promise).where(Promise.active.is_(True)).order_by(Promise.position)
    ).all()


def ensure_demo_promises():
    existing = set(db.session.scalars(select(Promise.slug)))
    for position, (slug, text) in enumerate(DEMO_PROMISES):
        if slug not in existing:
            db.session.add(Promise(slug=slug, text=text, position=position))
    db.session.flush()
