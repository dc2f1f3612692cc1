"""What the board's tables call things: short, for a councillor reading a printed pack."""

from voice.responses.models import ActionStatus, Decision, RatingAnswer
from voice.submissions.models import AgeBand, Audience, CareStatus, Feeling, Kind

NOT_GIVEN = "Not given"
KINDS = {Kind.VIEW: "Views", Kind.QUESTION: "Questions", Kind.IDEA: "Ideas"}
AUDIENCES = {
    Audience.CICC: "Children in Care Council",
    Audience.CARE_LEAVERS_FORUM: "Care Leavers Forum",
    Audience.BOARD: "Corporate Parenting Board",
    Audience.NOT_SURE: "Not sure",
}
AGE_BANDS = {band: band.value.replace("-", " to ") for band in AgeBand}
CARE_STATUSES = {CareStatus.IN_CARE: "In care", CareStatus.CARE_LEAVER: "Care leavers"}
# The face picked on the short form; a message from the long form has none.
FEELINGS = {
    Feeling.HAPPY: "Happy",
    Feeling.OK: "OK",
    Feeling.WORRIED: "Worried",
    Feeling.SAD: "Sad",
    Feeling.CROSS: "Cross",
    None: "No face (long form)",
}
DECISIONS = {
    Decision.DO: "We'll do it",
    Decision.PART: "We'll do part of it",
    Decision.CANNOT: "We can't, with the reason",
    Decision.ANSWER: "Question answered",
    Decision.LOOKING_INTO: "Looking into it (interim reply)",
    None: "No answer yet",
}
ACTION_STATUSES = {
    ActionStatus.DONE.value: "Done",
    ActionStatus.IN_PROGRESS.value: "In progress",
    ActionStatus.PLANNED.value: "Not started yet",
    ActionStatus.NOT_GOING_AHEAD.value: "Not going ahead",
}
RATINGS = {
    RatingAnswer.YES: "Yes, it answered it",
    RatingAnswer.PARTLY: "Partly",
    RatingAnswer.NOT_REALLY: "Not really",
}
HEADS = {
    "themes": "Theme",
    "kinds": "Kind",
    "audiences": "For",
    "ages": "Age",
    "care": "Care status",
    "feelings": "Feeling",
    "outcomes": "Outcome",
    "actions": "Progress",
    "ratings": "Rating",
    "me_too": "Theme",
}
