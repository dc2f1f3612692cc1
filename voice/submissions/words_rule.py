"""Who may read a young person's words (DESIGN.md): the one rule every page, template and
export asks, so no page can decide for itself.

- The safeguarding lead reads everything, held or not.
- While a message is held, nobody else sees any of its words: not the message, its
  follow-ups, its rating comments, the name or the contact given.
- Once the lead has let it go back to the team, others see only the lead's shared version
  (and edits made after it), never the original or a redaction history that starts from it.
  Closed by the lead without a release, its words stay with the lead for good.
- Otherwise workers (and admins) read the words sent, each read logged; officers and the
  board only the worker's shared version.
"""

from dataclasses import dataclass, field

from sqlalchemy.orm import selectinload

from voice.auth.models import Role
from voice.submissions.models import Status, Submission

READS_ORIGINAL = frozenset({Role.WORKER, Role.ADMIN})


def read_with_the_list():
    """Loader options for a list of submissions whose words a page shows: what words_for
    reads of each (contact, redactions), read for the whole list in one query each instead
    of one per row."""
    return (selectinload(Submission.contact), selectinload(Submission.redactions))


def is_lead(user):
    return getattr(user, "role", None) == Role.SAFEGUARDING


def held(submission):
    return submission.status == Status.SAFEGUARDING


def released_at(submission):
    """When the lead last sent it back to the team, or None (never held, held now, or closed
    by the lead: the last way out of the hold is the one that counts)."""
    exits = [c for c in submission.changes if c.from_status == Status.SAFEGUARDING]
    if held(submission) or not exits or exits[-1].to_status == Status.CLOSED:
        return None
    return exits[-1].at


def sees_nothing(submission, user):
    """No word of this submission may reach this reader."""
    if is_lead(user):
        return False
    if held(submission):
        return True
    return submission.safeguarding and released_at(submission) is None


def reads_original(submission, user):
    """Whether this reader sees the words as sent (and so the read must be logged)."""
    if is_lead(user):
        return True
    return getattr(user, "role", None) in READS_ORIGINAL and not submission.safeguarding


@dataclass
class Seen:
    """What one reader may see of one submission. Empty fields are simply not shown."""

    text: str | None = None  # the message, as sent or as shared, or None
    original: bool = False  # text is the young person's own words: reading it is logged
    name: str | None = None
    contact: str | None = None
    redactions: list = field(default_factory=list)
    comments: bool = False  # may read the young person's rating comments
    shared: str | None = None  # the shared version (what officers read), or None

    @property
    def nothing(self):
        return self.text is None


def seen_by(submission, user):
    """The one answer to "what of this may `user` read?"."""
    if sees_nothing(submission, user):
        return Seen()
    shared = submission.shared_text
    if reads_original(submission, user):
        contact = submission.contact.value if submission.contact else None
        redactions = list(submission.redactions)
        return Seen(submission.message, True, submission.name, contact, redactions, True, shared)
    if getattr(user, "role", None) in READS_ORIGINAL:  # a worker, after the lead's release
        since = released_at(submission)
        later = [r for r in submission.redactions if since is not None and r.at > since]
        return Seen(shared, redactions=later, shared=shared)
    return Seen(shared, shared=shared)


def follow_up_text(follow_up, submission, user, shared_only=False):
    """A follow-up's words for this reader: as asked (if they may read it), else as passed
    on or as the lead released it, or None."""
    if sees_nothing(submission, user):
        return None
    if reads_original(submission, user) and not shared_only:
        return follow_up.message
    return follow_up.shared_text


def comment(rating, submission, user):
    """A rating comment, only for a reader of the original words (never officers)."""
    if rating is None or not reads_original(submission, user):
        return None
    return rating.comment


def init_app(app):
    """Templates ask the same rule, for whoever is signed in."""
    from flask_login import current_user

    app.jinja_env.globals.update(
        words_for=lambda submission: seen_by(submission, current_user),
        follow_up_words=lambda f, submission, shared_only=False: follow_up_text(
            f, submission, current_user, shared_only
        ),
        comment_words=lambda rating, submission: comment(rating, submission, current_user),
    )
