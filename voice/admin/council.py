"""The council's settings: the first values come from the environment, an admin's changes
from the database, and the code goes on reading `current_app.config["COUNCIL_NAME"]`.

Why an overlay onto app.config, not a new `settings.get(...)` call everywhere: about twenty
places (templates and services across many features) read these values from the config
today, and other features are being changed in parallel. Overlaying the database row onto
the config keeps every one of those lines as it is, and keeps the layers the README
describes: defaults, instance/config.py, VOICE_* variables, then the council's own choices.
A key the admin never changed keeps its environment value, because the row stores only what
was saved and the environment's values are remembered at start-up (`ENVIRONMENT`).

How several servers agree: the row has a `version` that every admin change raises (settings
and topics alike). When an app context starts (a request, a CLI command such as `tick`), the
process reads that one number, at most once every CHECK_SECONDS; only when it has moved does
it read the row, overlay it and forget the pages drawn once for everyone and the topic list.
Reading one number on every request would cost a query per page view, including the home
page that is otherwise served from memory; once a second costs nothing measurable and a
change reaches every server within a second. In the process that made the change it shows at
once (`changed()` runs after the commit). One deployment serves one council, so one config
per process is enough.
"""

import time

from flask import appcontext_pushed, current_app
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from voice import caches
from voice.admin.models import CouncilSettings
from voice.extensions import db

CHECK_SECONDS = 1.0
# What an admin may change here, in the order the settings page shows them.
KEYS = (
    "COUNCIL_NAME",
    "OUT_OF_HOURS_NAME",
    "OUT_OF_HOURS_PHONE",
    "COMPLAINTS_URL",
    "QUICK_EXIT_URL",
    "RESPONSE_TARGET_DAYS",
    "RESPONSE_REMINDER_DAYS",
    "AUTO_CLOSE_DAYS",
    "INFLUENCE_ASK_DAYS",
    "BOARD_SUPPRESS_BELOW",
    "RETENTION_DAYS",
    "WORKING_DAY_ENDS_AT",
)
ENVIRONMENT = "voice.council.environment"
STATE = "voice.council.state"  # (when last checked, version applied)


def init_app(app):
    app.extensions[ENVIRONMENT] = {key: app.config.get(key) for key in KEYS}
    app.extensions[STATE] = (0.0, 0)
    appcontext_pushed.connect(_on_app_context, app)


def _on_app_context(app, **_):
    checked_at, _version = app.extensions[STATE]
    if time.monotonic() - checked_at >= CHECK_SECONDS:
        refresh(app)


def refresh(app, force=False):
    """Read the version; overlay the row when it moved (or when forced)."""
    _, applied = app.extensions[STATE]
    try:
        with db.engine.connect() as connection:
            version = connection.scalar(select(CouncilSettings.version).limit(1)) or 0
            values = None
            if force or version != applied:
                values = connection.scalar(select(CouncilSettings.values).limit(1)) or {}
    except SQLAlchemyError:  # no table yet (before `db upgrade`): the environment's values
        app.extensions[STATE] = (time.monotonic(), applied)
        return
    if values is not None:
        _apply(app, values)
    app.extensions[STATE] = (time.monotonic(), version)


def _apply(app, values):
    app.config.update(app.extensions[ENVIRONMENT])
    app.config.update({key: value for key, value in values.items() if key in KEYS})
    caches.forget_all(app)


def row():
    settings = db.session.scalar(select(CouncilSettings).limit(1))
    if settings is None:
        settings = CouncilSettings(id=1, version=0, values={})
        db.session.add(settings)
    return settings


def current():
    """Every setting as the app uses it now ({KEY: value})."""
    return {key: current_app.config.get(key) for key in KEYS}


def saved_by_admin():
    """The keys an admin has saved (the rest still come from the environment)."""
    settings = db.session.scalar(select(CouncilSettings).limit(1))
    return set(settings.values) if settings else set()


def bump(by=None):
    """Raise the version, in the caller's transaction: every server reloads what young people
    see (settings, topic list, pages drawn once) within CHECK_SECONDS of the commit."""
    settings = row()
    settings.version = (settings.version or 0) + 1
    if by is not None:
        settings.updated_by_id = by.id
    db.session.flush()
    return settings


def changed():
    """After the commit: this process shows the change at once."""
    refresh(current_app._get_current_object(), force=True)
