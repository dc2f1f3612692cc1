"""Data rights, retention and backups: a young person's copy of what Voice holds, a worker's
erasure on request, `flask purge` after the retention period, `flask backup`/`restore`."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

from voice.privacy import request_routes, routes  # noqa: E402,F401
