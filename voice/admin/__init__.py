"""The admin area (/admin, role admin): everything a council sets up and runs without a
developer — its details, topics, service areas, promise and staff — each change audited.
The welcome blueprint holds the public pages a colleague opens from an e-mail link."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
welcome_bp = Blueprint("welcome", __name__, url_prefix="/staff")

from voice.admin import (  # noqa: E402,F401  (they register on bp and welcome_bp)
    area_routes,
    promise_routes,
    routes,
    settings_routes,
    staff_routes,
    topic_routes,
    welcome_routes,
)
