"""A corporate parenting champion (an elected member who champions care-experienced young
people) reads the board's pages and asks members' questions exactly as a board member does,
and nothing more; an admin can invite one, and the demo has one."""

import pytest
from sqlalchemy import select

from tests.module_clients import sign_in
from tests.submissions_helpers import theme_id
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.auth.models import Role, User
from voice.extensions import db
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

LABEL = "Corporate parenting champion"
QUESTION = "How many care leavers got a bus pass this quarter?"


def page(response):
    return response.get_data(as_text=True)


@pytest.fixture
def people(make_user):
    ensure_default_themes()
    found = {
        "champion": make_user("champion", name="Cllr Priya Shah"),
        "worker": make_user("worker"),
        "officer": make_user("officer", name="Jo Officer"),
    }
    found["area"] = ensure_area("Transport", officers=[found["officer"]])
    db.session.commit()
    return found


def signed_in_as(app, user):
    return sign_in(app, app.test_client(), user.id)


def test_an_admin_invites_a_champion_by_its_plain_name(app, client, signed_in):
    signed_in("admin")
    form = page(client.get("/admin/staff"))
    assert f'<option value="champion">{LABEL}</option>' in form
    client.post(
        "/admin/staff/invite",
        data={"email": "priya@council.example", "name": "Priya", "role": "champion"},
    )
    priya = db.session.scalar(select(User).where(User.email == "priya@council.example"))
    assert priya.role == Role.CHAMPION
    invited = db.session.scalars(
        select(AuditEvent.detail).where(AuditEvent.action == "staff_invited")
    ).all()
    assert invited == [f"priya@council.example as {LABEL}"]
    assert LABEL in page(client.get("/admin/staff"))


def test_a_champion_sees_the_board_and_its_questions_and_nothing_more(app, people):
    champion = signed_in_as(app, people["champion"])
    home = page(champion.get("/staff/"))
    assert f"signed in as a {LABEL.lower()}" in home
    assert 'href="/board/"' in home and 'href="/board/questions/"' in home
    assert 'href="/moderation/"' not in home and 'href="/admin/"' not in home
    assert champion.get("/board/").status_code == 200
    assert champion.get("/board/pack").status_code == 200
    assert champion.get("/board/figures.csv").status_code == 200
    for staff_only in ("/moderation/", "/board/submissions.csv", "/board/quotes", "/admin/"):
        assert champion.get(staff_only).status_code == 403, staff_only


def test_a_champion_asks_from_the_board_page_and_follows_up_once(app, people):
    champion = signed_in_as(app, people["champion"])
    board = page(champion.get("/board/"))
    assert "Ask a question about a topic or a figure" in board
    assert "Ask a question" in page(champion.get("/board/questions/"))
    sent = champion.post(
        "/board/questions/ask",
        data={"theme": str(theme_id()), "figure": "time", "question": QUESTION},
    )
    assert sent.status_code == 303
    path = sent.location
    shown = page(champion.get(path))
    assert QUESTION in shown and "Asked by Cllr Priya Shah" in shown

    worker = signed_in_as(app, people["worker"])
    worker.post(f"{path}/route", data={"officer": f"{people['area'].id}:{people['officer'].id}"})
    officer = signed_in_as(app, people["officer"])
    assert officer.post(f"{path}/answer", data={"text": "Forty-two did."}).status_code == 303

    champion.post(f"{path}/supplementary", data={"text": "And the rest?"})
    officer.post(f"{path}/answer", data={"text": "They are booked for January."})
    pack = page(champion.get("/board/pack"))
    section = pack[pack.index('id="questions"') :]
    for words in (QUESTION, "Forty-two did.", "And the rest?", "They are booked for January."):
        assert words in section
