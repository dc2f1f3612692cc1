"""The queue's filters carried from the queue to a message and on to the next one, so a
worker clearing a filtered queue stays in it, and the page each kind of row opens."""

from flask import url_for

from voice.clock import utcnow
from voice.forms import choices
from voice.moderation import open_by, queue
from voice.moderation.forms import STATUS_LABELS, QueueFilters
from voice.submissions.models import Status
from voice.themes.services import active_themes

FILTER_NAMES = ("status", "theme", "kind", "audience", "source", "advocate", "overdue")


def queue_filters(args):
    """(the filter form, queue.Filters) from a URL's arguments; a value that is not one of
    the choices is dropped, not refused: the queue still shows."""
    form = QueueFilters(args)
    form.status.choices = choices(
        [("", "To read"), (queue.ANY, "Any status")]
        + [(s.value, STATUS_LABELS[s]) for s in queue.EVERY_STATUS]
    )
    form.theme.choices = choices([("", "Any")] + [(t.id, t.name) for t in active_themes()])
    form.validate()
    filters = queue.Filters(
        **{name: form[name].data for name in FILTER_NAMES if not form[name].errors}
    )
    return form, filters


def queue_args(args):
    """The queue's filters among a URL's arguments, to put on the next URL."""
    return {name: args[name] for name in FILTER_NAMES if args.get(name)}


# A row opens the page where its next job is done: an answer to check opens the check.
OPENS = {
    Status.FOLLOW_UP: "moderation.follow_up",
    Status.RESPONSE_READY: "moderation.check",
}


def open_url(submission, args):
    endpoint = OPENS.get(submission.status, "moderation.review")
    return url_for(endpoint, submission_id=submission.id, **queue_args(args))


def next_url(done, args, by):
    """Where "Save and open next" goes: the next message in the queue's order that nobody
    else has open, or the queue itself when none is left. Returns (url, the next or None)."""
    _, filters = queue_filters(args)
    following = queue.next_after(filters, utcnow().date(), done, open_by.open_by_others(by))
    if following is None:
        return url_for("moderation.index", **queue_args(args)), None
    return open_url(following, args), following
