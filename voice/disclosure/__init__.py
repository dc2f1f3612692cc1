"""What staff who read messages tell the disclosure check: "a disclosure the check missed"
or "no concern". Counts by kind and month (`flask --app voice disclosure report`) show which
wordings to add to the corpus and the phrase list; the words themselves are never kept here.
Retraining the model is `flask --app voice disclosure train` (training.py)."""

from flask import Blueprint

bp = Blueprint("disclosure", __name__, url_prefix="/disclosure")

from voice.disclosure import routes  # noqa: E402,F401
