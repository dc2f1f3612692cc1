"""Workers build agendas for the Children in Care Council and the board, record what each
meeting decided, and the young person whose message was discussed reads the outcome."""

import html
import re
from datetime import timedelta

import pytest

from tests.submissions_helpers import make_submission, theme_id
from voice.agendas.models import AgendaItem, Meeting
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.submissions.models import ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

SHARED = "The wifi goes off at 9pm so homework is hard to finish."
OUTCOME = "The council agreed that wifi in every placement stays on until 11pm."


def page(response):
    """The page as a person reads it (entities such as &#39; turned back into characters)."""
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def worker(make_user):
    return make_user("worker", name="Sam Patel")


def read_by_worker(worker, **changes):
    submission = make_submission(message="My name is Kyle Marsh. " + SHARED, **changes)
    moderation.moderate(submission, worker, SHARED, [theme_id()], [])
    db.session.commit()
    return submission


def token(html):
    """The page's CSRF token (the tests switch CSRF off, so it may have none)."""
    match = re.search(r'csrf_token"[^>]*?value="([^"]+)"', html)
    return match.group(1) if match else ""


def plan(client, days_ahead=7, body="cicc"):
    day = utcnow().date() + timedelta(days=days_ahead)
    text = page(client.get("/agendas/new"))
    response = client.post(
        "/agendas/new",
        data={"csrf_token": token(text), "body": body, "held_on": day.isoformat(), "title": ""},
    )
    assert response.status_code == 302
    return db.session.query(Meeting).order_by(Meeting.id.desc()).first()


def post(client, meeting, prefix, **fields):
    text = page(client.get(f"/agendas/{meeting.id}"))
    data = {f"{prefix}-csrf_token": token(text)}
    data.update({f"{prefix}-{k}": v for k, v in fields.items()})
    return client.post(f"/agendas/{meeting.id}", data=data, follow_redirects=True)


def young_person(app, submission):
    other = app.test_client()
    with other.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": utcnow().timestamp()}
    return page(other.get("/check/case"))


def hold_meeting(meeting, days_ago=1):
    meeting.held_on = utcnow().date() - timedelta(days=days_ago)
    db.session.commit()


def test_build_an_agenda_hold_the_meeting_and_the_young_person_reads_what_was_decided(
    app, client, sign_in, worker
):
    sign_in(worker)
    submission = read_by_worker(worker)
    meeting = plan(client)
    assert "Add the message" in page(
        post(client, meeting, "message", reference=submission.reference, add="y")
    )
    post(client, meeting, "theme", theme=str(theme_id("school")), add="y")
    agenda = page(client.get(f"/agendas/{meeting.id}"))
    # The agenda can be printed for the meeting: the shared version only, never the name.
    assert SHARED in agenda and "Kyle Marsh" not in agenda
    assert "Theme: School" in agenda
    assert "will be talked about at the Children in Care Council" in young_person(app, submission)

    hold_meeting(meeting)
    item = meeting.items[0]
    done = page(post(client, meeting, "outcome", item=str(item.id), outcome=OUTCOME, save="y"))
    assert "Saved." in done
    seen = young_person(app, submission)
    assert "was talked about at the Children in Care Council" in seen and OUTCOME in seen


def test_outcome_cannot_be_recorded_before_the_meeting_and_an_empty_one_keeps_the_page(
    client, sign_in, worker
):
    sign_in(worker)
    submission = read_by_worker(worker)
    meeting = plan(client)
    post(client, meeting, "message", reference=submission.reference, add="y")
    item = meeting.items[0]
    early = page(post(client, meeting, "outcome", item=str(item.id), outcome=OUTCOME, save="y"))
    assert "once the meeting has happened" in early
    assert db.session.get(AgendaItem, item.id).outcome is None

    hold_meeting(meeting)
    empty = page(post(client, meeting, "outcome", item=str(item.id), outcome="  ", save="y"))
    assert "There is a problem" in empty and "Write what the meeting decided." in empty
    assert f'href="#outcome-{item.id}"' in empty
    # After the meeting the agenda is fixed: nothing can be added or taken off.
    other = read_by_worker(worker)
    refused = page(post(client, meeting, "remove", item=str(item.id), remove="y"))
    assert "This meeting has happened" in refused
    assert len(db.session.get(Meeting, meeting.id).items) == 1
    assert "Add the message" not in page(client.get(f"/agendas/{meeting.id}"))
    assert other.id not in [i.submission_id for i in meeting.items]


@pytest.mark.parametrize(
    "reference, says",
    [
        ("V99999", "There is no message with that reference."),
        ("V0000000001", "There is no message with that reference."),
        ("V" + "9" * 40, "A reference is a V and a number, like V00042."),
        ("", "reference, for example V00042."),
    ],
)
def test_adding_a_message_that_is_not_there_says_so(client, sign_in, worker, reference, says):
    sign_in(worker)
    meeting = plan(client)
    assert says in page(post(client, meeting, "message", reference=reference, add="y"))
    assert meeting.items == []


def test_held_new_or_taken_back_messages_never_go_on_an_agenda(client, sign_in, worker):
    sign_in(worker)
    meeting = plan(client)
    unread = make_submission()
    held = read_by_worker(worker)
    moderation.flag_for_safeguarding(held, worker, "Worried about this.")
    db.session.commit()
    for submission in (unread, held):
        refused = page(post(client, meeting, "message", reference=submission.reference, add="y"))
        assert "can't go on an agenda" in refused
    assert db.session.get(Meeting, meeting.id).items == []


def test_the_same_message_goes_on_once_and_can_be_taken_off_before_the_meeting(
    client, sign_in, worker
):
    sign_in(worker)
    submission = read_by_worker(worker)
    meeting = plan(client)
    post(client, meeting, "message", reference=submission.reference, add="y")
    again = page(post(client, meeting, "message", reference=submission.reference, add="y"))
    assert "already on this agenda" in again
    item = db.session.get(Meeting, meeting.id).items[0]
    post(client, meeting, "remove", item=str(item.id), remove="y")
    assert db.session.get(Meeting, meeting.id).items == []


def test_an_item_of_another_meeting_is_not_found(client, sign_in, worker):
    sign_in(worker)
    submission = read_by_worker(worker)
    first, second = plan(client), plan(client, days_ahead=14)
    post(client, first, "message", reference=submission.reference, add="y")
    item = db.session.get(Meeting, first.id).items[0]
    assert post(client, second, "remove", item=str(item.id), remove="y").status_code == 404
    assert post(client, second, "remove", item="x1", remove="y").status_code == 404


def test_a_young_person_who_asked_for_a_text_hears_there_is_news_once(app, client, sign_in, worker):
    sign_in(worker)
    submission = read_by_worker(worker, reply_by=ReplyBy.TEXT, contact="07700900123")
    meeting = plan(client)
    post(client, meeting, "message", reference=submission.reference, add="y")
    hold_meeting(meeting)
    item = meeting.items[0]
    post(client, meeting, "outcome", item=str(item.id), outcome=OUTCOME, save="y")
    post(
        client, meeting, "outcome", item=str(item.id), outcome=OUTCOME + " From January.", save="y"
    )
    news = db.session.query(Notification).filter_by(kind="news_for_young_person").all()
    assert [n.recipient for n in news] == [f"submission:{submission.id}"]
    # The outcome is not in the notification: only that there is news.
    assert OUTCOME not in str(news[0].payload)


def test_a_taken_back_message_shows_nothing_about_meetings(app, client, sign_in, worker):
    sign_in(worker)
    submission = read_by_worker(worker)
    meeting = plan(client)
    post(client, meeting, "message", reference=submission.reference, add="y")
    from voice.submissions import life_cycle

    life_cycle.transition(submission, Status.WITHDRAWN)
    db.session.commit()
    assert "Children in Care Council on" not in young_person(app, submission)


@pytest.mark.parametrize("role", ["officer", "board", "safeguarding"])
def test_only_workers_and_admins_build_agendas(client, signed_in, role):
    signed_in(role)
    assert client.get("/agendas/").status_code == 403
    assert client.get("/agendas/new").status_code == 403
