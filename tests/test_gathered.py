"""Views gathered by staff: one at a time, a meeting's several, the slips, and hearing back
through the worker."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.submissions_helpers import ORDINARY, WORRYING, theme_id
from voice.clock import add_working_days, local_time, utcnow
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Source, Status, Submission
from voice.themes.services import ensure_default_themes

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def today():
    return local_time(utcnow()).date()


def worker_page(client, path):
    ensure_default_themes()
    db.session.commit()
    html = client.get(path).get_data(as_text=True)
    return html


def one_view(**changes):
    data = {
        "source": "phone_call",
        "given_on": (today() - timedelta(days=3)).isoformat(),
        "meeting": "",
        "kind": "view",
        "theme": str(theme_id()),
        "message": ORDINARY,
        "audience": "cicc",
        "reply_by": "code",
        "asked": "y",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_worker_enters_a_view_and_gets_a_slip_with_its_code(client, signed_in):
    worker = signed_in("worker")
    worker_page(client, "/gathered/new")
    response = client.post("/gathered/new", data=one_view(), follow_redirects=True)
    html = response.get_data(as_text=True)
    submission = db.session.scalars(select(Submission)).one()
    code = re.search(r'class="slip-code">([^<]+)<', html).group(1)
    assert submissions.find_case(code).id == submission.id
    assert submission.source == Source.PHONE_CALL and submission.entered_by_id == worker.id
    # The young person's clock started the day they gave it, not the day it was typed in.
    given = today() - timedelta(days=3)
    assert submission.given_on == given
    assert submission.due_on == submissions.due_date(given)
    assert f"We will reply by {submission.due_on:%A} {submission.due_on.day}" in html
    # Shown once: the code is gone when the page is opened again.
    again = client.get("/gathered/slips", follow_redirects=True).get_data(as_text=True)
    assert code not in again and "shown once" in again


def test_a_gathered_view_gets_the_same_disclosure_check(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/new")
    client.post("/gathered/new", data=one_view(message=WORRYING))
    submission = db.session.scalars(select(Submission)).one()
    assert submission.status == Status.SAFEGUARDING
    slips = client.get("/gathered/slips").get_data(as_text=True)
    assert f"{submission.reference}</strong>: shows signs" in slips


def test_the_worker_must_say_the_young_person_answered_and_nothing_typed_is_lost(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/new")
    html = client.post("/gathered/new", data=one_view(asked=None)).get_data(as_text=True)
    assert "Ask the young person the questions, then tick the box." in html
    assert ORDINARY.replace("'", "&#39;") in html
    assert db.session.scalar(select(Submission)) is None


def test_a_future_day_is_refused_kindly(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/new")
    tomorrow = (today() + timedelta(days=1)).isoformat()
    html = client.post("/gathered/new", data=one_view(given_on=tomorrow)).get_data(as_text=True)
    assert "can&#39;t be in the future" in html


def meeting(entries, **common):
    data = {
        "source": "cicc_meeting",
        "given_on": today().isoformat(),
        "meeting": "December CiCC",
        "asked": "y",
        "batch": "meeting-batch-1",
        **common,
    }
    for number, entry in enumerate(entries):
        for key, value in entry.items():
            data[f"entries-{number}-{key}"] = value
    return data


def entry(message, **changes):
    return {"message": message, "kind": "idea", "theme": str(theme_id()), "reply_by": "code"}


def test_a_meeting_saves_every_filled_entry_with_a_slip_each(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/meeting")
    response = client.post(
        "/gathered/meeting",
        data=meeting([entry("More trips in the holidays."), {"message": ""}, entry("Wifi.")]),
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    saved = db.session.scalars(select(Submission).order_by(Submission.id)).all()
    assert [s.message for s in saved] == ["More trips in the holidays.", "Wifi."]
    assert {s.meeting for s in saved} == {"December CiCC"}
    assert {s.source for s in saved} == {Source.CICC_MEETING}
    assert len(re.findall(r'class="slip-code"', html)) == 2


def test_a_mistake_in_one_entry_saves_none_and_keeps_them_all(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/meeting")
    no_theme = {"message": "Second one has no theme.", "kind": "view"}
    html = client.post(
        "/gathered/meeting", data=meeting([entry("First one is fine."), no_theme])
    ).get_data(as_text=True)
    assert db.session.scalar(select(Submission)) is None
    assert "Nothing has been saved yet, so nothing is lost" in html
    assert "First one is fine." in html and "Second one has no theme." in html
    assert "Choose what it is about." in html


def test_a_meeting_sent_twice_saves_each_view_once(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/meeting")
    data = meeting([entry("Only once please.")])
    client.post("/gathered/meeting", data=data)
    first = client.get("/gathered/slips").get_data(as_text=True)
    code = re.search(r'class="slip-code">([^<]+)<', first).group(1)
    again = client.post("/gathered/meeting", data=data, follow_redirects=True)
    assert len(db.session.scalars(select(Submission)).all()) == 1
    # No slip with a code that would open nothing: the first slip was the only true one.
    html = again.get_data(as_text=True)
    assert "slip-code" not in html and "was saved before" in html
    assert submissions.find_case(code) is not None


def test_the_worker_is_told_when_there_is_news_for_a_young_person_who_hears_back_through_them(
    client, signed_in
):
    worker = signed_in("worker")
    worker_page(client, "/gathered/new")
    client.post("/gathered/new", data=one_view(reply_by="worker"))
    submission = db.session.scalars(select(Submission)).one()
    moderation.decline(submission, by=worker, reason="cannot_act")
    db.session.commit()
    told = db.session.scalars(select(Notification).where(Notification.kind == "news_for_worker"))
    assert [n.recipient for n in told] == [f"user:{worker.id}"]


def test_a_declined_young_person_who_chose_a_text_hears_there_is_news(app, make_user):
    from tests.submissions_helpers import make_submission
    from voice.submissions.models import ReplyBy

    worker = make_user("worker")
    submission = make_submission(reply_by=ReplyBy.TEXT, contact="+447700900123")
    moderation.decline(submission, by=worker, reason="cannot_act")
    db.session.commit()
    news = db.session.scalars(select(Notification).where(Notification.kind.like("news%"))).all()
    assert [(n.kind, n.recipient) for n in news] == [
        ("news_for_young_person", f"submission:{submission.id}")
    ]
    assert ORDINARY not in str(news[0].payload)


def test_a_declined_young_person_who_chose_their_code_gets_no_text(app, make_user):
    from tests.submissions_helpers import make_submission

    worker = make_user("worker")
    submission = make_submission()
    moderation.decline(submission, by=worker, reason="cannot_act")
    db.session.commit()
    assert db.session.scalar(select(Notification).where(Notification.kind.like("news%"))) is None


def test_the_queue_filters_by_source_and_the_board_counts_by_source(client, signed_in):
    from tests.submissions_helpers import make_submission
    from voice.gathered.figures import by_source

    signed_in("worker")
    make_submission("Sent online.")
    make_submission("Said on the phone.", source=Source.PHONE_CALL)
    html = client.get("/moderation/?source=phone_call").get_data(as_text=True)
    assert "1 submission" in html
    start = utcnow() - timedelta(days=1)
    assert dict(by_source(start, utcnow() + timedelta(days=1))) == {
        "Voice online": 1,
        "A phone call": 1,
    }


def test_the_due_date_follows_the_working_day_rule_from_the_day_given(app):
    given = today() - timedelta(days=1)
    assert submissions.due_date(given) == add_working_days(
        given, app.config["RESPONSE_TARGET_DAYS"]
    )


def test_the_board_page_shows_sources_and_referrals_with_small_counts_hidden(client, signed_in):
    from tests.submissions_helpers import make_submission

    signed_in("board")
    from datetime import datetime, time

    from voice.board import periods
    from voice.clock import utcnow

    # Sent in the board's default period, the last whole quarter.
    start = periods.named(periods.DEFAULT, utcnow().date()).start
    said = make_submission("Said on the phone.", source=Source.PHONE_CALL, wants_advocate=True)
    said.created_at = datetime.combine(start, time(12))
    db.session.commit()
    html = client.get("/board/").get_data(as_text=True)
    assert "How young people gave their views" in html
    assert "A phone call</td><td>fewer than" in html
    assert "Young people who asked for an advocate: fewer than" in html


def test_the_review_page_says_where_a_gathered_view_came_from_and_who_typed_it(client, signed_in):
    worker = signed_in("worker")
    worker_page(client, "/gathered/new")
    client.post("/gathered/new", data=one_view(meeting="Tuesday drop-in"))
    submission = db.session.scalars(select(Submission)).one()
    html = client.get(f"/moderation/{submission.id}").get_data(as_text=True)
    assert "Gathered: A phone call (Tuesday drop-in)" in html
    assert f"typed in by {worker.display_name}" in html
    staff_links = client.get("/staff/").get_data(as_text=True)
    assert 'href="/gathered/new"' in staff_links and 'href="/advocacy/"' in staff_links


def test_where_it_was_given_must_be_chosen_not_taken_by_default(client, signed_in):
    signed_in("worker")
    html = worker_page(client, "/gathered/new")
    assert '<option selected value="">Choose where</option>' in html or (
        '<option value="">Choose where</option>' in html
    )
    html = client.post("/gathered/new", data=one_view(source="")).get_data(as_text=True)
    assert "Choose where the young person gave their view." in html


def test_a_young_person_who_says_they_are_not_safe_goes_to_the_lead_as_online(client, signed_in):
    signed_in("worker")
    worker_page(client, "/gathered/new")
    client.post("/gathered/new", data=one_view(safe_now="no"))
    submission = db.session.scalars(select(Submission)).one()
    assert submission.status == Status.SAFEGUARDING
