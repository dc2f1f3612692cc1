"""An answered submission, moved along by the same services staff use, ready to publish."""

from tests.submissions_helpers import make_submission, theme_id
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.moderation import services as moderation
from voice.published import services as publishing
from voice.responses import services as responses

EXPLANATION = (
    "You told us the wifi goes off at 9pm. We agree that is too early for homework. "
    "We will ask every placement to keep it on until 11pm on school nights."
)


def answered(
    worker,
    officer,
    message,
    shared,
    theme="home",
    consent=True,
    release=True,
    decision="do",
    **changes,
):
    """A submission a worker moderated (to `shared`) and routed, and an officer answered
    with one action; released unless release=False."""
    area = ensure_area("Placements and fostering", lead=officer, officers=[officer])
    submission = make_submission(message, consent_publish=consent, **changes)
    moderation.moderate(submission, worker, shared, [theme_id(theme)], [])
    moderation.route(submission, worker, area, officer)
    responses.save(
        submission,
        officer,
        decision=decision,
        explanation=EXPLANATION,
        team_name="Placements team",
        submit=True,
        actions=[("Ask every placement to keep the wifi on", "Placements team", submission.due_on)],
    )
    if release:
        responses.release(submission, worker)
    db.session.commit()
    return submission


def published(
    worker,
    officer,
    message,
    shared,
    summary="We asked placements to keep the wifi on until 11pm.",
    **changes,
):
    submission = answered(worker, officer, message, shared, **changes)
    publishing.publish(submission, worker, summary)
    db.session.commit()
    return submission
