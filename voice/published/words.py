"""How the public page says what the council decided and how each action is going. Written
for anyone reading, not to the one young person, so not the words /check uses."""
from voice.responses.models import ActionStatus, Decision

DECISION_WORDS = {
    Decision.DO: ("✅", "We're doing it"),
    Decision.PART: ("🌓", "We're doing part of it"),
    Decision.CANNOT: ("✋", "We can't do this, and we said why"),
    Decision.ANSWER: ("💬", "We answered the question"),
    Decision.LOOKING_INTO: ("🔎", "We're looking into it"),
}
# The heading over the council's side: "We did" only when something is being done.
HEADINGS = {
    Decision.DO: "We did",
    Decision.PART: "We did",
    Decision.CANNOT: "What we said",
    Decision.ANSWER: "We answered",
    Decision.LOOKING_INTO: "What we're doing",
}

LATE = "Running late"  # shown beside a planned or started action past its date
ACTION_WORDS = {
    ActionStatus.PLANNED: "Planned",
    ActionStatus.IN_PROGRESS: "Started",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_GOING_AHEAD: "Not going ahead",
}
