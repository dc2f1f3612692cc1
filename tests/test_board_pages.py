"""The board's pages and downloads through HTTP: who may open them, what they never show
(names, contact details, a young person's own words, safeguarding records, words without
consent), the CSV rules and the worker's choice of quotes.

One app and one demo-like world per module; each role signs in once.
"""

import csv
import io
from datetime import date, timedelta

import pytest
from markupsafe import escape
from sqlalchemy import select

from tests.conftest import PASSWORD, allow_this_code_again, code_for, settings_for
from voice import create_app
from voice.audit.models import AuditEvent
from voice.auth import mfa
from voice.auth import services as accounts
from voice.auth.models import User
from voice.board.exports import safe_cell, to_csv
from voice.board.models import BoardQuote
from voice.board.quotes import quotable
from voice.clock import utcnow
from voice.demo import load_demo_content, load_demo_staff
from voice.extensions import db
from voice.responses.models import (
    Action,
    Decision,
    FollowUp,
    Rating,
    RatingAnswer,
    Response,
    ResponseStatus,
)
from voice.safeguarding.models import SafeguardingRecord
from voice.security import PUBLIC_ENDPOINTS
from voice.submissions.models import Contact, Redaction, ReplyBy, Status, Submission
from voice.themes.models import Theme

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

MARKERS = {
    "name": "Zqxname",
    "contact": "zqxcontact@example.org",
    "message": "Zqxmessage",
    "safeguarding": "Zqxsafeguarding",
    "unconsented": "Zqxunconsented",
    "redaction": "Zqxredaction",
    "rating": "Zqxratingcomment",
    "follow_up": "Zqxfollowup",
}
QUOTED = "Ordinary consented words"
# Blueprints a board member must never open.
CLOSED_TO_BOARD = ("moderation", "safeguarding", "responses", "audit")


def plant_markers():
    """Demo-like data with a unique word in every field the board must never show."""
    submissions = db.session.scalars(select(Submission).order_by(Submission.id)).all()
    officer = db.session.scalar(
        select(Submission.officer_id).where(Submission.officer_id.is_not(None)).limit(1)
    )
    for number, submission in enumerate(submissions):
        submission.name = MARKERS["name"]
        submission.message = f"{submission.message} {MARKERS['message']}"
        if submission.shared_text:
            db.session.add(
                Redaction(
                    submission_id=submission.id,
                    after=submission.shared_text,
                    before=f"{submission.shared_text} {MARKERS['redaction']}",
                )
            )
        if submission.shared_text and not (submission.consent_publish or submission.consent_quote):
            submission.shared_text = f"{submission.shared_text} {MARKERS['unconsented']}"
        if number % 7 == 0:
            submission.reply_by = ReplyBy.TEXT
            db.session.add(
                Contact(
                    submission_id=submission.id, channel=ReplyBy.EMAIL, value=MARKERS["contact"]
                )
            )
    for record in db.session.scalars(select(SafeguardingRecord)):
        record.note = MARKERS["safeguarding"]
    routed = [s for s in submissions if s.status == Status.WITH_OFFICER]
    for number, submission in enumerate(routed):
        if number % 2:
            continue
        submission.status = Status.ANSWERED
        decision = [Decision.DO, Decision.PART, Decision.CANNOT, Decision.ANSWER][number % 4]
        response = Response(
            submission_id=submission.id,
            officer_id=officer,
            decision=decision,
            explanation="Because.",
            team_name="Leaving care team",
            status=ResponseStatus.RELEASED,
            released_at=submission.routed_at + timedelta(days=number % 30 + 1),
            actions=[
                Action(
                    what="Ring the placement",
                    team="Placements team",
                    due_on=date(2026, 1, 1) + timedelta(days=number),
                )
            ],
        )
        db.session.add(response)
        db.session.flush()
        db.session.add(
            Rating(
                submission_id=submission.id,
                response_id=response.id,
                answer=list(RatingAnswer)[number % 3],
                comment=MARKERS["rating"],
            )
        )
        db.session.add(
            FollowUp(
                submission_id=submission.id,
                after_response_id=response.id,
                message=MARKERS["follow_up"],
                shared_text=MARKERS["follow_up"],
            )
        )
    # A worker chose the newest routed ones this year that said yes to being quoted.
    this_year = utcnow().year
    for submission in [
        s
        for s in reversed(submissions)
        if s.consent_quote and s.routed_at and not s.safeguarding and s.created_at.year == this_year
    ][:3]:
        submission.shared_text = QUOTED
        db.session.add(BoardQuote(submission_id=submission.id, chosen_by_id=officer))
    db.session.commit()


def sign_in(app, client, email):
    client.post("/staff/login", data={"email": email, "password": PASSWORD})
    with app.app_context():
        user = accounts.find_user(email)
        allow_this_code_again(user)
        code = code_for(user)
    response = client.post("/staff/sign-in/code", data={"code": code})
    assert response.status_code == 302, response.status_code
    return client


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Requests run outside any app context: inside one, Flask-Login's remembered user (kept
    on `g`) would carry over from one client to the next."""
    app = create_app(settings_for(tmp_path_factory.mktemp("board-pages")))
    with app.app_context():
        db.create_all()
        load_demo_staff()
        load_demo_content()
        plant_markers()
        users = {}
        for role in ("board", "worker", "officer", "safeguarding"):
            users[role] = accounts.create_user(f"{role}@board.example.org", role, PASSWORD)
            mfa.enrol(users[role])
        db.session.commit()
        emails = {role: user.email for role, user in users.items()}
    clients = {role: sign_in(app, app.test_client(), email) for role, email in emails.items()}
    yield {"app": app, "clients": clients}
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def query(site, statement, many=False):
    with site["app"].app_context():
        result = db.session.scalars(statement)
        return result.all() if many else result.first()


def board_urls(site):
    """Every board page and download for each kind of period, and every theme's page."""
    themes = query(site, select(Theme.slug), many=True)
    for period in ("last_12", "last_quarter", "this_year", "last_year", "this_quarter"):
        asked = f"?period={period}"
        yield from (f"/board/{asked}", f"/board/pack{asked}", f"/board/figures.csv{asked}")
    yield from (f"/board/themes/{slug}?period=this_year" for slug in themes)


@pytest.fixture(scope="module")
def fetched(site):
    """What a board member gets from every board URL, fetched once for the module."""
    board = site["clients"]["board"]
    return {url: board.get(url) for url in board_urls(site)}


def test_a_board_member_opens_every_board_page_and_download(fetched):
    for url, response in fetched.items():
        assert response.status_code == 200, url
        if ".csv" in url:
            assert response.mimetype == "text/csv"
            assert response.data.startswith("\ufeff".encode("utf-8"))
            assert "attachment" in response.headers["Content-Disposition"]
    page = fetched["/board/?period=this_year"].get_data(as_text=True)
    for heading in (
        "What young people raised",
        "Time to answer",
        "Outcomes",
        "Actions",
        "The Promise",
        "Their words",
        "Safeguarding",
    ):
        assert heading in page
    assert QUOTED in page
    assert "Raised most in" in page  # issue 17: the topics named, biggest first
    assert len([url for url in fetched if "/themes/" in url]) == 14


def test_no_name_contact_own_words_safeguarding_or_unconsented_text_reaches_the_board(
    site, fetched
):
    for url, response in fetched.items():
        text = response.get_data(as_text=True).lower()
        for field, marker in MARKERS.items():
            assert marker.lower() not in text, f"{field} marker on {url}"
    # The markers are really there to find: a worker's own page shows them.
    held = query(site, select(Submission.id).where(Submission.status == Status.NEW))
    page = site["clients"]["worker"].get(f"/moderation/{held}").get_data(as_text=True)
    assert MARKERS["message"] in page and MARKERS["name"] in page


# Arguments that only take a few words (the admin area's buttons).
CHOICES = {"action": "switch-on", "change": "up"}


def staff_only_rules(app):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.split(".")[0]
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        if blueprint in CLOSED_TO_BOARD or rule.rule.startswith("/admin"):
            yield rule


def test_a_board_member_is_refused_every_moderation_safeguarding_response_and_admin_url(site):
    board, app = site["clients"]["board"], site["app"]
    some_id = query(site, select(Submission.id))
    rules = list(staff_only_rules(app))
    assert {r.endpoint.split(".")[0] for r in rules} >= set(CLOSED_TO_BOARD)
    for rule in rules:
        values = {
            name: some_id if name.endswith("id") else CHOICES.get(name, "x")
            for name in rule.arguments
        }
        path = rule.build(values)[1]
        for method in sorted(rule.methods & {"GET", "POST"}):
            assert board.open(path, method=method).status_code == 403, f"{method} {path}"


def test_officers_and_the_safeguarding_lead_cannot_open_the_board(site):
    for role in ("officer", "safeguarding"):
        client = site["clients"][role]
        for url in (
            "/board/",
            "/board/pack",
            "/board/figures.csv",
            "/board/submissions.csv",
            "/board/themes/home",
            "/board/quotes",
        ):
            assert client.get(url).status_code == 403, (role, url)
    assert site["clients"]["board"].get("/board/quotes").status_code == 403


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Plain words", "Plain words"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (12, "12"),
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_a_quote_in_front(value, expected):
    assert safe_cell(value) == expected


def test_csv_is_utf8_with_a_bom_and_escapes_every_cell():
    text = to_csv(("Name", "=Header"), [("Café", "-1"), ("ok", "@x")])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows == [["Name", "'=Header"], ["Café", "'-1"], ["ok", "'@x"]]


def test_the_submission_list_escapes_words_and_keeps_them_only_with_consent(site):
    with site["app"].app_context():
        answered = db.session.scalars(
            select(Submission)
            .where(
                Submission.status.in_((Status.ANSWERED, Status.CLOSED)),
                Submission.consent_publish.is_(True),
            )
            .order_by(Submission.id)
        ).first()
        answered.shared_text = "=1+2 said a young person"
        db.session.commit()
        reference = answered.reference
        sent = answered.created_at
    # Issue 17: the list of single messages is for workers; the board downloads figures.
    quarter = f"{sent.year}-{3 * ((sent.month - 1) // 3) + 1:02d}"
    url = f"/board/submissions.csv?period=quarter&quarter={quarter}"
    assert site["clients"]["board"].get(url).status_code == 403
    assert "submissions.csv" not in site["clients"]["board"].get("/board/").get_data(as_text=True)
    assert "submissions.csv" in site["clients"]["worker"].get("/board/").get_data(as_text=True)
    text = site["clients"]["worker"].get(url).get_data(as_text=True)
    rows = {row[0]: row for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))}
    assert rows[reference][-1] == "'=1+2 said a young person"
    assert rows["Reference"] == [
        "Reference",
        "Sent",
        "Sent to officer",
        "First answered",
        "Kind",
        "Themes",
        "Status",
        "Outcome",
        "Rating",
        "Words (redacted, with consent)",
    ]
    held = query(site, select(Submission.id).where(Submission.safeguarding.is_(True)), many=True)
    assert held and not any(f"V{i:05d}" in rows for i in held)


def test_a_worker_chooses_a_quote_and_the_choice_is_audited(site):
    worker = site["clients"]["worker"]
    consented = query(
        site, select(Submission).where(*quotable()).order_by(Submission.created_at.desc())
    )
    page = worker.get("/board/quotes").get_data(as_text=True)
    assert str(escape(consented.shared_text)) in page and MARKERS["unconsented"] not in page
    assert worker.post(f"/board/quotes/{consented.id}", data={"use": "yes"}).status_code == 302
    chosen = select(BoardQuote.submission_id).where(BoardQuote.submission_id == consented.id)
    assert query(site, chosen) == consented.id
    who = query(
        site,
        select(User.email)
        .join(AuditEvent, AuditEvent.user_id == User.id)
        .where(AuditEvent.action == "board_quote", AuditEvent.submission_id == consented.id),
    )
    assert who == "worker@board.example.org"
    worker.post(f"/board/quotes/{consented.id}", data={"use": "no"})
    assert query(site, chosen) is None


def test_words_without_consent_to_quote_cannot_be_chosen(site):
    worker = site["clients"]["worker"]
    unconsented = query(
        site,
        select(Submission.id).where(
            Submission.consent_quote.is_(False), Submission.shared_text.is_not(None)
        ),
    )
    page = worker.post(
        f"/board/quotes/{unconsented}", data={"use": "yes"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "said yes to being quoted" in page
    assert query(site, select(BoardQuote).where(BoardQuote.submission_id == unconsented)) is None
    assert (
        site["clients"]["board"]
        .post(f"/board/quotes/{unconsented}", data={"use": "yes"})
        .status_code
        == 403
    )


def test_the_period_picker_explains_a_mistake_and_still_shows_figures(site):
    board = site["clients"]["board"]
    # Issue 17: whole quarters only, from a list; a quarter not in it is a kind message.
    page = board.get("/board/?period=quarter&quarter=2019-01").get_data(as_text=True)
    assert "Choose one of the quarters in the list." in page
    assert "What young people raised" in page
    page = board.get("/board/?period=quarter&quarter=nonsense").get_data(as_text=True)
    assert "Choose one of the quarters in the list." in page
    this_year = utcnow().year
    page = board.get(f"/board/?period=quarter&quarter={this_year - 1}-04").get_data(as_text=True)
    assert f"April to June {this_year - 1}, compared with January to March {this_year - 1}" in page
    page = board.get("/board/?period=last_year").get_data(as_text=True)
    assert f"{this_year - 1}, compared with {this_year - 2}" in page
    # Issue 17: a year still running is its whole quarters so far, beside the same quarters
    # of the year before; the quarter running now has no figures until it ends.
    page = board.get("/board/?period=this_year").get_data(as_text=True)
    if utcnow().month > 3:
        assert f"{this_year} so far (January to " in page
        assert f"compared with January {this_year - 1} to " in page
    else:
        assert "has no whole quarter yet" in page
    page = board.get("/board/?period=this_quarter").get_data(as_text=True)
    assert "start when it ends. Here is the last whole quarter." in page
    page = board.get("/board/?period=last_12").get_data(as_text=True)
    assert "The last 12 months (" in page
