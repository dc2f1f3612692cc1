"""The clock: reminders before a reply is due, escalation once it is late, closing quiet
answered cases (`flask --app voice tick`), and the overdue list workers chase."""

from flask import Blueprint

bp = Blueprint("deadlines", __name__)

from voice.deadlines import routes  # noqa: E402,F401
