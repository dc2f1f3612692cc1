"""Where a message is, in the young person's words, for the steps on /check/case. After a
follow-up question the steps are the follow-up's own: its dates, not the first answer's, which
would tell the young person their new question was already answered."""

from flask_babel import lazy_gettext as _l

from voice.submissions.models import Status

# The first message: four steps.
STEPS = [
    (Status.NEW, _l("We got your message")),
    (Status.MODERATED, _l("The participation team read it")),
    (Status.WITH_OFFICER, _l("It is with the people who can answer")),
    (Status.ANSWERED, _l("You have an answer")),
]
_REACHED = {
    Status.NEW: 1,
    Status.MODERATED: 2,
    Status.WITH_OFFICER: 3,
    Status.RESPONSE_READY: 3,
    Status.FOLLOW_UP: 3,
    Status.ANSWERED: 4,
    Status.CLOSED: 4,
}
# A follow-up: a worker reads it and passes it on (FOLLOW_UP → WITH_OFFICER) in one step.
FOLLOW_UP_STEPS = [
    (Status.FOLLOW_UP, _l("We got your follow-up question")),
    (Status.WITH_OFFICER, _l("It is with the people who can answer")),
    (Status.ANSWERED, _l("You have an answer to it")),
]
_FOLLOW_UP_REACHED = {
    Status.FOLLOW_UP: 1,
    Status.WITH_OFFICER: 2,
    Status.RESPONSE_READY: 2,
    Status.ANSWERED: 3,
    Status.CLOSED: 3,
}


def latest_follow_up(submission):
    """The history from the newest follow-up on (the newest round), or None if none."""
    starts = [i for i, c in enumerate(submission.changes) if c.to_status == Status.FOLLOW_UP]
    return submission.changes[starts[-1] :] if starts else None


def progress(submission):
    """(about_follow_up, [(label, done, when)]) for the timeline; no steps for a case that
    left the usual path (held, declined, taken back)."""
    round_ = latest_follow_up(submission)
    steps, reached = (FOLLOW_UP_STEPS, _FOLLOW_UP_REACHED) if round_ else (STEPS, _REACHED)
    number = reached.get(submission.status)
    if number is None:
        return bool(round_), []
    changes = round_ or submission.changes
    return bool(round_), [
        (label, n <= number, first_change_to(changes, status))
        for n, (status, label) in enumerate(steps, start=1)
    ]


def first_change_to(changes, status):
    return next((c.at for c in changes if c.to_status == status), None)
