"""Words about a submission that more than one page shows, in one place: the share form's
choices and what staff pages call them, and why a message went no further."""

from flask_babel import lazy_gettext as _l

from voice.submissions.models import (
    AgeBand,
    Audience,
    CareStatus,
    DeclineReason,
    Feeling,
    Kind,
    ReplyBy,
    SafeNow,
    SayItsThem,
)

# Why a message went no further, in words for the young person who sent it.
DECLINE_WORDS = {
    DeclineReason.DUPLICATE: _l(
        "someone has already raised the same thing, and it is being answered there"
    ),
    DeclineReason.COMPLAINT: _l(
        "it needs to go through the council's complaints process, "
        "which has to look into it properly"
    ),
    DeclineReason.CANNOT_ACT: _l("it is not something the council can change"),
    DeclineReason.OTHER: _l("of the reason below"),
}

# The share form's choices, as the young person reads them; staff pages and other features
# read the same lists from here.
KINDS = [
    (Kind.VIEW.value, _l("My view"), _l("Tell us what you think about something.")),
    (Kind.QUESTION.value, _l("A question"), _l("Ask us something you want to know.")),
    (Kind.IDEA.value, _l("An idea"), _l("Tell us how to make things better.")),
]
AUDIENCES = [
    (Audience.CICC.value, _l("The Children in Care Council")),
    (Audience.CARE_LEAVERS_FORUM.value, _l("The Care Leavers Forum")),
    (Audience.BOARD.value, _l("The people in charge at the council")),
    (Audience.NOT_SURE.value, _l("I'm not sure")),
]
# "12-15" reads "12 to 15"; in Urdu the same words with "سے" between the numbers.
AGE_BANDS = [
    (
        band.value,
        _l("%(low)s to %(high)s", low=band.value.split("-")[0], high=band.value.split("-")[1])
        if "-" in band.value
        else band.value,
    )
    for band in AgeBand
]
# What each group is, for a young person who has never heard of it (shown under the choice).
AUDIENCE_WORDS = {
    Audience.CICC.value: _l("Young people in care who meet to make things better."),
    Audience.CARE_LEAVERS_FORUM.value: _l(
        "Young people who have left care. They meet to make things better."
    ),
    Audience.BOARD.value: _l(
        "They meet as the Corporate Parenting Board. They check we look after you well."
    ),
}
CARE_STATUSES = [
    (CareStatus.IN_CARE.value, _l("I'm in care")),
    (CareStatus.CARE_LEAVER.value, _l("I'm a care leaver")),
]
REPLY_BY = [
    (ReplyBy.CODE.value, _l("Here, with my reference code")),
    (ReplyBy.WORKER.value, _l("Through my worker")),
    (ReplyBy.TEXT.value, _l("By text message")),
    (ReplyBy.EMAIL.value, _l("By e-mail")),
]
# The same choice as staff pages say it: the young person's own labels are in the first person.
HEARS_BACK = {
    ReplyBy.CODE.value: "with their code",
    ReplyBy.WORKER.value: "through their worker",
    ReplyBy.TEXT.value: "by text",
    ReplyBy.EMAIL.value: "by e-mail",
}
SAFE_NOW = [
    (SafeNow.YES.value, _l("Yes")),
    (SafeNow.NO.value, _l("No")),
    (SafeNow.NOT_SAY.value, _l("I'd rather not say")),
]
SAY_ITS_THEM = [
    (SayItsThem.YES.value, _l("Yes")),
    (SayItsThem.TALK_FIRST.value, _l("Talk to me first")),
    (SayItsThem.NO.value, _l("No")),
]
CALL_ME = [("name", _l("Use my first name or nickname")), ("anonymous", _l("Stay anonymous"))]

# The short form's faces (Submission.feeling): the value, what the young person reads, and
# the face. Staff pages and the board say it in their own words (English whatever language
# the young person used): it is a face they picked, not words they wrote.
FEELINGS = [
    (Feeling.HAPPY.value, _l("Happy"), "😀"),
    (Feeling.OK.value, _l("OK"), "😐"),
    (Feeling.WORRIED.value, _l("Worried"), "😟"),
    (Feeling.SAD.value, _l("Sad"), "😢"),
    (Feeling.CROSS.value, _l("Cross"), "😠"),
]
FACES = {value: face for value, _label, face in FEELINGS}
FEELING_FOR_STAFF = {
    Feeling.HAPPY: "happy",
    Feeling.OK: "OK",
    Feeling.WORRIED: "worried",
    Feeling.SAD: "sad",
    Feeling.CROSS: "cross",
}
