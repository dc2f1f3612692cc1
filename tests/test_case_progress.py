"""After a follow-up the steps on /check/case are the follow-up's own (its dates, not the
first answer's), and a rating can be changed until the case closes, with what it said before
kept."""

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from tests.test_follow_ups import (  # noqa: F401  (fixtures)
    answered,
    officer,
    opened,
    route,
    worker,
    write,
)
from voice.audit.models import AuditEvent
from voice.extensions import db
from voice.responses import follow_ups
from voice.responses import services as responses
from voice.responses.models import Rating, RatingAnswer, RatingChange
from voice.submissions.models import Status
from voice.submissions.progress import progress

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

LONG_AGO = datetime(2026, 10, 5, 10, 0)


def steps_on(page):
    """[(label, done)] as the timeline shows them, with the dates each done step shows."""
    timeline = re.search(r'<ol class="timeline">(.*?)</ol>', page, re.S).group(1)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", item).split())
        for item in re.findall(r'<span class="timeline-text">(.*?)</span>\s*</li>', timeline, re.S)
    ]


@pytest.fixture
def first_round_long_ago(answered):  # noqa: F811
    """The first message and its answer happened in October: their dates must not show as
    the follow-up's."""
    for change in answered.changes:
        change.at = LONG_AGO
    db.session.commit()
    return answered


def test_after_a_follow_up_the_steps_show_where_the_follow_up_is(
    app,
    first_round_long_ago,
    officer,  # noqa: F811
    worker,  # noqa: F811
):
    case = first_round_long_ago
    before = steps_on(opened(app, case).get("/check/case").get_data(as_text=True))
    assert before[-1].startswith("You have an answer – Monday 5 October 2026")

    follow_ups.ask(case, "What about at weekends?")
    db.session.commit()
    page = opened(app, case).get("/check/case").get_data(as_text=True)
    assert "Where your follow-up question is now" in page
    steps = steps_on(page)
    assert [s.split(" –")[0].split(":")[0].strip() for s in steps] == [
        "We got your follow-up question",
        "It is with the people who can answer",
        "You have an answer to it",
    ]
    assert "5 October 2026" not in " ".join(steps)  # not the first answer's dates
    assert steps[0].endswith(": done") and steps[1].endswith(": not yet")

    follow_ups.pass_on(case, worker, "What about at weekends?")
    write(case, officer, explanation="Weekends too, from January.")
    db.session.commit()
    assert [done for _label, done, _when in progress(case)[1]] == [True, True, False]
    responses.release(case, worker)
    db.session.commit()
    about_follow_up, steps = progress(case)
    assert about_follow_up and [done for _label, done, _when in steps] == [True, True, True]
    assert all(when is not None and when > LONG_AGO for _label, _done, when in steps)


def test_without_a_follow_up_the_four_steps_are_the_first_messages(app, answered):  # noqa: F811
    about_follow_up, steps = progress(answered)
    assert not about_follow_up
    assert [str(label) for label, _done, _when in steps][0] == "We got your message"
    assert all(done for _label, done, _when in steps)


def rated(app, case, answer="partly", comment="What about weekends?"):
    browser = opened(app, case)
    response_id = db.session.scalar(select(Rating.response_id)) or case.id
    from voice.responses.models import Response

    response_id = db.session.scalar(select(Response.id).where(Response.submission_id == case.id))
    browser.post(
        "/check/rate", data={"response_id": response_id, "answer": answer, "comment": comment}
    )
    return browser, response_id


def test_a_rating_can_be_changed_until_the_case_closes_and_the_old_one_is_kept(app, answered):  # noqa: F811
    browser, response_id = rated(app, answered)
    page = browser.get("/check/case").get_data(as_text=True)
    assert "Change what you said" in page and 'id="change-answer-1"' in page
    assert re.search(r'<input [^>]*\bchecked\b[^>]*value="partly"', page)  # what they said

    changed = browser.post(
        "/check/rate/change",
        data={"change-response_id": response_id, "change-answer": "yes", "change-comment": ""},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "We have changed what you said about this answer." in changed
    assert "You said: <strong>Yes, that answers it</strong>" in changed
    rating = db.session.scalar(select(Rating))
    assert rating.answer == RatingAnswer.YES and rating.comment is None
    [history] = db.session.scalars(select(RatingChange)).all()
    assert history.rating_id == rating.id and history.answer == RatingAnswer.PARTLY
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "rating_changed"))
    assert event.detail == "partly → yes" and event.user_id is None

    # The first form sent again (a double tap) is still refused: changing is its own button.
    again = browser.post(
        "/check/rate",
        data={"response_id": response_id, "answer": "not_really"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "already told us what you thought" in again

    browser.post("/check/finish")
    db.session.refresh(answered)
    assert answered.status == Status.CLOSED
    closed = browser.get("/check/case").get_data(as_text=True)
    assert "Change what you said" not in closed
    late = browser.post(
        "/check/rate/change",
        data={"change-response_id": response_id, "change-answer": "not_really"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "can&#39;t be changed now" in late or "can't be changed now" in late
    assert db.session.scalar(select(Rating)).answer == RatingAnswer.YES


def test_a_change_without_a_choice_is_shown_again_kindly(app, answered):  # noqa: F811
    browser, response_id = rated(app, answered)
    page = browser.post(
        "/check/rate/change",
        data={"change-response_id": response_id, "change-comment": "I am not sure now"},
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Choose one answer." in html
    assert '<details class="details change-rating" id="change-rating" open>' in html
    assert "I am not sure now" in html  # nothing typed is lost
    assert db.session.scalar(select(Rating)).answer == RatingAnswer.PARTLY
