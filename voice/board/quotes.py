"""Their words: redacted text a worker chose as representative, from young people who said
yes to being quoted. Consent is checked every time the board reads it, so a young person
who changes their mind (or whose words are erased) drops out at once."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from voice.audit.services import record
from voice.board.models import BoardQuote
from voice.errors import Refused
from voice.extensions import db
from voice.submissions import words_rule
from voice.submissions.models import Status, Submission

SHOWN = 8
CANDIDATES = 50
# Not yet moderated (no redacted text) or gone from the board's view: never quotable.
NOT_QUOTABLE = (Status.NEW, Status.SAFEGUARDING, Status.WITHDRAWN, Status.DECLINED)


class QuoteRefused(Refused, ValueError):
    pass


def quotable():
    """The conditions for a submission's words to reach the board."""
    return [
        Submission.consent_quote.is_(True),
        Submission.shared_text.is_not(None),
        Submission.shared_text != "",
        Submission.safeguarding.is_(False),
        Submission.status.notin_(NOT_QUOTABLE),
    ]


def chosen_for(scope):
    """Up to SHOWN chosen quotes from the scope's period (and theme): [(text, themes)]."""
    query = (
        select(Submission)
        .join(BoardQuote, BoardQuote.submission_id == Submission.id)
        # From the few chosen quotes, not from every message of the period.
        .where(Submission.id.in_(select(BoardQuote.submission_id)))
        .where(*quotable(), *scope.where(), scope.in_now())
        .order_by(BoardQuote.chosen_at.desc())
        .limit(SHOWN)
    )
    return [
        {"text": s.shared_text, "themes": ", ".join(t.name for t in s.themes)}
        for s in db.session.scalars(query)
    ]


def candidates():
    """What a worker may choose from, newest first, with whether each is chosen already."""
    query = (
        select(Submission, BoardQuote.submission_id)
        .join(BoardQuote, BoardQuote.submission_id == Submission.id, isouter=True)
        .where(*quotable())
        .order_by(Submission.created_at.desc())
        .limit(CANDIDATES)
        .options(selectinload(Submission.themes), *words_rule.read_with_the_list())
    )
    return [(submission, chosen is not None) for submission, chosen in db.session.execute(query)]


def choose(submission, by, use):
    """use=True: quote it to the board; False: stop. Audited either way."""
    quoted = db.session.get(BoardQuote, submission.id)
    if use:
        allowed = db.session.scalar(
            select(Submission.id).where(Submission.id == submission.id, *quotable())
        )
        if allowed is None:
            raise QuoteRefused(
                "Only redacted words from a young person who said yes to "
                "being quoted can go to the board."
            )
        if quoted is None:
            db.session.add(BoardQuote(submission_id=submission.id, chosen_by_id=by.id))
    elif quoted is not None:
        db.session.delete(quoted)
    record(
        "board_quote",
        by=by,
        submission=submission,
        detail="chosen for the board" if use else "no longer quoted to the board",
    )
    db.session.flush()
