"""The case a browser opened with its reference code: the one submission the young person's
own pages (/check/..., a copy of their data) ever touch. No account, so nothing else."""

from flask import session

from voice.clock import utcnow
from voice.extensions import db
from voice.submissions.models import Submission

# A case left open on a shared phone closes itself after this long.
CASE_MINUTES = 30


def open_case():
    """The case this browser opened with its code, if it was opened recently."""
    case = session.get("case")
    if not case or utcnow().timestamp() - case["at"] > CASE_MINUTES * 60:
        session.pop("case", None)
        return None
    return db.session.get(Submission, case["id"])
