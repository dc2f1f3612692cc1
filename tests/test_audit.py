"""The audit log: sign-ins land in it, admins read and filter it at /admin/audit, and nothing
can change or delete what is in it."""

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import delete, func, select, update

from tests.conftest import PASSWORD, code_for, enter_code
from tests.submissions_helpers import send
from voice.audit import services as audit_log
from voice.audit.models import AuditEvent, AuditLogIsAppendOnly
from voice.auth.models import Role
from voice.extensions import db
from voice.submissions.models import Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

TYPED_PASSWORD = "Tr0ub4dor&3-xyzzy-plugh"


def events(action=None):
    query = select(AuditEvent).order_by(AuditEvent.id)
    if action:
        query = query.where(AuditEvent.action == action)
    return db.session.scalars(query).all()


def rows(response):
    """Each row of the audit table as its cells' text."""
    html = response.get_data(as_text=True)
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S)
    if not body:
        return []
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<td>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)
    ]


def whats(response):
    return [row[2] for row in rows(response)]


def add_event(at, action="read_original", user=None, submission_id=None, detail=""):
    """An event at a chosen time. Inserting is allowed; only changing and deleting are not."""
    event = AuditEvent(
        at=at,
        action=action,
        user_id=user.id if user else None,
        role=user.role.value if user else None,
        submission_id=submission_id,
        detail=detail,
    )
    db.session.add(event)
    return event


# --- Sign-ins -------------------------------------------------------------------------------


def test_signing_in_records_who_and_their_role(make_user, sign_in):
    officer = make_user("officer")
    assert sign_in(officer).status_code == 302
    [event] = events()
    assert (event.action, event.user_id, event.role) == ("sign_in", officer.id, "officer")


def test_a_wrong_password_is_recorded_against_the_account_but_the_password_is_not(
    make_user, sign_in
):
    worker = make_user("worker")
    assert sign_in(worker, password=TYPED_PASSWORD).status_code == 200
    [event] = events()
    assert (event.action, event.user_id, event.role) == ("sign_in_failed", worker.id, "worker")
    assert "password step" in event.detail
    assert TYPED_PASSWORD not in event.detail and PASSWORD not in event.detail


def test_an_unknown_address_is_recorded_with_its_domain_only(client):
    client.post("/staff/login", data={"email": "jo.bloggs@mail.example", "password": PASSWORD})
    # Someone typing their password into the e-mail box leaves no trace of it either.
    client.post("/staff/login", data={"email": TYPED_PASSWORD, "password": PASSWORD})
    first, second = events("sign_in_failed")
    assert first.user_id is None and first.role is None
    assert "mail.example" in first.detail and "jo.bloggs" not in first.detail
    assert "not an e-mail address" in second.detail
    assert all(TYPED_PASSWORD not in event.detail for event in events())


def test_a_wrong_code_is_recorded_and_the_pause_is_noted(app, client, make_user):
    app.config["LOGIN_MAX_FAILURES"] = 2
    admin = make_user("admin")
    first = client.post("/staff/login", data={"email": admin.email, "password": PASSWORD})
    wrong = "000000" if code_for(admin) != "000000" else "111111"
    for _ in range(2):
        assert enter_code(client, admin, first.location, code=wrong).status_code == 200
    wrong_code, paused = events("sign_in_failed")
    assert wrong_code.user_id == admin.id and wrong_code.detail == "code from the app"
    assert paused.detail == "code from the app; signing in to this account is paused"
    assert events("sign_in") == []


def test_a_switched_off_account_is_noted(make_user, sign_in):
    gone = make_user("board", active=False)
    sign_in(gone)
    [event] = events("sign_in_failed")
    assert event.user_id == gone.id and "switched off" in event.detail


# --- Recording ------------------------------------------------------------------------------


def test_an_event_goes_with_the_transaction_it_belongs_to(app, make_user):
    worker = make_user("worker")
    audit_log.record("read_original", by=worker, submission=7)
    db.session.rollback()  # the change it recorded did not happen, so neither did the read
    assert events() == []


def test_a_misspelt_action_is_refused_not_logged(app):
    with pytest.raises(ValueError, match="ACTIONS"):
        audit_log.record("sign-in")


def test_a_long_detail_is_shortened_to_fit(app):
    event = audit_log.record("transition", detail="x" * 1000)
    db.session.commit()
    assert len(event.detail) == 300 and event.detail.endswith("…")


def test_erasing_a_submission_leaves_its_audit_trail(client, make_user):
    worker = make_user("worker")
    send(client)
    submission = db.session.scalar(select(Submission))
    audit_log.record("read_original", by=worker, submission=submission)
    db.session.commit()
    number = submission.id
    db.session.delete(submission)
    audit_log.record("erasure", by=worker, submission=number)
    db.session.commit()
    assert [e.submission_id for e in events()] == [number, number]


# --- Append-only ----------------------------------------------------------------------------


@pytest.fixture
def logged(app, make_user):
    audit_log.record("read_original", by=make_user("worker"), submission=3, detail="as it was")
    db.session.commit()
    return events()[0]


def test_an_event_cannot_be_changed(logged):
    logged.detail = "rewritten"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(update(AuditEvent).values(detail="rewritten"))
    db.session.rollback()
    assert db.session.scalar(select(AuditEvent.detail)) == "as it was"


def test_an_event_cannot_be_deleted(logged):
    db.session.delete(logged)
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.execute(delete(AuditEvent))
    db.session.rollback()
    assert db.session.scalar(select(func.count(AuditEvent.id))) == 1


# --- The page -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
def test_only_admins_may_read_the_log(client, signed_in, role):
    signed_in(role)
    assert client.get("/admin/audit").status_code == 403


def test_strangers_are_sent_to_sign_in(client):
    response = client.get("/admin/audit")
    assert response.status_code == 302 and "/staff/login?next=" in response.location


@pytest.fixture
def admin_page(client, signed_in):
    """Signed in as an admin; returns a function that opens /admin/audit with filters."""
    admin = signed_in("admin")

    def open_page(**args):
        return client.get("/admin/audit", query_string=args)

    open_page.admin = admin
    return open_page


def test_the_log_lists_newest_first_on_the_councils_clock(admin_page, make_user):
    worker = make_user("worker", email="sam@council.example")
    add_event(datetime(2025, 7, 1, 13, 5), "routing", worker, 42, "Housing / jo@council.example")
    add_event(datetime(2025, 11, 24, 14, 5), "read_original", worker, 42)
    db.session.commit()
    sign_in_row, read, routed = rows(admin_page())
    assert sign_in_row[1].startswith(admin_page.admin.email) and sign_in_row[2] == "Signed in"
    assert read == [
        "Mon 24 Nov 2025 14:05",
        "sam@council.example Participation worker",
        "Read the original",
        "V00042",
        "",
    ]
    assert routed[0] == "Tue 1 Jul 2025 14:05"  # British Summer Time
    assert routed[4] == "Housing / jo@council.example"


def test_filters_narrow_the_list(admin_page, make_user):
    sam, kim = make_user("worker", email="sam@council.example"), make_user("safeguarding")
    add_event(datetime(2026, 6, 30, 23, 30), "read_original", sam, 7)  # 1 July, 00:30 in the UK
    add_event(datetime(2026, 7, 2, 9, 0), "redaction", sam, 8)
    add_event(datetime(2026, 7, 3, 9, 0), "safeguarding_record", kim, 7)
    db.session.commit()
    assert whats(admin_page(action="redaction")) == ["Redacted"]
    assert whats(admin_page(email=" SAM@council.example ")) == ["Redacted", "Read the original"]
    assert (
        whats(admin_page(submission="V00007"))
        == whats(admin_page(submission="7"))
        == ["Safeguarding record", "Read the original"]
    )
    assert whats(admin_page(date_from="2026-07-01", date_to="2026-07-02")) == [
        "Redacted",
        "Read the original",
    ]
    assert whats(admin_page(date_to="2026-06-30")) == []
    assert whats(admin_page(action="read_original", submission="8")) == []


def test_filters_that_make_no_sense_say_why_and_list_nothing(admin_page):
    response = admin_page(
        email="nobody@council.example",
        date_from="2026-07-02",
        date_to="2026-07-01",
        submission="seven",
    )
    html = response.get_data(as_text=True)
    assert "No staff account has that e-mail address." in html
    assert "must be the same as the ‘from’ date or after it" in html
    assert "Enter a submission like V00042." in html
    assert rows(response) == [] and "<title>Error:" in html


def older_link(response):
    match = re.search(r'href="([^"]*older=\d+[^"]*)"', response.get_data(as_text=True))
    return match.group(1).replace("&amp;", "&") if match else None


def newer_link(response):
    match = re.search(r'href="([^"]*newer=\d+[^"]*)"', response.get_data(as_text=True))
    return match.group(1).replace("&amp;", "&") if match else None


def test_paging_walks_every_event_once_even_when_many_share_a_moment(admin_page, client):
    same_moment = datetime(2026, 11, 23, 14, 5)
    for number in range(1, 121):
        add_event(same_moment - timedelta(minutes=number // 40), submission_id=number)
    db.session.commit()
    seen, response, pages = [], admin_page(action="read_original"), []
    while True:
        pages.append(rows(response))
        seen += [row[3] for row in pages[-1]]
        if not older_link(response):
            break
        assert "action=read_original" in older_link(response)
        response = client.get(older_link(response))
    assert [len(page) for page in pages] == [50, 50, 20]
    assert sorted(seen) == sorted(f"V{n:05d}" for n in range(1, 121))
    back = client.get(newer_link(response))
    assert rows(back) == pages[1]
    assert newer_link(admin_page()) is None


def test_admin_sees_their_own_sign_in_on_an_empty_log(admin_page):
    [row] = rows(admin_page())
    assert row[2] == "Signed in" and "Older events" not in admin_page().get_data(as_text=True)
