"""Slugs for what admins add (topics, clauses of the Promise): readable in an address, and
never one a row already has."""

import re

from sqlalchemy import select

from voice.extensions import db


def unique_slug(words, column, fallback):
    """Up to 32 letters and digits of `words`, hyphened; -2, -3, ... when `column` holds it."""
    base = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:32] or fallback
    slug, n = base, 2
    while db.session.scalar(select(column).where(column == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug
