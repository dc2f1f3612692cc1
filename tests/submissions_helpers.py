"""Helpers for the young person's journey: fill the share form as a person would."""

import re

from voice.extensions import db
from voice.themes.services import ensure_default_themes

ORDINARY = "The wifi at my placement goes off at 9pm and I can't do my homework."
WORRYING = "I don't feel safe at home, he hits me when I'm late back."


def theme_id(slug="home"):
    from voice.themes.models import Theme

    return db.session.query(Theme).filter_by(slug=slug).one().id


def share_page(client):
    ensure_default_themes()
    db.session.commit()
    html = client.get("/share").get_data(as_text=True)
    token = re.search(r'name="form_token" type="hidden" value="([^"]+)"', html).group(1)
    return html, token


def answers(token, **changes):
    data = {
        "kind": "view",
        "theme": str(theme_id()),
        "message": ORDINARY,
        "audience": "cicc",
        "reply_by": "code",
        "form_token": token,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def send(client, **changes):
    """Open the form, send it, and return (response after redirects, code shown or None)."""
    _, token = share_page(client)
    response = client.post("/share", data=answers(token, **changes), follow_redirects=True)
    match = re.search(r'data-code="([^"]+)"', response.get_data(as_text=True))
    return response, match.group(1) if match else None


def make_submission(message=ORDINARY, token=None, code=None, **changes):
    """A submission saved through the same service the share page uses; `code` is its
    reference code when the test needs to know it (a new one otherwise)."""
    import secrets

    from voice.submissions import codes, life_cycle
    from voice.submissions.models import Audience, Kind, ReplyBy

    ensure_default_themes()
    answers = {
        "kind": Kind.VIEW,
        "theme_ids": [theme_id()],
        "message": message,
        "audience": Audience.CICC,
        "reply_by": ReplyBy.CODE,
        "consent_publish": False,
        "consent_quote": False,
        "wants_advocate": False,
        **changes,
    }
    submission, _ = life_cycle.create_submission(
        answers, token or secrets.token_urlsafe(8), code or codes.new_code()
    )
    db.session.commit()
    return submission


WEAK_WORDS = "I skip meals a lot and nobody notices."
