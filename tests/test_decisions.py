"""Council decisions: staff post and change them, anyone reads them, and a young person's
question about one reaches staff linked to it."""

import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import select

from tests.submissions_helpers import answers, share_page, theme_id
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.decisions import services as decisions
from voice.decisions.models import CouncilDecision
from voice.extensions import db
from voice.moderation import services as moderation
from voice.submissions.models import Kind, Submission
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

TITLE = "More pocket money from April"
DECIDED = "Pocket money for young people in foster care goes up by £2 a week from April."
MEANS = "If you live with foster carers, you get £2 more every week from 1 April."


def page(response):
    return unescape(response.get_data(as_text=True))


def form(**changes):
    data = {
        "title": TITLE,
        "decided_on": "2026-11-12",
        "what_was_decided": DECIDED,
        "what_it_means": MEANS,
    }
    data.update(changes)
    return data


@pytest.fixture
def decision(app, make_user):
    ensure_default_themes()
    posted = decisions.post(
        make_user("worker", mfa=False),
        title=TITLE,
        decided_on=date(2026, 11, 12),
        what_was_decided=DECIDED,
        what_it_means=MEANS,
    )
    db.session.commit()
    return posted


def test_a_worker_posts_and_changes_a_decision_and_anyone_can_read_it(app, client, signed_in):
    signed_in("worker")
    refused = page(client.post("/decisions/manage/new", data=form(title="", decided_on="soon")))
    assert (
        "Give the decision a short title" in refused and "Give the date it was decided" in refused
    )
    assert DECIDED in refused  # what was typed is kept
    posted = client.post("/decisions/manage/new", data=form())
    assert posted.status_code == 303
    decision = db.session.scalar(select(CouncilDecision))
    client.post(f"/decisions/manage/{decision.id}", data=form(title="Pocket money goes up"))
    assert "Pocket money goes up" in page(client.get("/decisions/manage"))
    actions = db.session.scalars(
        select(AuditEvent.action)
        .where(AuditEvent.action.in_(["decision_posted", "decision_changed"]))
        .order_by(AuditEvent.id)
    ).all()
    assert actions == ["decision_posted", "decision_changed"]

    stranger = app.test_client()
    listing = page(stranger.get("/decisions"))
    assert "Pocket money goes up" in listing and "12 November 2026" in listing
    shown = page(stranger.get(f"/decisions/{decision.id}"))
    assert DECIDED in shown and MEANS in shown
    assert "Ask a question about this" in shown


@pytest.mark.parametrize("role", ["officer", "board", "safeguarding"])
def test_only_workers_and_admins_post_decisions(client, signed_in, role):
    signed_in(role)
    assert client.get("/decisions/manage").status_code == 403
    assert client.post("/decisions/manage/new", data=form()).status_code == 403


def test_a_missing_decision_is_a_friendly_not_found(client, signed_in):
    for path in ("/decisions/999", "/decisions/0"):
        response = client.get(path)
        assert response.status_code == 404 and "We can't find that page" in page(response)
    signed_in("worker")
    assert client.get("/decisions/manage/999").status_code == 404


def test_asking_about_a_decision_sends_a_question_linked_to_it(
    app, client, decision, make_user, sign_in
):
    shown = page(client.get(f"/decisions/{decision.id}"))
    link = re.search(r'href="([^"]*/share\?[^"]*)"', shown).group(1)
    html = page(client.get(link))
    assert "You're asking about:" in html and TITLE in html
    assert re.search(r'<input[^>]* checked[^>]*value="question"', html)
    token = re.search(r'name="form_token" type="hidden" value="([^"]+)"', html).group(1)
    client.post(
        "/share",
        data=answers(
            token,
            kind="question",
            message="Does it count for supported lodgings too?",
            council_decision=str(decision.id),
        ),
    )
    sent = db.session.scalar(select(Submission))
    assert sent.kind == Kind.QUESTION and sent.council_decision_id == decision.id

    worker = make_user("worker")
    officer = make_user("officer")
    sign_in(worker)
    assert f"About the decision: {TITLE}" in " ".join(
        re.sub(r"<[^>]+>", "", page(client.get(f"/moderation/{sent.id}"))).split()
    )
    area = ensure_area("Children's social care", lead=officer, officers=[officer])
    moderation.moderate(sent, worker, sent.message, [theme_id()], [])
    moderation.route(sent, worker, area, officer)
    db.session.commit()
    client.post("/staff/logout")
    sign_in(officer)
    assert TITLE in page(client.get(f"/responses/{sent.id}"))


def test_a_decision_that_is_not_there_is_never_linked(client):
    html = page(client.get("/share?kind=question&decision=999"))
    assert "You're asking about" not in html
    _, token = share_page(client)
    refused = page(client.post("/share", data=answers(token, council_decision="999")))
    assert "isn't on Voice any more" in refused and db.session.scalar(select(Submission)) is None
    again = page(client.post("/share", data=answers(token, council_decision="")))
    assert "isn't on Voice any more" not in again
    assert db.session.scalar(select(Submission)).council_decision_id is None


def test_the_demo_posts_decisions_and_a_question_about_one_once(app, make_user):
    from voice.decisions.demo import DECISIONS, load_demo_decisions

    ensure_default_themes()
    worker = make_user("worker", mfa=False)
    for _ in range(2):
        load_demo_decisions(worker)
        db.session.commit()
    assert len(db.session.scalars(select(CouncilDecision)).all()) == len(DECISIONS)
    question = db.session.scalar(select(Submission))
    assert question.kind == Kind.QUESTION
    assert question.council_decision.title == "No council tax for care leavers up to 25"
