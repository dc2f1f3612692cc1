"""Data rights, retention and backups: a young person's copy, erasure on request, purge,
backup and restore."""

import json
import secrets
import threading
import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text

from tests.conftest import settings_for
from tests.submissions_helpers import make_submission, send
from voice import create_app
from voice.audit.models import AuditEvent
from voice.clock import utcnow
from voice.extensions import db
from voice.privacy import backup as copies
from voice.privacy import services
from voice.safeguarding.models import SafeguardingAction, SafeguardingRecord
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Contact, Redaction, ReplyBy, Status, StatusChange, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

WORDS = "My foster carer won't let me see my sister at weekends."
CONTACT = "young.person@example.net"


def html(response):
    return response.get_data(as_text=True)


def opened(client, **changes):
    _, code = send(client, message=WORDS, **changes)
    client.post("/check", data={"code": code})
    return db.session.scalars(select(Submission).where(Submission.message == WORDS)).one()


# --- The young person's copy ------------------------------------------------------------


def test_the_download_needs_a_case_opened_with_its_code(client):
    send(client, message=WORDS)
    for url in ("/check/download", "/check/download.json"):
        response = client.get(url)
        assert response.status_code == 302 and response.location.endswith("/check")


def test_the_case_page_links_to_a_printable_copy_with_their_words(client):
    opened(client)
    case = html(client.get("/check/case"))
    assert "Get a copy of all we keep about this message" in case
    page = html(client.get("/check/download"))
    assert "What we hold about your message" in page
    # Both name the message as the share form did.
    assert "My view about " in case and "My view about " in page
    assert "foster carer won&#39;t let me see my sister" in page


def test_the_json_copy_is_theirs_and_names_no_staff(client, make_user):
    submission = opened(client)
    worker = make_user("worker", email="named.worker@council.example", name="Pat Worker")
    submissions.transition(submission, Status.MODERATED, by=worker, note="Read by Pat")
    submission.shared_text = "Someone can't see their sister."
    db.session.commit()
    response = client.get("/check/download.json")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.get_data(as_text=True))
    assert data["message"] == WORDS and data["shared_version"].startswith("Someone")
    assert [step["to"] for step in data["history"]] == ["new", "moderated"]
    assert data["responses"] == []
    body = response.get_data(as_text=True)
    assert "council.example" not in body and "Pat" not in body


def test_a_released_answer_is_in_the_copy_but_a_draft_and_the_officer_are_not(client, make_user):
    from voice.responses.models import Action, Decision, Response, ResponseStatus

    submission = opened(client)
    officer = make_user("officer", email="olive@council.example", name="Olive Officer")
    for status, words in (
        (ResponseStatus.RELEASED, "We will fix the wifi timer."),
        (ResponseStatus.DRAFT, "A draft nobody has checked."),
    ):
        db.session.add(
            Response(
                submission_id=submission.id,
                officer_id=officer.id,
                decision=Decision.DO,
                explanation=words,
                team_name="Placements team",
                show_officer_name=True,
                status=status,
                released_at=utcnow() if status == ResponseStatus.RELEASED else None,
                actions=[Action(what="Change the router", team="IT", due_on=utcnow().date())],
            )
        )
    db.session.commit()
    data = json.loads(html(client.get("/check/download.json")))
    assert [r["answer"] for r in data["responses"]] == ["We will fix the wifi timer."]
    assert data["responses"][0]["actions"][0]["what"] == "Change the router"
    page = html(client.get("/check/download"))
    assert "We will fix the wifi timer." in page and "A draft" not in page
    assert "Olive" not in page and "Olive" not in json.dumps(data)


def test_another_young_persons_case_is_not_in_the_copy(client):
    make_submission("Someone else's words.")
    opened(client)
    assert "Someone else" not in html(client.get("/check/download.json"))


def test_no_internet_address_is_kept_with_a_message(client):
    client.environ_base["REMOTE_ADDR"] = "203.0.113.77"
    _, code = send(client, message=WORDS)
    client.post("/check", data={"code": code})
    everything = "".join(
        str(row)
        for table in db.metadata.sorted_tables
        for row in db.session.execute(table.select()).all()
    )
    assert "see my sister" in everything  # the message itself was read
    assert "203.0.113.77" not in everything


def test_the_privacy_page_says_what_we_keep_and_for_how_long(client):
    page = html(client.get("/privacy"))
    assert "What we keep" in page and "How long we keep it" in page
    assert "We don't keep your internet address" in page


# --- Erasure on request -----------------------------------------------------------------


def a_full_submission(make_user):
    submission = make_submission(WORDS, name="Jess", reply_by=ReplyBy.EMAIL, contact=CONTACT)
    lead = make_user("safeguarding")
    submission.shared_text = "Someone can't see their sister."
    submission.redactions.append(Redaction(before=WORDS, after=submission.shared_text))
    db.session.add(
        SafeguardingRecord(
            submission_id=submission.id,
            by_id=lead.id,
            action=SafeguardingAction.NO_CONCERN,
            note="Spoke to Jess's carer.",
        )
    )
    db.session.commit()
    return submission


def test_a_worker_erases_words_name_and_contact_but_the_counts_stay(client, signed_in, make_user):
    submission = a_full_submission(make_user)
    theme, created = submission.themes[0].id, submission.created_at
    worker = signed_in("worker")
    page = html(client.get(f"/privacy/erase/{submission.id}"))
    assert "message" in page and "contact" in page and "safeguarding notes" in page
    done = client.post(
        f"/privacy/erase/{submission.id}", data={"asked": "y"}, follow_redirects=True
    )
    assert "erased" in html(done)
    db.session.expire_all()
    submission = db.session.get(Submission, submission.id)
    assert submission.message == submission.shared_text == services.ERASED
    assert submission.name is None and db.session.get(Contact, submission.id) is None
    assert submission.redactions[0].before == submission.redactions[0].after == services.ERASED
    assert db.session.scalars(select(SafeguardingRecord)).one().note == ""
    assert submission.themes[0].id == theme and submission.created_at == created
    assert submission.status == Status.NEW and submission.kind.value == "view"
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).one()
    assert event.user_id == worker.id and event.submission_id == submission.id
    assert "message" in event.detail and "contact" in event.detail
    assert "sister" not in event.detail and CONTACT not in event.detail
    assert "Jess" not in event.detail


def test_erasing_needs_the_young_persons_request_ticked(client, signed_in, make_user):
    submission = a_full_submission(make_user)
    signed_in("admin")
    page = html(client.post(f"/privacy/erase/{submission.id}", data={}))
    assert "Tick the box to say the young person asked for this." in page
    db.session.expire_all()
    assert db.session.get(Submission, submission.id).message == WORDS
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.action == "erasure")).all() == []


@pytest.mark.parametrize("role", ["officer", "board"])
def test_officers_and_the_board_cannot_erase(client, signed_in, role):
    submission = make_submission(WORDS)
    signed_in(role)
    assert client.get(f"/privacy/erase/{submission.id}").status_code == 403
    assert client.post(f"/privacy/erase/{submission.id}", data={"asked": "y"}).status_code == 403
    db.session.expire_all()
    assert db.session.get(Submission, submission.id).message == WORDS


def test_strangers_are_sent_to_sign_in(client):
    submission = make_submission(WORDS)
    response = client.post(f"/privacy/erase/{submission.id}", data={"asked": "y"})
    assert response.status_code == 302 and "/staff/login" in response.location


# --- Retention --------------------------------------------------------------------------


def finished_long_ago(app, days, **changes):
    submission = make_submission(WORDS, **changes)
    submissions.transition(submission, Status.WITHDRAWN)
    for change in submission.changes:
        change.at -= timedelta(days=days)
    db.session.commit()
    return submission


def test_purge_dry_run_says_what_would_go_and_changes_nothing(app):
    old = finished_long_ago(app, 800, reply_by=ReplyBy.TEXT, contact="07700900123")
    recent = finished_long_ago(app, 10)
    still_open = make_submission(WORDS)
    runner = app.test_cli_runner()
    dry = runner.invoke(args=["purge", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "Would have: 1 messages cleared" in dry.output
    assert "1 contact details deleted" in dry.output
    db.session.expire_all()
    assert db.session.get(Submission, old.id).message == WORDS
    assert db.session.get(Contact, old.id) is not None

    real = runner.invoke(args=["purge"])
    assert "1 messages cleared" in real.output and "1 contact details deleted" in real.output
    db.session.expire_all()
    assert db.session.get(Submission, old.id).message == services.PURGED
    assert db.session.get(Contact, old.id) is None
    assert db.session.get(Submission, old.id).status == Status.WITHDRAWN  # still counted
    assert db.session.get(Submission, recent.id).message == WORDS
    assert db.session.get(Submission, still_open.id).message == WORDS
    again = runner.invoke(args=["purge"])
    assert "0 messages cleared" in again.output and "0 contact details deleted" in again.output
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "purge")).all()
    assert len(events) == 1 and "sister" not in events[0].detail


def test_purge_takes_a_board_quote_with_the_words_it_pointed_at(app, make_user):
    from voice.board.models import BoardQuote

    old = finished_long_ago(app, 800, consent_quote=True)
    db.session.add(BoardQuote(submission_id=old.id, chosen_by_id=make_user("worker").id))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["purge"])
    assert "1 board quotes removed" in result.output, result.output
    db.session.expire_all()
    assert db.session.get(BoardQuote, old.id) is None


def test_retention_days_is_a_setting(tmp_path):
    app = create_app(settings_for(tmp_path, RETENTION_DAYS=5))
    assert app.config["RETENTION_DAYS"] == 5
    assert create_app(settings_for(tmp_path)).config["RETENTION_DAYS"] == 730


# --- Backups ----------------------------------------------------------------------------


def rows():
    """{id: (message, status, created_at, code_hash)} and {id: number of status changes}."""
    found = db.session.execute(
        select(
            Submission.id,
            Submission.message,
            Submission.status,
            Submission.created_at,
            Submission.code_hash,
        )
    ).all()
    changes = db.session.execute(
        select(StatusChange.submission_id, func.count()).group_by(StatusChange.submission_id)
    ).all()
    return {r[0]: tuple(r[1:]) for r in found}, dict(changes)


def keep_writing(app, stop, written):
    with app.app_context():
        while not stop.is_set():
            written.append(make_submission(f"Message number {len(written)}").id)
        db.session.remove()


@contextmanager
def fresh_database(tmp_path):
    """An app on a new, empty database of the same kind as the test's."""
    folder = tmp_path / "fresh"
    folder.mkdir()
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        yield create_app(settings_for(folder))
        return
    name = f"voice_restored_{secrets.token_hex(4)}"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    uri = url.set(database=name).render_as_string(hide_password=False)
    try:
        yield create_app(settings_for(folder, SQLALCHEMY_DATABASE_URI=uri))
    finally:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def test_a_backup_under_load_restores_an_intact_prefix(app, tmp_path):
    make_submission("Before the backup.")
    stop, written = threading.Event(), []
    writer = threading.Thread(target=keep_writing, args=(app, stop, written))
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.01)
        path = str(tmp_path / "voice.backup")
        result = app.test_cli_runner().invoke(args=["backup", path])
        assert result.exit_code == 0, result.output
        while len(written) < 40:  # and writing goes on after it
            time.sleep(0.01)
    finally:
        stop.set()
        writer.join(timeout=30)
    db.session.remove()
    source, source_changes = rows()

    with fresh_database(tmp_path) as restored_app, restored_app.app_context():
        result = restored_app.test_cli_runner().invoke(args=["restore", "--yes", path])
        assert result.exit_code == 0, result.output
        restored, restored_changes = rows()
        db.session.remove()
        db.engine.dispose()
    assert 21 <= len(restored) < len(source)  # taken while the writing went on
    assert sorted(restored) == list(range(1, len(restored) + 1))  # a prefix, no gaps
    for row_id, row in restored.items():
        assert row == source[row_id]  # every row intact and equal to the source's
        # A submission and its first status change are one transaction, so a snapshot never
        # holds one without the other.
        assert restored_changes.get(row_id) == source_changes[row_id] == 1


@pytest.mark.postgres
def test_a_postgresql_backup_is_a_dump_with_the_submissions(app, tmp_path):
    make_submission(WORDS)
    path = str(tmp_path / "voice.dump")
    result = app.test_cli_runner().invoke(args=["backup", path])
    assert result.exit_code == 0, result.output
    listing = copies.subprocess.run(
        [copies._find("pg_restore"), "--list", path], capture_output=True, text=True, check=True
    ).stdout
    assert "TABLE public submission" in listing or "TABLE DATA public submission" in listing


@pytest.mark.postgres
def test_restoring_postgresql_asks_for_yes(app, tmp_path):
    path = tmp_path / "x.dump"
    path.write_bytes(b"")
    result = app.test_cli_runner().invoke(args=["restore", str(path)])
    assert result.exit_code != 0 and "--yes" in result.output
