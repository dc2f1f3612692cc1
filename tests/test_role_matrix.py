"""Who gets what: every route in app.url_map × every kind of visitor (a stranger, a young
person holding a reference code, each staff role), against one table, MATRIX.

A new route fails test_every_route_is_in_the_matrix until it has a line in MATRIX saying
what each role gets. CSRF is on here, so a POST without its token runs the guard and the
view but changes nothing: the same fixture serves every test in the module, and each staff
role signs in once.
"""

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from tests.module_clients import (
    STAFF_ROLES,
    make_staff,
    meeting_and_decision,
    module_app,
    open_case,
    sign_in,
    token_on,
)
from tests.submissions_helpers import ORDINARY, WORRYING, make_submission
from voice.actions import checks as action_checks
from voice.advocacy import services as advocacy
from voice.areas.models import ServiceArea
from voice.areas.services import ensure_area
from voice.extensions import db
from voice.moderation import services as moderation
from voice.promises.models import Promise
from voice.questions import services as members_questions
from voice.responses import answer_templates
from voice.responses import services as answering
from voice.responses.models import Action
from voice.submissions import codes, worker_tasks
from voice.submissions.task_models import TaskKind
from voice.themes.models import Theme
from voice.themes.services import ensure_default_themes

ANON, YOUNG = "anonymous", "young person with a code"
ROLES = (ANON, YOUNG, *STAFF_ROLES)
METHODS = ("GET", "POST")
LOGIN = "302 to sign in"


def to(where):
    """A redirect (302 or 303) to a path on this site, or to the URL in a config key."""
    return ("redirect", where)


def everyone(result):
    return dict.fromkeys(ROLES, result)


def staff(*allowed, ok=200):
    """A staff page: strangers and young people are sent to sign in, other roles get 403."""
    return {
        ANON: LOGIN,
        YOUNG: LOGIN,
        **{role: ok if role in allowed else 403 for role in STAFF_ROLES},
    }


def but(spec, **changes):
    return {**spec, **{role.replace("_", " "): result for role, result in changes.items()}}


WORKERS = ("worker", "admin")
# Board members and corporate parenting champions: the same pages, nothing more.
MEMBERS = ("board", "champion")
LEADS = ("safeguarding", "admin")
# The young person's own pages: open only with a case opened by a code in this browser.
THEIR_CASE = {**everyone(to("/check")), YOUNG: 200}
BACK_TO_CASE = {**everyone(to("/check")), YOUNG: to("/check/case")}
# Without the half-finished password step, the second step sends you back to the first.
SECOND_STEP = {
    ANON: to("/staff/login"),
    YOUNG: to("/staff/login"),
    **{role: to("/staff/") for role in STAFF_ROLES},
}
SIGN_IN_PAGE = {ANON: 200, YOUNG: 200, **{role: to("/staff/") for role in STAFF_ROLES}}

# endpoint -> method -> role -> 200 / 403 / 404 / LOGIN / to(path). A method a route does not
# have gets 405 from everyone (checked too). A POST here carries no CSRF token.
MATRIX = {
    "static": {"GET": everyone(200)},
    "public.home": {"GET": everyone(200)},
    "public.healthz": {"GET": everyone(200)},
    "public.privacy": {"GET": everyone(200)},
    # The language switch sends everyone back (home, when no page is named).
    "public.language": {"GET": everyone(to("/"))},
    "submissions.share": {"GET": everyone(200), "POST": everyone(200)},
    "submissions.share_short": {"GET": everyone(200), "POST": everyone(200)},
    "submissions.sent": {"GET": everyone(to("/check"))},
    "submissions.check": {"GET": everyone(200), "POST": everyone(200)},
    "submissions.case": {"GET": THEIR_CASE},
    "submissions.withdraw": {"GET": THEIR_CASE, "POST": THEIR_CASE},
    "submissions.close_case": {"POST": everyone(to("/"))},
    "submissions.leave": {"GET": everyone(to("QUICK_EXIT_URL"))},
    "submissions.not_safe": {"GET": everyone(200), "POST": everyone(200)},
    # Sent without signal: the service worker's script and the page it keeps for no signal.
    "submissions.service_worker": {"GET": everyone(200)},
    "submissions.waiting": {"GET": everyone(200)},
    # The young person's case is with an officer: no answer to rate, follow up or close yet.
    "submissions.follow_up": {"GET": BACK_TO_CASE, "POST": BACK_TO_CASE},
    "submissions.finish": {"POST": BACK_TO_CASE},
    "submissions.rate": {"POST": BACK_TO_CASE},
    "influence.answer": {"POST": BACK_TO_CASE},
    "submissions.change_rating": {"POST": BACK_TO_CASE},
    "privacy.download": {"GET": THEIR_CASE},
    "privacy.download_json": {"GET": THEIR_CASE},
    "privacy.erase": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "privacy.requests_page": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    # With no submissions chosen (no ?ids=), back to the search.
    "privacy.request_copy": {
        "GET": staff(*WORKERS, ok=to("/privacy/requests")),
        "POST": staff(*WORKERS, ok=to("/privacy/requests")),
    },
    "privacy.request_copy_json": {
        "GET": staff(*WORKERS, ok=to("/privacy/requests")),
        "POST": staff(*WORKERS, ok=to("/privacy/requests")),
    },
    "privacy.request_erase": {
        "GET": staff(*WORKERS, ok=to("/privacy/requests")),
        "POST": staff(*WORKERS, ok=to("/privacy/requests")),
    },
    "auth.login": {"GET": SIGN_IN_PAGE, "POST": SIGN_IN_PAGE},
    "auth.code": {"GET": SECOND_STEP, "POST": SECOND_STEP},
    "auth.recovery_code": {"GET": SECOND_STEP, "POST": SECOND_STEP},
    "auth.set_up": {"GET": SECOND_STEP, "POST": SECOND_STEP},
    # Council accounts are off unless OIDC_DISCOVERY_URL is set (tests/test_council_sign_in.py).
    "auth.council_sign_in": {"GET": everyone(404)},
    "auth.council_callback": {"GET": everyone(404)},
    "auth.home": {"GET": staff(*STAFF_ROLES)},
    # Without its token, "Sign out" asks again and signs no one out.
    "auth.logout": {"POST": staff(*STAFF_ROLES, ok=to("/staff/login"))},
    "audit.index": {"GET": staff("admin")},
    "moderation.index": {"GET": staff(*WORKERS)},
    "moderation.review": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "moderation.check": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "moderation.decline": {"POST": staff(*WORKERS)},
    "moderation.same_as": {"POST": staff(*WORKERS)},
    "moderation.safeguard": {"POST": staff(*WORKERS)},
    "moderation.follow_up": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "moderation.reassign": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    # --- staffday ---
    "moderation.answer_template_list": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "moderation.answer_template": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "moderation.delete_answer_template": {
        "POST": staff(*WORKERS, ok=to("/moderation/answer-templates"))
    },
    "moderation.action_checks": {"GET": staff(*WORKERS)},
    "moderation.action_check": {"POST": staff(*WORKERS)},
    "safeguarding.index": {"GET": staff(*LEADS)},
    "safeguarding.case": {"GET": staff(*LEADS), "POST": staff(*LEADS)},
    # Without its token nothing is kept: back to the review page of the message (routed, id 1).
    "disclosure.feedback": {
        "POST": staff("worker", "safeguarding", "admin", ok=to("/moderation/1"))
    },
    "responses.index": {"GET": staff("officer")},
    "actions.index": {"GET": staff("officer")},
    "actions.show": {"GET": staff("officer"), "POST": staff("officer")},
    "agendas.index": {"GET": staff(*WORKERS)},
    "agendas.new": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "agendas.meeting": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "agendas.add_group": {"POST": staff(*WORKERS)},
    "deadlines.overdue": {"GET": staff(*WORKERS)},
    "gathered.new": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "gathered.meeting": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    # Slips are shown once, straight after saving; with none waiting, back to a new entry.
    "gathered.slips": {"GET": staff(*WORKERS, ok=to("/gathered/new"))},
    "advocacy.index": {"GET": staff(*WORKERS)},
    # Without its token nothing moves, and the worker is back at the list.
    "advocacy.move": {"POST": staff(*WORKERS, ok=to("/advocacy/"))},
    "submissions.task_done": {"POST": staff(*WORKERS, ok=to("/moderation/"))},
    "submissions.ask_for_advocate": {"POST": BACK_TO_CASE},
    "board.index": {"GET": staff(*MEMBERS, *WORKERS)},
    "board.theme": {"GET": staff(*MEMBERS, *WORKERS)},
    "board.pack": {"GET": staff(*MEMBERS, *WORKERS)},
    "board.figures_csv": {"GET": staff(*MEMBERS, *WORKERS)},
    "board.submissions_csv": {"GET": staff(*WORKERS)},  # issue 17: workers only
    "board.choose_quotes": {"GET": staff(*WORKERS)},
    # Without its token no choice is made: back to the list, which says why.
    "board.quote": {"POST": staff(*WORKERS, ok=to("/board/quotes"))},
    # Members' questions: the question is officer A's; a form without its token comes back.
    "questions.index": {"GET": staff(*MEMBERS, "officer", *WORKERS)},
    "questions.ask": {"GET": staff(*MEMBERS), "POST": staff(*MEMBERS)},
    "questions.show": {"GET": staff(*MEMBERS, "officer", *WORKERS)},
    "questions.route": {"POST": staff(*WORKERS)},
    "questions.answer": {"POST": staff("officer")},
    "questions.supplementary": {"POST": staff(*MEMBERS)},
    "published.index": {"GET": everyone(200)},
    # The story of a period (voice/digests): workers edit and approve; a draft is never public.
    # (A POST without its CSRF token shows the page again, with the kind "open too long".)
    "digests.board_account": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "digests.digest": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "digests.report": {"GET": everyone(404)},
    # The routed case is not on "You said, we did", so there is nothing to say "me too" to.
    "published.me_too": {"POST": everyone(404)},
    "published.manage": {"GET": staff(*WORKERS)},
    "published.edit": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    # Without its token the button does nothing: the friendly "try again" page.
    "published.unpublish": {"POST": staff(*WORKERS, ok=400)},
    "decisions.index": {"GET": everyone(200)},
    "decisions.show": {"GET": everyone(200)},
    "decisions.manage": {"GET": staff(*WORKERS)},
    "decisions.new": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "decisions.edit": {"GET": staff(*WORKERS), "POST": staff(*WORKERS)},
    "responses.show": {"GET": staff("officer")},
    "responses.respond": {"GET": staff("officer"), "POST": staff("officer")},
    # The admin area: a form without its token comes back (200); a button goes back a page.
    "admin.index": {"GET": staff("admin")},
    "admin.settings": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.topics": {"GET": staff("admin")},
    "admin.new_topic": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.edit_topic": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.change_topic": {"POST": staff("admin", ok=to("/admin/topics"))},
    "admin.starter_topics": {"POST": staff("admin", ok=to("/admin/topics"))},
    "admin.areas": {"GET": staff("admin")},
    "admin.new_area": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.edit_area": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.promise": {"GET": staff("admin")},
    "admin.new_clause": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.edit_clause": {"GET": staff("admin"), "POST": staff("admin")},
    "admin.example_promise": {"POST": staff("admin", ok=to("/admin/promise"))},
    "admin.staff": {"GET": staff("admin")},
    "admin.invite": {"POST": staff("admin")},
    "admin.person": {"GET": staff("admin")},
    "admin.change_role": {"POST": staff("admin", ok=to("PERSON_PAGE"))},
    "admin.change_person": {"POST": staff("admin", ok=to("PERSON_PAGE"))},
    # Opened from an e-mail link by someone not signed in; a made-up link is not found.
    "welcome.accept": {"GET": everyone(404), "POST": everyone(404)},
    "welcome.forgot": {"GET": everyone(200), "POST": everyone(200)},
    "welcome.new_password": {"GET": everyone(404), "POST": everyone(404)},
}

# What goes into a URL's <arguments>: a fixture object's id, or a fixed value.
ARGUMENTS = {
    "submission_id": "routed",
    "action_id": "action",
    "meeting_id": "meeting",
    "decision_id": "decision",
    "filename": "voice.css",
    "other_id": "other",
    "slug": "home",
    "code": "ur",
    "user_id": "person",
    "topic_id": "topic",
    "area_id": "area",
    "clause_id": "clause",
    "change": "up",
    "action": "switch-on",
    "token": "not-a-real-link",
    "referral_id": "referral",
    "question_id": "question",
    "task_id": "task",
    "template_id": "template",
    "check_id": "action_check",
    "group": "cicc",
}
# The same arguments naming officer B's things, which officer A must never open.
OTHER_OFFICERS = {
    "submission_id": "other",
    "action_id": "other_action",
    "question_id": "other_question",
}
NUMBERED = {name for name in ARGUMENTS if name.endswith("_id")}
# Where a route needs a different fixture object than ARGUMENTS gives.
ARGUMENT_FOR = {
    ("safeguarding.case", "submission_id"): "held",
    ("digests.report", "version_id"): 999_999,  # no such digest: the same 404 for everyone
}


# --- The fixture: one app, one small world, one client per role --------------------------


def new_submission(message, code):
    ensure_default_themes()
    theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
    return make_submission(message, token=codes.new_code(), code=code, theme_ids=[theme.id])


def routed_to(officer, message, worker, code=None):
    submission = new_submission(message, code or codes.new_code())
    area = ensure_area(f"Area of {officer.email}", lead=officer, officers=[officer])
    moderation.moderate(submission, worker, message, [submission.themes[0].id], [])
    moderation.route(submission, worker, area, officer)
    return submission


def answered_by(officer, worker, message):
    """Routed, answered with one dated action, and released: returns the action."""
    submission = routed_to(officer, message, worker)
    response = answering.save(
        submission,
        officer,
        decision="do",
        explanation=message,
        team_name="Placements team",
        submit=True,
        actions=[("Fix it", "Placements team", date(2030, 1, 31))],
    )
    answering.release(submission, worker)
    return response.actions[0]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with module_app(tmp_path_factory, WTF_CSRF_ENABLED=True) as app:
        yield app


@pytest.fixture(scope="module")
def world(app):
    """Ids and codes only: no object outlives the app context that loaded it."""
    with app.app_context():
        users = {role: make_staff(role) for role in STAFF_ROLES}
        officer_b = make_staff("officer", email="officer.b@example.org")
        code = codes.new_code()
        routed = routed_to(users["officer"], "Officer A's case: " + ORDINARY, users["worker"], code)
        other = routed_to(
            officer_b, "Officer B's case: the buses stop at 6pm.", users["worker"], codes.new_code()
        )
        held = new_submission(WORRYING, codes.new_code())
        action = answered_by(users["officer"], users["worker"], "Officer A's answered case.")
        other_action = answered_by(officer_b, users["worker"], "Officer B's: buses stop.")
        meeting, decision = meeting_and_decision(users["worker"])
        referral = advocacy.refer(other)
        question = members_questions.ask(users["board"], "Why so slow?", figure="time")
        area_a = ensure_area(f"Area of {users['officer'].email}")
        members_questions.route(question, users["worker"], area_a.id, users["officer"].id)
        other_question = members_questions.ask(users["board"], "And the buses?", figure="time")
        area_b = ensure_area(f"Area of {officer_b.email}")
        members_questions.route(other_question, users["worker"], area_b.id, officer_b.id)
        task = worker_tasks.open_task(other, TaskKind.TALK_FIRST)
        template = answer_templates.save(
            None, users["worker"], team="Placements team", title="Wi-Fi", text="We hear you."
        )
        action_check = action_checks.propose(
            db.session.get(Action, action.id), users["officer"], action.status, "It is ordered."
        )
        db.session.commit()
        return {
            "template": template.id,
            "action_check": action_check.id,
            "person": users["worker"].id,
            "topic": db.session.scalar(select(Theme.id).limit(1)),
            "area": db.session.scalar(select(ServiceArea.id).limit(1)),
            "clause": db.session.scalar(select(Promise.id).limit(1)),
            "users": {role: user.id for role, user in users.items()},
            "referral": referral.id,
            "question": question.id,
            "other_question": other_question.id,
            "task": task.id,
            "code": code,
            "routed": routed.id,
            "other": other.id,
            "held": held.id,
            "action": action.id,
            "other_action": other_action.id,
            "meeting": meeting.id,
            "decision": decision.id,
            "reference": routed.reference,
        }


@pytest.fixture(scope="module")
def clients(app, world):
    made = {ANON: app.test_client(), YOUNG: open_case(app.test_client(), world["code"])}
    for role in STAFF_ROLES:
        made[role] = sign_in(app, app.test_client(), world["users"][role])
    return made


def visit(client, method, path, young=None):
    """One request, leaving the client's session as it was (/leave and /check/close clear
    it), so every test starts from the same place."""
    cookie = client.get_cookie("voice_session")
    if young is not None and cookie is None:
        open_case(client, young)
        cookie = client.get_cookie("voice_session")
    response = client.open(path, method=method)
    if cookie is not None:
        client.set_cookie("voice_session", cookie.value)
    return response


def url_for_rule(app, world, rule):
    values = {}
    for argument in rule.arguments:
        source = ARGUMENT_FOR.get((rule.endpoint, argument), ARGUMENTS.get(argument))
        assert source is not None, (
            f"{rule.endpoint}: say what <{argument}> is in ARGUMENTS (tests/test_role_matrix.py)"
        )
        values[argument] = world.get(source, source)
    return rule.build(values)[1]


def rule_of(app, endpoint):
    return next(app.url_map.iter_rules(endpoint))


def check(response, expected, app):
    status, location = response.status_code, response.headers.get("Location", "")
    if expected == LOGIN:
        parts = urlsplit(location)
        return status == 302 and parts.path == "/staff/login" and "next=" in parts.query
    if isinstance(expected, tuple):
        target = app.config.get(expected[1], expected[1])
        if target == "PERSON_PAGE":  # the admin's page about the person the button is for
            return status in (302, 303) and re.fullmatch(r"/admin/staff/\d+", location)
        where = location if target.startswith("http") else urlsplit(location).path
        return status in (302, 303) and where == target
    return status == expected


def cases():
    for endpoint, methods in MATRIX.items():
        for method in METHODS:
            spec = methods.get(method, everyone(405))
            for role in ROLES:
                yield pytest.param(
                    endpoint,
                    method,
                    role,
                    spec[role],
                    id=f"{endpoint}-{method}-{role}",
                    marks=ran_the_view(spec[role]),
                )


def ran_the_view(expected):
    """A visitor let in runs the page's queries, which run again on PostgreSQL (db); a refusal
    (sign in, 403, 405) is decided before any query of the page's, the same on every engine."""
    return () if expected in (LOGIN, 403, 405) else (pytest.mark.db,)


# --- The tests ----------------------------------------------------------------------------


def test_every_route_is_in_the_matrix(app):
    routes = {rule.endpoint: rule for rule in app.url_map.iter_rules()}
    missing = sorted(set(routes) - set(MATRIX))
    assert not missing, (
        "routes with no line in MATRIX (tests/test_role_matrix.py); say what "
        f"each role gets: {missing}"
    )
    stale = sorted(set(MATRIX) - set(routes))
    assert not stale, f"MATRIX lines for routes that no longer exist: {stale}"
    for endpoint, rule in routes.items():
        has = set(rule.methods) & set(METHODS)
        assert has == set(MATRIX[endpoint]), (
            f"{endpoint} answers {sorted(has)} but MATRIX lists {sorted(MATRIX[endpoint])}"
        )
        assert set(rule.methods) - {"HEAD", "OPTIONS"} <= set(METHODS), (
            f"{endpoint}: add its other methods to METHODS"
        )
    for spec in (s for methods in MATRIX.values() for s in methods.values()):
        assert set(spec) == set(ROLES)


@pytest.mark.parametrize("endpoint,method,role,expected", list(cases()))
def test_role_matrix(app, world, clients, endpoint, method, role, expected):
    path = url_for_rule(app, world, rule_of(app, endpoint))
    response = visit(clients[role], method, path, young=world["code"] if role == YOUNG else None)
    assert check(response, expected, app), (
        f"{method} {path} as {role}: expected {expected}, got {response.status_code} "
        f"{response.headers.get('Location', '')}"
    )
    assert response.status_code != 500


def officer_urls(app, world, names):
    """Every URL officer A may open that names a thing by id, with the ids from `names`."""
    for endpoint, methods in MATRIX.items():
        rule = rule_of(app, endpoint)
        if not rule.arguments or not rule.arguments <= NUMBERED:
            continue
        for method, spec in methods.items():
            # A page anyone may open (a council decision) belongs to no officer.
            if spec["officer"] == 200 and spec[ANON] != 200:
                assert rule.arguments <= set(OTHER_OFFICERS), (
                    f"{endpoint}: officers open it; name officer B's <{rule.arguments}> in "
                    "OTHER_OFFICERS"
                )
                yield method, rule.build({a: world[names[a]] for a in rule.arguments})[1]


@pytest.mark.db
def test_an_officer_never_opens_another_officers_case_by_changing_the_id(app, world, clients):
    urls = list(officer_urls(app, world, OTHER_OFFICERS))
    assert len(urls) >= 5
    for method, path in urls:
        response = visit(clients["officer"], method, path)
        assert response.status_code == 404, (method, path, response.status_code)
        assert "buses stop" not in response.get_data(as_text=True)
    own = list(officer_urls(app, world, ARGUMENTS))
    assert all(visit(clients["officer"], m, p).status_code == 200 for m, p in own)


@pytest.mark.db
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_an_id_that_does_not_exist_is_not_found_for_everyone_let_in(app, world, clients, role):
    tried = 0
    for endpoint, methods in MATRIX.items():
        rule = rule_of(app, endpoint)
        if not rule.arguments or not rule.arguments <= NUMBERED:
            continue
        for method, spec in methods.items():
            if spec[role] == 200:
                path = rule.build(dict.fromkeys(rule.arguments, 987654))[1]
                assert visit(clients[role], method, path).status_code == 404, (method, path)
                tried += 1
    assert tried >= (0 if role in MEMBERS else 1)


@pytest.mark.db
def test_a_code_opens_its_own_case_and_nothing_else(app, world, clients):
    young = clients[YOUNG]
    for path in ("/check/case", "/check/download", "/check/download.json"):
        page = visit(young, "GET", path, young=world["code"]).get_data(as_text=True)
        assert "Officer A&#39;s case" in page or "Officer A's case" in page, path
        assert "buses stop" not in page and "hits me" not in page, path
    json_copy = visit(young, "GET", "/check/download.json", young=world["code"])
    assert json_copy.get_json()["reference"] == world["reference"]


def test_a_code_one_symbol_off_opens_nothing(app, world):
    stranger = app.test_client()
    code = world["code"]
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    response = stranger.post(
        "/check", data={"code": wrong, "csrf_token": token_on(stranger, "/check")}
    )
    assert response.status_code == 200
    assert "We couldn&#39;t find a message with that code" in response.get_data(as_text=True)
    assert stranger.get("/check/case").status_code == 302


def test_a_young_persons_session_cannot_be_edited_to_open_another_case(app, world, clients):
    """The session is signed: changing one character of the cookie opens nothing."""
    forger = app.test_client()
    open_case(forger, world["code"])
    value = forger.get_cookie("voice_session").value
    flipped = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    forger.set_cookie("voice_session", flipped)
    response = forger.get("/check/case")
    assert response.status_code == 302 and urlsplit(response.location).path == "/check"
    assert re.search(r"Officer [AB]", response.get_data(as_text=True)) is None
