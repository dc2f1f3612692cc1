"""The influence question: asked once, twenty working days after the answer's promises were
settled (or after the answer, when it promised none), through the content-free "there is
news"; answered once, changeable until the case closes, every answer kept; counted for the
board beside the period before."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.clock_helpers import answered_case
from tests.submissions_helpers import WORRYING
from voice import clock
from voice.actions import services as action_updates
from voice.board.periods import Period
from voice.board.suppress import Pooled
from voice.extensions import db
from voice.influence import figures
from voice.influence import services as influence
from voice.influence.models import Changed, InfluenceAsk
from voice.notifications.models import Notification
from voice.responses import follow_ups
from voice.responses.models import Response
from voice.submissions import life_cycle
from voice.submissions.models import Contact, ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

THURSDAY_BEFORE_EASTER = date(2027, 3, 25)
TWENTY_ON = date(2027, 4, 26)  # Good Friday and Easter Monday do not count
WEAK_WORDS = "I skip meals a lot and nobody notices."


@pytest.fixture
def people(make_user):
    return {"worker": make_user("worker"), "officer": make_user("officer")}


@pytest.fixture
def tick(app, monkeypatch):
    runner = app.test_cli_runner()

    def run(day):
        at = datetime.combine(day, datetime.min.time()) + timedelta(hours=7)
        monkeypatch.setattr(clock, "utcnow", lambda: at)
        result = runner.invoke(args=["tick"])
        assert result.exit_code == 0, result.output
        return result.output

    return run


def released_on(submission, day):
    response = db.session.scalars(select(Response).filter_by(submission_id=submission.id)).one()
    response.released_at = datetime.combine(day, datetime.min.time()) + timedelta(hours=10)
    db.session.commit()
    return response


def news(submission, after=0):
    return db.session.scalars(
        select(Notification).where(
            Notification.kind == "news_for_young_person",
            Notification.recipient == f"submission:{submission.id}",
            Notification.id > after,
        )
    ).all()


def texted_case(people, actions=()):
    case, _ = answered_case(
        people["worker"],
        people["officer"],
        actions=list(actions),
        reply_by=ReplyBy.TEXT,
        contact="07700900123",
    )
    return case


def test_an_answer_with_no_actions_is_asked_about_twenty_working_days_on_once(people, tick):
    case = texted_case(people)
    released_on(case, THURSDAY_BEFORE_EASTER)
    told = max(n.id for n in news(case))  # "there is news" of the answer itself
    assert "whether anything changed" not in tick(date(2027, 4, 23))  # 19 working days
    assert influence.ask_for(case) is None and news(case, told) == []
    assert f"Asked {case.reference} whether anything changed" in tick(TWENTY_ON)
    tick(TWENTY_ON)
    tick(TWENTY_ON + timedelta(days=3))
    assert len(news(case, told)) == 1
    assert news(case, told)[0].payload == {"submission_id": case.id}  # nothing more in it
    assert db.session.scalars(select(InfluenceAsk)).all() == [influence.ask_for(case)]


def test_the_case_stays_open_for_the_question_and_closes_twenty_days_after_it(people, tick):
    case = texted_case(people)
    released_on(case, THURSDAY_BEFORE_EASTER)
    tick(TWENTY_ON)
    db.session.refresh(case)
    # Closing deletes the phone number: it must still be there for the "there is news".
    assert case.status == Status.ANSWERED and db.session.get(Contact, case.id) is not None
    tick(clock.add_working_days(TWENTY_ON, 19))
    db.session.refresh(case)
    assert case.status == Status.ANSWERED
    assert f"Closed {case.reference}" in tick(clock.add_working_days(TWENTY_ON, 20))


def test_with_actions_it_waits_for_the_last_one_to_be_done_or_not_go_ahead(people, tick):
    case = texted_case(
        people,
        [
            ("Fix the router", "IT", date(2027, 4, 1)),
            ("Ask the carers", "Placements", date(2027, 4, 1)),
        ],
    )
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    first, second = response.actions
    at = datetime(2027, 4, 1, 10)
    action_updates.move(first, "done", people["officer"].id, at=at)
    db.session.commit()
    assert "whether anything changed" not in tick(date(2027, 5, 3))  # one still planned
    why = "The carers moved away, so there is nobody to ask."
    action_updates.move(
        second, "not_going_ahead", people["officer"].id, why, at=datetime(2027, 5, 4, 9)
    )
    db.session.commit()
    last_settled = date(2027, 5, 4)
    assert "whether anything changed" not in tick(clock.add_working_days(last_settled, 19))
    assert "whether anything changed" in tick(clock.add_working_days(last_settled, 20))


def test_an_interim_reply_is_not_asked_about(people, tick):
    case = texted_case(people)
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    response.decision = "looking_into"
    db.session.commit()
    assert "whether anything changed" not in tick(TWENTY_ON + timedelta(days=40))


@pytest.fixture
def asked(people):
    case = texted_case(people)
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    assert influence.ask(case, response)
    db.session.commit()
    return case


def test_the_answer_changes_until_the_case_closes_and_every_answer_is_kept(asked):
    influence.answer(asked, "not_yet", "  ")
    influence.answer(asked, "a_bit", "The wifi stays on now.")
    ask = influence.ask_for(asked)
    assert [a.answer for a in ask.history] == [Changed.NOT_YET, Changed.A_BIT]
    assert ask.answer == Changed.A_BIT and ask.words == "The wifi stays on now."
    assert ask.changed_at is not None and ask.answered_at == ask.history[0].at
    life_cycle.transition(asked, Status.CLOSED, note="closed")
    with pytest.raises(influence.InfluenceRefused, match="can't change"):
        influence.answer(asked, "yes")
    assert influence.ask_for(asked).answer == Changed.A_BIT


def test_it_cannot_be_answered_before_it_is_asked_or_with_a_made_up_choice(people):
    case = texted_case(people)
    with pytest.raises(influence.InfluenceRefused):
        influence.answer(case, "yes")
    assert influence.ask_for(case) is None


def test_a_closed_case_asked_after_closing_may_answer_once(asked):
    life_cycle.transition(asked, Status.CLOSED, note="closed")
    influence.answer(asked, "yes")
    with pytest.raises(influence.InfluenceRefused):
        influence.answer(asked, "not_yet")


def test_words_with_a_strong_sign_are_held_for_the_lead_like_a_rating_comment(asked, people):
    influence.answer(asked, "not_yet", WORRYING)
    assert asked.status == Status.SAFEGUARDING
    ask = influence.ask_for(asked)
    assert influence.words_for(ask, asked, people["worker"]) is None
    assert influence.words_for(ask, asked, people["officer"]) is None


def test_words_with_a_weaker_sign_are_read_today(asked, people):
    influence.answer(asked, "not_yet", WEAK_WORDS)
    assert asked.status == Status.FOLLOW_UP and asked.read_today
    ask = influence.ask_for(asked)
    assert influence.words_for(ask, asked, people["worker"]) == WEAK_WORDS
    assert influence.words_for(ask, asked, people["officer"]) is None


def test_the_board_counts_answers_by_when_they_were_first_given(asked, people, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 5, 10, 9))
    influence.answer(asked, "not_yet")
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 7, 2, 9))
    influence.answer(asked, "yes")  # a change: still counted in April to June, as "yes"
    db.session.commit()
    spring = Period(date(2027, 4, 1), date(2027, 6, 30))
    summer = Period(date(2027, 7, 1), date(2027, 9, 30))
    assert figures.counts(spring)[Changed.YES] == 1
    assert figures.counts(summer) == dict.fromkeys(Changed, 0)
    assert figures.counts_before(summer)[Changed.YES] == 1
    theme = asked.themes[0].id
    assert figures.by(spring, "theme") == {theme: {Changed.YES: 1}}
    assert figures.by(spring, "area") == {asked.service_area_id: {Changed.YES: 1}}
    assert figures.pairs(summer, "theme")[theme][Changed.YES] == (0, 1)


def test_a_longer_period_pools_a_small_quarter_and_held_messages_are_not_counted(
    asked, people, monkeypatch
):
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 5, 10, 9))
    influence.answer(asked, "yes")
    db.session.commit()
    year = Period(date(2027, 1, 1), date(2027, 12, 31))
    assert isinstance(figures.counts(year)[Changed.YES], Pooled)
    follow_ups.ask(asked, WORRYING)  # held for the lead
    db.session.commit()
    assert asked.status == Status.SAFEGUARDING
    assert figures.counts(year)[Changed.YES] == 0
