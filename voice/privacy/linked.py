"""Rows outside the submission that hold a young person's words, or words written about their
message: answers, actions and their updates, ratings, follow-ups, meeting outcomes, a board
quote. Erasure clears the words and keeps each row's dates, statuses and choices, because
the board counts decisions, ratings, follow-ups and actions by period and theme."""

from sqlalchemy import delete, select

from voice.actions.models import ActionUpdate
from voice.agendas.models import AgendaItem
from voice.board.models import BoardQuote
from voice.extensions import db
from voice.influence import services as influence
from voice.responses.models import Action, FollowUp, Rating, Response


def _responses(submission):
    return db.session.scalars(
        select(Response).where(Response.submission_id == submission.id).order_by(Response.id)
    ).all()


def _rows(model, submission):
    return db.session.scalars(
        select(model).where(model.submission_id == submission.id).order_by(model.id)
    ).all()


def _updates(submission):
    return db.session.scalars(
        select(ActionUpdate)
        .join(Action)
        .join(Response)
        .where(Response.submission_id == submission.id)
    ).all()


def what_is_held(submission, marker):
    """Names of the linked things that still hold words (each one is listed once)."""
    responses = _responses(submission)
    found = {
        "answers": any(
            r.explanation != marker or r.checklist or r.worker_comment for r in responses
        ),
        "actions": any(a.what != marker for r in responses for a in r.actions),
        "action updates": any(u.note for u in _updates(submission)),
        "ratings comments": any(r.comment for r in _rows(Rating, submission)),
        "follow-ups": any(
            f.message != marker or f.shared_text not in (None, marker)
            for f in _rows(FollowUp, submission)
        ),
        "meeting outcomes": any(
            i.outcome not in (None, marker) for i in _rows(AgendaItem, submission)
        ),
        "board quote": has_quote(submission),
        "words on what changed": influence.holds_words(submission),
    }
    return [name for name, held in found.items() if held]


def clear(submission, marker):
    """Replace the words with `marker`; delete the board quote (it only points at words)."""
    for response in _responses(submission):
        response.explanation, response.checklist, response.worker_comment = marker, None, None
        for action in response.actions:
            action.what = marker
    for update in _updates(submission):
        update.note = None
    for rating in _rows(Rating, submission):
        rating.comment = None
    for follow_up in _rows(FollowUp, submission):
        follow_up.message = marker
        follow_up.shared_text = marker if follow_up.shared_text is not None else None
    for item in _rows(AgendaItem, submission):
        if item.outcome is not None:
            item.outcome = marker
    influence.forget_words(submission)
    remove_quote(submission)


def has_quote(submission):
    return db.session.get(BoardQuote, submission.id) is not None


def remove_quote(submission):
    """A board quote only points at the shared words: once they are gone, so is the quote."""
    db.session.execute(delete(BoardQuote).where(BoardQuote.submission_id == submission.id))
