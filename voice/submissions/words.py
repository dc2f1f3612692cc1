"""Words about a submission that more than one page shows, in one place."""

from flask_babel import lazy_gettext as _l

from voice.submissions.models import DeclineReason

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
