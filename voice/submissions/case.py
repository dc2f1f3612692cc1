"""The case a browser opened with its reference code: the one submission the young person's
own pages (/check/..., a copy of their data) ever touch. No account, so nothing else."""

import functools

from flask import flash, redirect, session, url_for
from flask_babel import lazy_gettext as _l

from voice.clock import utcnow
from voice.extensions import db
from voice.submissions.models import Submission

# A case left open on a shared phone closes itself after this long.
CASE_MINUTES = 30
AGAIN = _l("For your privacy, type your code again to see your message.")


def open_case():
    """The case this browser opened with its code, if it was opened recently."""
    case = session.get("case")
    if not case or utcnow().timestamp() - case["at"] > CASE_MINUTES * 60:
        session.pop("case", None)
        return None
    return db.session.get(Submission, case["id"])


def with_open_case(view=None, *, say_again=True):
    """For a young person's route under /check: the view is called with the case this browser
    opened (`view(submission)`). Without one (never opened, or open too long) the young person
    goes back to /check to type their code, told why unless `say_again=False`."""
    if view is None:
        return functools.partial(with_open_case, say_again=say_again)

    @functools.wraps(view)
    def with_case(*args, **kwargs):
        submission = open_case()
        if submission is None:
            if say_again:
                flash(str(AGAIN), "info")
            return redirect(url_for("submissions.check"))
        return view(submission, *args, **kwargs)

    return with_case
