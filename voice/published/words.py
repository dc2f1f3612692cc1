"""How the public page says what the council decided and how each action is going. Written
for anyone reading, not to the one young person, so not the words /check uses."""

from flask_babel import lazy_gettext as _l

from voice.responses.models import ACTION_STATUS_WORDS, Decision

DECISION_WORDS = {
    Decision.DO: ("✅", _l("We're doing it")),
    Decision.PART: ("🌓", _l("We're doing part of it")),
    Decision.CANNOT: ("✋", _l("We can't do this, and we said why")),
    Decision.ANSWER: ("💬", _l("We gave an answer")),
    Decision.LOOKING_INTO: ("🔎", _l("We're looking into it")),
}
# The heading over the council's side: "We did" only when something is being done.
HEADINGS = {
    Decision.DO: _l("We did"),
    Decision.PART: _l("We did"),
    Decision.CANNOT: _l("What we said"),
    Decision.ANSWER: _l("We answered"),
    Decision.LOOKING_INTO: _l("What we're doing"),
}

LATE = _l("Running late")  # shown beside a planned or started action past its date
# An action's state reads the same here as on /check and the staff pages.
ACTION_WORDS = ACTION_STATUS_WORDS
