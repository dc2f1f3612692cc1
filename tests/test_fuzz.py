"""Hostile and random text through every form and query parameter a young person or a member
of staff can send: never a 500, and text Voice accepted is stored exactly as it was typed
(Jinja escapes it on the way out; nothing escapes or strips it on the way in, except the
trimming of spaces around staff text, which the forms show).

Bounded for CI: derandomized (the same examples every run), no example database, and a
fixed number of examples per form, so the file takes well under 40 s on each database.
"""

import uuid

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.module_clients import make_staff, module_app, open_case, sign_in
from tests.submissions_helpers import ORDINARY, make_submission
from voice.areas.services import ensure_area
from voice.auth.models import User
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import services as answering
from voice.responses.models import Response
from voice.submissions import codes
from voice.submissions.models import StatusChange, Submission
from voice.themes.models import Theme
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 3,
    "\u202eevil\u202c",
    "\u202dabc\u2066x\u2069",
    "\u200b\u200c\u200d\ufeff",
    "\r\n\r\n",
    "\t\x0b\x0c",
    "\x1b[31mred\x1b[0m",
    "\x07\x08\x7f",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "{{7*7}}",
    "{% raw %}",
    "${7*7}",
    "' OR '1'='1' --",
    "Robert'); DROP TABLE submission;--",
    "%00%27",
    "\\x00\\'",
    "../../etc/passwd",
    "😀👍🏽🏳️‍🌈",
    "ﷺ𒐫𝕏",
    "Z̴̡̧a̶̢l̷g̸o",
    "é" * 3 + "e\u0301",
    "\ud7ff\ue000\uffff",
    "A" * 2001,
    "B" * 70_000,
    "1e309",
    "-0",
    "99999999999999999999",
    "V00001",
    "V" + "9" * 40,
    "²",
    "١٢",
    "𝟗",
    "home",
    "1",  # digits Python's isdigit() knows but int() may not
]
# Any character a browser can send (lone surrogates cannot be encoded as UTF-8).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
TEXT = st.one_of(
    st.sampled_from(HOSTILE), ANY_TEXT, st.tuples(st.sampled_from(HOSTILE), ANY_TEXT).map("".join)
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


# --- One app, one world, one client per role ----------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with module_app(tmp_path_factory) as app:
        with app.app_context():
            ensure_default_themes()
            db.session.commit()
        yield app


@pytest.fixture(scope="module")
def people(app):
    with app.app_context():
        ids = {role: make_staff(role).id for role in ("worker", "officer", "admin")}
    return {role: sign_in(app, app.test_client(), user_id) for role, user_id in ids.items()} | {
        "ids": ids
    }


def new_submission(app, routed_to=None, message=ORDINARY):
    """A fresh submission (routed to an officer when asked); returns (id, its code)."""
    with app.app_context():
        code = codes.new_code()
        theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
        submission = make_submission(message, code=code, theme_ids=[theme.id])
        if routed_to is not None:
            officer = db.session.get(User, routed_to)
            worker = db.session.scalars(select(User).where(User.role == "worker")).first()
            area = ensure_area("Fuzzing", lead=officer, officers=[officer])
            moderation.moderate(submission, worker, message, [theme.id], [])
            moderation.route(submission, worker, area, officer)
        db.session.commit()
        return submission.id, code


def stored(app, model, **where):
    with app.app_context():
        return db.session.scalars(select(model).filter_by(**where)).first()


def never_500(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    return response


def theme_choice(app):
    with app.app_context():
        return str(db.session.scalars(select(Theme.id)).first())


# --- The young person's forms --------------------------------------------------------------


def choice(*valid):
    """Mostly a real choice (so the text fields get saved and checked), sometimes junk."""
    return st.one_of(st.sampled_from(valid), st.sampled_from(valid), TEXT)


CHOICE = choice(
    "view",
    "question",
    "idea",
    "cicc",
    "not_sure",
    "code",
    "text",
    "email",
    "worker",
    "name",
    "anonymous",
    "11-13",
    "in_care",
    "y",
    "",
)


@FUZZ
@given(
    message=TEXT,
    name=TEXT,
    phone=TEXT,
    email=TEXT,
    kind=st.sampled_from(["view", "idea"]),
    reply_by=st.sampled_from(["code", "worker", "code", "text", "email"]),
    call_me=st.sampled_from(["name", "anonymous"]),
    extra=TEXT,
    age=st.sampled_from(["11-13", "18-21", ""]),
    theme=st.none(),
)
def test_the_share_form_never_fails_and_keeps_a_message_as_typed(
    app, message, name, phone, email, kind, reply_by, call_me, extra, age, theme
):
    client, token = app.test_client(), uuid.uuid4().hex
    data = {
        "kind": kind,
        "theme": theme_choice(app) if theme is None else theme,
        "message": message,
        "audience": "cicc",
        "call_me": call_me,
        "name": name,
        "reply_by": reply_by,
        "phone": phone,
        "email": email,
        "form_token": token,
        "age_band": age,
        "consent_publish": extra,
    }
    response = never_500(client.post("/share", data=data))
    saved = stored(app, Submission, form_token=token)
    assert (response.status_code == 303) == (saved is not None)
    if saved is not None:
        event("saved")
        assert saved.message == message
        assert saved.name in (None, name.strip())


@FUZZ
@given(token=TEXT)
def test_a_hostile_form_token_is_never_a_500(app, token):
    client = app.test_client()
    data = {
        "kind": "view",
        "theme": theme_choice(app),
        "message": "Fine words",
        "audience": "cicc",
        "reply_by": "code",
        "form_token": token,
    }
    assert never_500(client.post("/share", data=data)).status_code in (200, 303)


@FUZZ
@given(code=TEXT)
def test_check_never_fails_and_opens_nothing_for_a_wrong_code(app, code):
    client = app.test_client()
    response = never_500(client.post("/check", data={"code": code}))
    assert response.status_code == 200  # no code here was ever given out
    assert never_500(client.get("/check/case")).status_code == 302


@FUZZ
@given(junk=st.dictionaries(TEXT, TEXT, max_size=4))
def test_the_case_pages_ignore_anything_extra(app, junk):
    _, code = new_submission(app)
    client = open_case(app.test_client(), code)
    for path in ("/check/case", "/check/withdraw", "/check/download", "/check/download.json"):
        never_500(client.get(path, query_string=junk))
    never_500(client.post("/check/withdraw", data=junk))


# --- Staff forms -----------------------------------------------------------------------------


@FUZZ
@given(shared=TEXT, same_as=TEXT, version=TEXT, theme=st.one_of(st.none(), TEXT))
def test_moderation_keeps_the_shared_version_as_typed(app, people, shared, same_as, version, theme):
    submission_id, _ = new_submission(app)
    response = never_500(
        people["worker"].post(
            f"/moderation/{submission_id}",
            data={
                "review-shared_text": shared,
                "review-same_as": same_as,
                "review-version": version,
                "review-themes": theme_choice(app) if theme is None else theme,
                "review-save": "Save",
            },
        )
    )
    saved = stored(app, Submission, id=submission_id)
    if saved.shared_text is not None:
        event("saved")
        assert response.status_code == 302 and saved.shared_text == shared


@FUZZ
@given(reason=choice("other", "cannot_act", "complaint"), note=TEXT, duplicate_of=TEXT)
def test_declining_keeps_the_note_as_typed(app, people, reason, note, duplicate_of):
    submission_id, _ = new_submission(app)
    never_500(
        people["worker"].post(
            f"/moderation/{submission_id}/decline",
            data={
                "decline-reason": reason,
                "decline-note": note,
                "decline-duplicate_of": duplicate_of,
                "decline-decline": "Decline",
            },
        )
    )
    saved = stored(app, Submission, id=submission_id)
    if saved.status.value == "declined":
        event("saved")
        assert saved.decline_note == (note.strip() or None)


@FUZZ
@given(note=TEXT)
def test_passing_to_safeguarding_keeps_the_worry_as_typed(app, people, note):
    submission_id, _ = new_submission(app)
    never_500(
        people["worker"].post(
            f"/moderation/{submission_id}/safeguarding",
            data={"safeguard-note": note, "safeguard-flag": "y"},
        )
    )
    change = stored(app, StatusChange, submission_id=submission_id, to_status="safeguarding")
    if change is not None:
        event("saved")
        assert change.note == note


@pytest.fixture(scope="module")
def routed(app, people):
    return new_submission(app, routed_to=people["ids"]["officer"])[0]


@FUZZ
@given(
    explanation=TEXT,
    checklist=TEXT,
    team=st.one_of(st.just("Placements team"), TEXT),
    what=TEXT,
    due=st.one_of(st.just("2031-02-03"), st.just("2031-02-03"), TEXT),
    decision=choice("do", "answer", "part"),
)
def test_an_officers_draft_keeps_its_words(
    app, people, routed, explanation, checklist, team, what, due, decision
):
    # An action row counts only when all three parts are there, so send one when it has words.
    row = (
        {"actions-0-what": what, "actions-0-team": "Placements team", "actions-0-due_on": due}
        if what.strip()
        else {}
    )
    response = never_500(
        people["officer"].post(
            f"/responses/{routed}/respond",
            data={
                "decision": decision,
                "explanation": explanation,
                "checklist": checklist,
                "team_name": team,
                "full_answer_by": due,
                "save": "y",
                **row,
            },
        )
    )
    if response.status_code == 302:  # saved as a draft
        event("saved")
        draft = stored(app, Response, submission_id=routed)
        assert draft.explanation == explanation.strip()
        assert draft.team_name == team.strip()
        assert draft.checklist == (checklist.strip() or None)


@FUZZ
@given(comment=TEXT)
def test_a_workers_check_keeps_the_comment_as_typed(app, people, comment):
    submission_id, _ = new_submission(app, routed_to=people["ids"]["officer"])
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        officer = db.session.get(User, people["ids"]["officer"])
        answering.save(
            submission,
            officer,
            decision="answer",
            explanation="Here it is.",
            team_name="Team",
            submit=True,
        )
        db.session.commit()
    response = never_500(
        people["worker"].post(
            f"/moderation/{submission_id}/check", data={"comment": comment, "send_back": "y"}
        )
    )
    if response.status_code == 302:
        event("saved")
        assert stored(app, Response, submission_id=submission_id).worker_comment == comment.strip()


@pytest.fixture(scope="module")
def published(app, people):
    """One answered message on "You said, we did"."""
    submission_id, _ = new_submission(app, routed_to=people["ids"]["officer"])
    with app.app_context():
        from voice.published import services as publishing

        submission = db.session.get(Submission, submission_id)
        submission.consent_publish = True
        officer = db.session.get(User, people["ids"]["officer"])
        worker = db.session.get(User, people["ids"]["worker"])
        answering.save(
            submission,
            officer,
            decision="do",
            explanation="We will.",
            team_name="Team",
            submit=True,
        )
        answering.release(submission, worker)
        publishing.publish(submission, worker, "The wifi stays on until 11pm now.")
        db.session.commit()
    return submission_id


@FUZZ
@given(theme=TEXT, page=TEXT, junk=TEXT)
def test_me_too_never_fails(app, published, theme, page, junk):
    response = never_500(
        app.test_client().post(
            f"/you-said-we-did/{published}/me-too",
            data={"theme": theme, "page": page, "junk": junk},
        )
    )
    assert response.status_code == 303


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_every_hostile_string_in_every_public_post(app, published, hostile):
    """Hypothesis samples; this sweeps every hostile string through each field at once."""
    client = app.test_client()
    never_500(
        client.post(
            f"/you-said-we-did/{published}/me-too", data={"theme": hostile, "page": hostile}
        )
    )
    never_500(
        client.post(
            "/share",
            data={
                "kind": hostile,
                "theme": hostile,
                "message": hostile,
                "council_decision": hostile,
                "form_token": hostile,
                "reply_by": "text",
                "phone": hostile,
            },
        )
    )
    never_500(client.post("/check", data={"code": hostile}))
    never_500(client.post("/staff/login", data={"email": hostile, "password": hostile}))


def answered_case(app, people):
    """A fresh answered message and its code, with the id of its released answer."""
    submission_id, code = new_submission(app, routed_to=people["ids"]["officer"])
    with app.app_context():
        submission = db.session.get(Submission, submission_id)
        response = answering.save(
            submission,
            db.session.get(User, people["ids"]["officer"]),
            decision="do",
            explanation="We will.",
            team_name="Team",
            submit=True,
        )
        answering.release(submission, db.session.get(User, people["ids"]["worker"]))
        db.session.commit()
        return submission_id, code, response.id


@FUZZ
@given(
    comment=TEXT,
    question=TEXT,
    answer=choice("yes", "partly", "not_really"),
    response_id=st.one_of(st.none(), TEXT),
)
def test_a_rating_and_a_follow_up_keep_the_young_persons_words(
    app, people, comment, question, answer, response_id
):
    from voice.responses.models import FollowUp, Rating

    submission_id, code, answer_id = answered_case(app, people)
    client = open_case(app.test_client(), code)
    never_500(
        client.post(
            "/check/rate",
            data={
                "response_id": answer_id if response_id is None else response_id,
                "answer": answer,
                "comment": comment,
                "send": "y",
            },
        )
    )
    rating = stored(app, Rating, submission_id=submission_id)
    if rating is not None:
        event("rating saved")
        assert rating.comment == (comment.strip() or None)
    never_500(client.post("/check/follow-up", data={"message": question, "send": "y"}))
    follow_up = stored(app, FollowUp, submission_id=submission_id)
    if follow_up is not None:
        event("follow-up saved")
        # (a comment that sounds like harm is itself held as a follow-up)
        assert follow_up.message in (question.strip(), comment.strip())


# --- Query parameters ----------------------------------------------------------------------

PARAMETERS = [
    "status",
    "theme",
    "kind",
    "audience",
    "advocate",
    "overdue",
    "page",
    "action",
    "email",
    "submission",
    "date_from",
    "date_to",
    "ids",
    "next",
    "period",
    "from",
    "to",
    "decision",
    "older",
    "newer",
]
QUERIES = {
    "worker": [
        "/moderation/",
        "/overdue",
        "/agendas/",
        "/privacy/requests/copy",
        "/publishing",
        "/decisions/manage",
        "/board/",
        "/board/figures.csv",
    ],
    "admin": ["/admin/audit"],
    "officer": ["/responses/", "/actions/"],
}


@settings(FUZZ, max_examples=10)  # each example is 18 pages; the sweep below adds 41 more
@given(params=st.dictionaries(st.sampled_from(PARAMETERS), TEXT, max_size=5))
def test_every_query_parameter_is_safe(app, people, params):
    query_everything(app, people, params)


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_every_hostile_string_in_every_query_parameter(app, people, hostile):
    query_everything(app, people, dict.fromkeys(PARAMETERS, hostile))


def query_everything(app, people, params):
    for role, paths in QUERIES.items():
        for path in paths:
            never_500(people[role].get(path, query_string=params))
    for path in (
        "/",
        "/check",
        "/share",
        "/privacy",
        "/staff/login",
        "/you-said-we-did",
        "/decisions",
    ):
        never_500(app.test_client().get(path, query_string=params))


# --- The null character: one kind message, from every form ---------------------------------


def test_a_null_character_is_refused_kindly_and_the_rest_is_kept(app, people):
    token = uuid.uuid4().hex
    page = never_500(
        app.test_client().post(
            "/share",
            data={
                "kind": "view",
                "theme": theme_choice(app),
                "message": "My words\x00 pasted",
                "audience": "cicc",
                "reply_by": "code",
                "form_token": token,
            },
        )
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and stored(app, Submission, form_token=token) is None
    assert "a hidden character in it that we can&#39;t save" in html
    assert "My words" in html and "pasted" in html  # what they typed is still there
    submission_id, _ = new_submission(app)
    review = never_500(
        people["worker"].post(
            f"/moderation/{submission_id}",
            data={
                "review-shared_text": "Shared\x00",
                "review-themes": theme_choice(app),
                "review-save": "Save",
            },
        )
    )
    assert "a hidden character in it" in review.get_data(as_text=True)
    assert stored(app, Submission, id=submission_id).shared_text is None
