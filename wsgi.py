"""Entry point for gunicorn: `gunicorn wsgi:app`. Migrations are never run from here."""

from voice import create_app

app = create_app()
