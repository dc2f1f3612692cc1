"""The words /check/download shows for the codes the young person's copy holds ("cicc",
"with_officer", "partly"): the ones they chose from on the share and rating forms where there
are some, in the language of the page. The JSON copy keeps the codes."""

from flask_babel import lazy_gettext as _l

from voice.responses.models import RATING_WORDS
from voice.submissions.models import Status
from voice.submissions.words import AGE_BANDS, AUDIENCES, CARE_STATUSES, FEELINGS, REPLY_BY

# Each step the message took, said to the young person: never "response_ready" or "held".
STATUS_WORDS = {
    Status.NEW.value: _l("We got your message"),
    Status.MODERATED.value: _l("The participation team read it"),
    Status.DECLINED.value: _l("The participation team could not take it further"),
    Status.WITH_OFFICER.value: _l("It is with the people who can answer"),
    Status.RESPONSE_READY.value: _l(
        "An answer was written. The participation team checks it before you see it."
    ),
    Status.ANSWERED.value: _l("You got an answer"),
    Status.FOLLOW_UP.value: _l("You asked a follow-up question"),
    Status.CLOSED.value: _l("It was marked as finished"),
    Status.WITHDRAWN.value: _l("You took it back"),
    # Neutral, as /check is: a copy on a shared phone must not say "safeguarding".
    Status.SAFEGUARDING.value: _l("A member of staff read it"),
}

COPY_WORDS = {
    "audience": dict(AUDIENCES),
    "age_band": dict(AGE_BANDS),
    "care_status": dict(CARE_STATUSES),
    "reply_by": dict(REPLY_BY),
    "feeling": {value: label for value, label, _face in FEELINGS},
    "rating": {answer.value: words for answer, words in RATING_WORDS.items()},
    "status": STATUS_WORDS,
}
