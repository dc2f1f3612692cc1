"""Entry point for gunicorn: `gunicorn wsgi:app`. Migrations are never run from here."""

from voice import create_app
from voice.submissions import disclosure_model

app = create_app()
# Read before the first request, as it was when every process read it at import: no young
# person's message waits for it. (Processes that never weigh one, such as the outbox
# worker, no longer read it at all.)
disclosure_model.shipped()
