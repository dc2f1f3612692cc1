"""Recording what readers say about the disclosure check, and counting it. The caller
commits."""

from collections import Counter

from sqlalchemy import select

from voice.audit import services as audit
from voice.disclosure.models import DisclosureFeedback, Verdict
from voice.errors import Refused
from voice.extensions import db
from voice.submissions import disclosure
from voice.submissions.disclosure_kinds import KINDS, label


class FeedbackRefused(Refused):
    """The verdict does not fit what the check said; the message says why, to staff."""


def record_feedback(submission, verdict, kind=None, *, by):
    """Keep one reader's verdict on what the check said about `submission` (its words are
    read here to see what the check says now, and never stored)."""
    verdict = Verdict(verdict)
    said = disclosure.assess(submission.message or "")
    if verdict == Verdict.MISSED:
        if kind not in KINDS:
            raise FeedbackRefused("Choose the kind of harm the check missed.")
    else:
        if said.strength == disclosure.Strength.NONE and not submission.safeguarding:
            raise FeedbackRefused(
                "The check did not flag this message, so there is nothing to undo."
            )
        kind = said.kind
    feedback = DisclosureFeedback(
        submission_id=submission.id,
        verdict=verdict,
        kind=kind,
        check_said=said.strength.value,
        by_id=by.id,
    )
    db.session.add(feedback)
    audit.record(
        "disclosure_feedback",
        by=by,
        submission=submission,
        detail=f"{verdict.value}: {kind or 'no kind'} (the check said {said.strength.value})",
    )
    return feedback


def report():
    """{(month "YYYY-MM", verdict, kind): count}, oldest month first."""
    rows = db.session.execute(
        select(DisclosureFeedback.at, DisclosureFeedback.verdict, DisclosureFeedback.kind)
    )
    counts = Counter((at.strftime("%Y-%m"), verdict, kind or "") for at, verdict, kind in rows)
    return dict(sorted(counts.items(), key=lambda item: (item[0][0], item[0][1].value, item[0][2])))


def explanation(text):
    """What the check says about a message, for the safeguarding lead's page only: its
    strength, the kind in plain words, and what weighed most (phrase reasons and corpus
    features, never a quotation of the message)."""
    said = disclosure.assess(text or "")
    return {
        "strength": said.strength.value,
        "kind": label(said.kind) if said.kind else "",
        "reasons": said.reasons,
    }
