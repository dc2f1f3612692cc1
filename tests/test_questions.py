"""Members' questions: a board member asks about a topic or a figure, a worker passes it to an
officer of the chosen area, the officer answers, one supplementary question follows; every
other move is refused; the board's page and pack show them for the period."""

from datetime import date

import pytest
from sqlalchemy import select

from tests.conftest import page
from tests.module_clients import sign_in
from tests.submissions_helpers import theme_id
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.board.periods import Period
from voice.clock import utcnow
from voice.extensions import db
from voice.notifications.models import Notification
from voice.questions import services
from voice.questions.models import QuestionState
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

QUESTION = "Why did fewer answers about school arrive on time this quarter?"
ANSWER = "Two officers left in the summer; the post is filled from October."


@pytest.fixture
def people(make_user):
    ensure_default_themes()
    found = {
        "member": make_user("board", name="Cllr Ada Shah"),
        "other_member": make_user("board", name="Cllr Ben Ode"),
        "worker": make_user("worker"),
        "officer": make_user("officer", name="Jo Officer"),
        "elsewhere": make_user("officer", name="Kim Elsewhere"),
    }
    found["area"] = ensure_area("Education", officers=[found["officer"]])
    found["other_area"] = ensure_area("Housing", officers=[found["elsewhere"]])
    db.session.commit()
    return found


def asked(people):
    question = services.ask(people["member"], QUESTION, theme_id=theme_id(), figure="time")
    db.session.commit()
    return question


def kinds():
    return [
        (n.kind, n.recipient)
        for n in db.session.scalars(select(Notification).order_by(Notification.id))
    ]


def test_the_whole_life_of_a_question_with_one_supplementary(people):
    question = asked(people)
    assert question.state == QuestionState.ASKED
    services.route(question, people["worker"], people["area"].id, people["officer"].id)
    services.answer(question, people["officer"], ANSWER)
    services.supplement(question, people["member"], "Will the new post cover half-terms?")
    services.answer(question, people["officer"], "Yes, from February half-term.")
    db.session.commit()
    assert question.state == QuestionState.DONE
    assert question.supplementary_answer == "Yes, from February half-term."
    assert kinds() == [
        ("member_question_waiting", "role:worker"),
        ("member_question_routed", f"user:{people['officer'].id}"),
        ("member_question_answered", f"user:{people['member'].id}"),
        ("member_question_routed", f"user:{people['officer'].id}"),
        ("member_question_answered", f"user:{people['member'].id}"),
    ]
    # Content-free: nothing of the question or the answer leaves Voice.
    for n in db.session.scalars(select(Notification)):
        assert n.payload == {"path": f"/board/questions/{question.id}"}
    moves = db.session.scalars(
        select(AuditEvent.detail)
        .where(AuditEvent.action == "member_question")
        .order_by(AuditEvent.id)
    ).all()
    assert moves[-1] == f"{question.reference}: supplementary → done" and len(moves) == 5


def test_only_an_officer_of_the_chosen_area_can_be_given_it(people):
    question = asked(people)
    with pytest.raises(services.QuestionRefused, match="officer of that service area"):
        services.route(question, people["worker"], people["area"].id, people["elsewhere"].id)
    assert question.state == QuestionState.ASKED and question.officer_id is None


def test_moves_the_life_cycle_does_not_have_are_refused(people):
    question = asked(people)
    with pytest.raises(services.QuestionRefused):  # nobody to answer yet
        services.answer(question, people["officer"], ANSWER)
    with pytest.raises(services.QuestionRefused):  # nothing to follow yet
        services.supplement(question, people["member"], "And?")
    services.route(question, people["worker"], people["area"].id, people["officer"].id)
    with pytest.raises(services.QuestionRefused):  # routed once
        services.route(question, people["worker"], people["area"].id, people["officer"].id)
    with pytest.raises(services.QuestionRefused, match="Only the officer"):
        services.answer(question, people["elsewhere"], ANSWER)
    services.answer(question, people["officer"], ANSWER)
    with pytest.raises(services.QuestionRefused, match="Only the member who asked"):
        services.supplement(question, people["other_member"], "And?")
    services.supplement(question, people["member"], "And the holidays?")
    services.answer(question, people["officer"], "Covered.")
    with pytest.raises(services.QuestionRefused):  # one supplementary, once
        services.supplement(question, people["member"], "And another?")
    with pytest.raises(services.QuestionRefused):
        services.move(question, QuestionState.ASKED, people["worker"])


def test_a_question_needs_words_and_something_it_is_about(people):
    with pytest.raises(services.QuestionRefused, match="Write the question"):
        services.ask(people["member"], "   ", figure="time")
    with pytest.raises(services.QuestionRefused, match="Say what it is about"):
        services.ask(people["member"], QUESTION)
    with pytest.raises(services.QuestionRefused, match="Only board members"):
        services.ask(people["worker"], QUESTION, figure="time")


def test_the_period_holds_the_questions_asked_in_it(people):
    question = asked(people)
    today = utcnow().date()
    assert services.in_period(Period(today.replace(day=1), today)) == [question]
    assert services.in_period(Period(date(2020, 1, 1), date(2020, 3, 31))) == []


# --- The pages ---------------------------------------------------------------------------


def signed_in_as(app, user):
    return sign_in(app, app.test_client(), user.id)


def test_the_member_asks_from_the_board_page_and_reads_the_answer_in_the_pack(app, people):
    member = signed_in_as(app, people["member"])
    board = page(member.get("/board/"))
    assert "Members' questions" in board and "/board/questions/ask" in board
    form = page(member.get("/board/questions/ask?theme=home&figure=time"))
    assert '<option selected value="time">' in form and '<option selected value="1">' in form
    refused = member.post("/board/questions/ask", data={"theme": "", "figure": "", "question": ""})
    assert refused.status_code == 200 and "Write your question." in page(refused)
    sent = member.post(
        "/board/questions/ask",
        data={"theme": str(theme_id()), "figure": "time", "question": QUESTION},
    )
    assert sent.status_code == 303
    question_id = int(sent.location.rsplit("/", 1)[1])
    path = f"/board/questions/{question_id}"

    worker = signed_in_as(app, people["worker"])
    shown = page(worker.get(path))
    assert QUESTION in shown and "Jo Officer, Education" in shown
    assert "Kim Elsewhere, Education" not in shown  # only an area's own officers
    wrong = worker.post(
        f"{path}/route", data={"officer": f"{people['area'].id}:{people['elsewhere'].id}"}
    )
    assert "Choose an officer of that service area." in page(worker.get(path))
    assert wrong.status_code == 303
    worker.post(f"{path}/route", data={"officer": f"{people['area'].id}:{people['officer'].id}"})

    elsewhere = signed_in_as(app, people["elsewhere"])
    assert elsewhere.get(path).status_code == 404
    assert elsewhere.post(f"{path}/answer", data={"text": "Mine now"}).status_code == 404
    officer = signed_in_as(app, people["officer"])
    assert QUESTION in page(officer.get("/board/questions/"))
    empty = officer.post(f"{path}/answer", data={"text": " "})
    assert empty.status_code == 200 and "Write the answer." in page(empty)
    assert officer.post(f"{path}/answer", data={"text": ANSWER}).status_code == 303

    member.post(f"{path}/supplementary", data={"text": "Will it cover half-terms?"})
    officer.post(f"{path}/answer", data={"text": "Yes, from February."})
    pack = page(member.get("/board/pack"))
    section = pack[pack.index('id="questions"') :]
    for words in (QUESTION, ANSWER, "Will it cover half-terms?", "Yes, from February."):
        assert words in section
    assert 'href="#questions"' in pack
    # Nothing more to do: no form, and a second supplementary is refused.
    again = member.post(f"{path}/supplementary", data={"text": "And another?"})
    assert again.status_code == 303 and "And another?" not in page(member.get(path))
