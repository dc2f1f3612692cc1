"""Time, as the app keeps it: UTC, stored without a zone so SQLite and PostgreSQL agree."""
from datetime import datetime, timezone


def utcnow():
    return datetime.now(timezone.utc).replace(tzinfo=None)
