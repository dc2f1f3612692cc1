"""A worker enters views on young people's behalf, through the same service as /share, so
each gets the same disclosure check, moderation and clock. Only `by` is added: who typed it
in, told of news when the young person hears back through them."""

from voice.audit.services import record as audit
from voice.submissions import life_cycle as submissions


def gather(answers, by, form_token, code):
    """One view. Returns (submission, created) as create_submission does."""
    submission, created = submissions.create_submission(
        {**answers, "entered_by_id": by.id}, form_token, code
    )
    if created:
        audit("gathered", by=by, submission=submission, detail=answers["source"].value)
    return submission, created


def gather_several(where, entries, by, batch, code_for):
    """Every filled entry of one meeting, in the caller's transaction: the route commits all
        or, if the form had a mistake, none. `code_for(token)` gives each entry's code, the same
        one if the page is sent twice. Returns [(submission, code)] in the order typed; the code is
    None for one saved before (its slip was shown then, and only its hash is kept)."""
    saved = []
    for number, answers in enumerate(entries):
        token = f"{batch}-{number}"
        code = code_for(token)
        submission, created = gather({**answers, **where}, by, token, code)
        saved.append((submission, code if created else None))
    return saved
