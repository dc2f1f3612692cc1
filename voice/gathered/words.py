"""Where a message came from, in staff words (the queue, the review page, the board)."""

from voice.submissions.models import Source

SOURCES = [
    (Source.CICC_MEETING.value, "Children in Care Council meeting"),
    (Source.CARE_LEAVERS_FORUM.value, "Care Leavers' Forum"),
    (Source.EVENT.value, "An event"),
    (Source.PAPER_FORM.value, "A paper form"),
    (Source.PHONE_CALL.value, "A phone call"),
    (Source.ADVOCATE.value, "Through an advocate"),
    (Source.ANOTHER_APP.value, "Another app"),
]
SOURCE_LABELS = {Source.ONLINE.value: "Voice online", **dict(SOURCES)}
