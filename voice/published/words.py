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

ACTION_WORDS = {
    ActionStatus.PLANNED: "Planned",
    ActionStatus.IN_PROGRESS: "Started",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_GOING_AHEAD: "Not going ahead",
}
