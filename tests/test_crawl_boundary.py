"""The boundary, crawled: a message held for the safeguarding lead, with a unique marker in its
words, shared version, name, contact, follow-up, rating comment and influence words, must not show that
marker to anyone else, on any staff page, however it is asked for.

Every staff route comes from app.url_map, so a new route joins the crawl by itself; a route
whose <arguments> this test cannot fill fails it. Each role signs in once; CSRF is on.
"""

from datetime import date

import pytest
from sqlalchemy import select
from werkzeug.routing import Map, Rule

from tests.module_clients import make_staff, meeting_and_decision, module_app, sign_in, token_on
from tests.submissions_helpers import WORRYING
from tests.test_role_matrix import ARGUMENTS as ROLE_MATRIX_ARGUMENTS
from voice.actions import checks as action_checks
from voice.advocacy import services as advocacy
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.influence import services as influence
from voice.moderation import services as moderation
from voice.promises.models import Promise
from voice.questions import services as members_questions
from voice.responses import answer_templates, follow_ups
from voice.responses import services as answering
from voice.responses.models import ActionStatus
from voice.submissions import codes, worker_tasks
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Audience, Kind, ReplyBy, Status
from voice.submissions.task_models import TaskKind
from voice.themes.models import Theme
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

MARKER = "zqxmarker"
NOT_THE_LEAD = ("worker", "officer", "board", "champion", "admin")
# What fills a route's <arguments>: the role matrix's, but every submission is the held one.
ARGUMENTS = ROLE_MATRIX_ARGUMENTS | {"submission_id": "held", "other_id": "held"}
# Form data no page accepts: each field is something, none of it is right.
BAD_FORM = {
    "version": "not a number",
    "shared_text": "",
    "review-shared_text": "",
    "release-shared_text": "",
    "reason": "nonsense",
    "action": "nonsense",
    "asked": "",
    "code": "x",
    "page": "-1",
}


def new_submission(message, **answers):
    ensure_default_themes()
    theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
    submission, _ = submissions.create_submission(
        {
            "kind": Kind.QUESTION,
            "theme_ids": [theme.id],
            "message": message,
            "audience": Audience.CICC,
            "reply_by": ReplyBy.CODE,
            "consent_publish": True,
            "consent_quote": True,
            "wants_advocate": False,
            **answers,
        },
        codes.new_code(),
        codes.new_code(),
    )
    return submission


def held_after_an_answer(users):
    """Marked everywhere, answered, rated with a comment, then held by a follow-up."""
    submission = new_submission(
        f"The wifi goes off at 9pm, says {MARKER} the carer.",
        name=f"Sam {MARKER}",
        reply_by=ReplyBy.EMAIL,
        contact=f"{MARKER}@example.org",
    )
    area = ensure_area("Placements", lead=users["officer"], officers=[users["officer"]])
    theme = submission.themes[0].id
    moderation.moderate(submission, users["worker"], f"Shared {MARKER} text", [theme], [])
    moderation.route(submission, users["worker"], area, users["officer"])
    answering.save(
        submission,
        users["officer"],
        decision="do",
        explanation="We will keep the wifi on until 10pm.",
        team_name="Placements team",
        submit=True,
        actions=[("Change the router", "Placements team", date(2030, 1, 31))],
    )
    response = answering.release(submission, users["worker"])
    follow_ups.rate(submission, response.id, "not_really", f"Not enough, {MARKER}.")
    # Asked whether anything changed, and answered in words the lead alone may then read.
    influence.ask(submission, response)
    influence.answer(submission, "not_yet", f"Nothing yet, {MARKER}.")
    follow_ups.ask(submission, f"{WORRYING} {MARKER}")
    assert submission.status == Status.SAFEGUARDING
    return submission


def held_action(held):
    return answering.released(held).actions[0]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with module_app(tmp_path_factory, WTF_CSRF_ENABLED=True) as app:
        yield app


@pytest.fixture(scope="module")
def world(app):
    with app.app_context():
        users = {role: make_staff(role) for role in (*NOT_THE_LEAD, "safeguarding")}
        held = held_after_an_answer(users)
        held_when_sent = new_submission(f"{WORRYING} {MARKER}", name=f"Jo {MARKER}")
        assert held_when_sent.status == Status.SAFEGUARDING
        other = new_submission("The buses stop at 6pm.")
        area = ensure_area("Transport", lead=users["officer"], officers=[users["officer"]])
        moderation.moderate(other, users["worker"], "The buses stop at 6pm.", [], [])
        moderation.route(other, users["worker"], area, users["officer"])
        response = answering.save(
            other,
            users["officer"],
            decision="do",
            explanation="Later buses from May.",
            team_name="Transport team",
            submit=True,
            actions=[("Ask the bus company", "Transport team", date(2030, 1, 31))],
        )
        meeting, decision = meeting_and_decision(users["worker"])
        # A held young person who asked for an advocate: the referral list names no words.
        referral = advocacy.refer(held)
        question = members_questions.ask(users["board"], "Why so slow?", figure="time")
        # And who asked us to talk to them first: the workers' queue lists the job, no words.
        task = worker_tasks.open_task(held, TaskKind.TALK_FIRST)
        template = answer_templates.save(
            None, users["worker"], team="Transport team", title="Buses", text="We hear you."
        )
        # An update waiting for a check, on the held case's action: the page names no words.
        action_check = action_checks.propose(
            held_action(held), users["officer"], ActionStatus.IN_PROGRESS, "It is ordered."
        )
        db.session.commit()
        return {
            "template": template.id,
            "action_check": action_check.id,
            "users": {role: user.id for role, user in users.items()},
            "person": users["worker"].id,
            "topic": db.session.scalar(select(Theme.id).limit(1)),
            "area": area.id,
            "clause": db.session.scalar(select(Promise.id).limit(1)),
            "held": held.id,
            "held_when_sent": held_when_sent.id,
            "referral": referral.id,
            "question": question.id,
            "task": task.id,
            "action": response.actions[0].id,
            "meeting": meeting.id,
            "decision": decision.id,
        }


def staff_urls(app, world, submission_id, rules=None):
    """Every staff route with real ids, and the held submission asked for by ?ids= too."""
    urls = []
    for rule in rules or app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if not getattr(view, "roles", None):
            continue
        values = {}
        for argument in rule.arguments:
            assert argument in ARGUMENTS, (
                f"{rule.endpoint}: say what fills <{argument}> in tests/test_role_matrix.py"
            )
            source = ARGUMENTS[argument]
            values[argument] = submission_id if source == "held" else world.get(source, source)
        path = rule.build(values)[1]
        urls.append((rule.endpoint, rule.methods, f"{path}?ids={submission_id}"))
    return urls


def leaks(response):
    return MARKER in response.get_data(as_text=True).lower()


@pytest.fixture(scope="module")
def clients(app, world):
    """Each role signs in once: a second sign-in within the same 30 seconds would reuse its
    two-step code, which is refused."""
    return {role: sign_in(app, app.test_client(), world["users"][role]) for role in world["users"]}


def crawl(app, world, client, submission_id):
    """[(method, url)] of every response that carried the marker."""
    token = token_on(client, "/staff/")
    assert token, "the staff home page should carry a sign-out form with a CSRF token"
    found, crawled = [], 0
    for endpoint, methods, url in staff_urls(app, world, submission_id):
        bad = {**BAD_FORM, "ids": submission_id}
        tries = [("GET", None)] if "GET" in methods else []
        if "POST" in methods:
            tries.append(("POST", {**bad, "csrf_token": "bad"}))
            if endpoint != "auth.logout":
                tries.append(("POST", {**bad, "csrf_token": token}))
        for method, data in tries:
            response = client.open(url, method=method, data=data)
            crawled += 1
            assert response.status_code < 500, f"{method} {url}: {response.status_code}"
            if leaks(response):
                found.append(f"{method} {url} ({endpoint})")
    assert crawled > 50
    assert client.get("/staff/").status_code == 200, "the crawl signed itself out"
    return found


@pytest.mark.parametrize("role", NOT_THE_LEAD)
def test_no_word_of_a_held_message_reaches_anyone_but_the_lead(app, world, clients, role):
    for which in ("held", "held_when_sent"):
        found = crawl(app, world, clients[role], world[which])
        assert not found, f"{role} read the words of {which} on: {found}"


def test_the_lead_does_read_it(app, world, clients):
    """The crawl could pass by showing nothing to anyone: the lead must see every word."""
    page = (
        clients["safeguarding"].get(f"/safeguarding/{world['held']}").get_data(as_text=True).lower()
    )
    assert page.count(MARKER) >= 4  # the message, the name, the contact, the follow-up


def test_a_route_the_crawl_cannot_fill_fails_it(app, world):
    rule = Rule("/staff/mystery/<int:mystery_id>", endpoint="moderation.index")
    Map([rule])  # binding it works out its arguments, as app.url_map does
    with pytest.raises(AssertionError, match="mystery_id"):
        staff_urls(app, world, world["held"], rules=[rule])
