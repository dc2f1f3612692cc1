"""An agenda takes a group of messages saying the same thing as one item (issue 18): everyone
in the group sees the meeting and its outcome, and hears there is news; held messages stay
out; a group of one is refused."""

import re

import pytest

from tests.submissions_helpers import WORRYING
from tests.test_agendas import (
    OUTCOME,
    hold_meeting,
    page,
    plan,
    post,
    read_by_worker,
    token,
    young_person,
)
from voice.agendas.models import AgendaItem
from voice.extensions import db
from voice.moderation import services as moderation
from voice.notifications.models import Notification
from voice.submissions.models import ReplyBy

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def worker(make_user):
    return make_user("worker", name="Sam Patel")


def linked_group(worker, size=3, **changes):
    first = read_by_worker(worker, **changes)
    others = [read_by_worker(worker, **changes) for _ in range(size - 1)]
    for other in others:
        moderation.link_same_as(other, first, worker)
    db.session.commit()
    return [first, *others]


def test_a_group_goes_on_as_one_item_and_everyone_in_it_reads_the_outcome(
    app, client, sign_in, worker
):
    sign_in(worker)
    group = linked_group(worker, reply_by=ReplyBy.TEXT, contact="07700900123")
    meeting = plan(client)
    done = page(
        post(client, meeting, "message", reference=group[1].reference, whole_group="y", add="y")
    )
    assert "Saved." in done
    assert len(meeting.items) == 1 and meeting.items[0].whole_group
    assert "3 messages saying the same thing" in done
    assert all(s.reference in done for s in group) and "Kyle Marsh" not in done
    for submission in group:
        assert "will be talked about at the Children in Care Council" in young_person(
            app, submission
        )
    # A message linked after it went on joins the group.
    late = read_by_worker(worker)
    moderation.link_same_as(late, group[0], worker)
    db.session.commit()
    assert "4 messages saying the same thing" in page(client.get(f"/agendas/{meeting.id}"))

    hold_meeting(meeting)
    item = meeting.items[0]
    post(client, meeting, "outcome", item=str(item.id), outcome=OUTCOME, save="y")
    for submission in [*group, late]:
        assert OUTCOME in young_person(app, submission)
    news = db.session.query(Notification).filter_by(kind="news_for_young_person").all()
    assert sorted(n.recipient for n in news) == sorted(f"submission:{s.id}" for s in group)


def test_a_message_linked_to_nothing_is_not_a_group(client, sign_in, worker):
    sign_in(worker)
    alone = read_by_worker(worker)
    meeting = plan(client)
    said = page(
        post(client, meeting, "message", reference=alone.reference, whole_group="y", add="y")
    )
    assert "No other message is linked with" in said and meeting.items == []


def test_a_message_already_on_the_agenda_is_not_added_again_in_its_group(client, sign_in, worker):
    sign_in(worker)
    group = linked_group(worker, size=2)
    meeting = plan(client)
    post(client, meeting, "message", reference=group[1].reference, add="y")
    said = page(
        post(client, meeting, "message", reference=group[0].reference, whole_group="y", add="y")
    )
    assert f"{group[1].reference} is already on this agenda." in said
    assert db.session.query(AgendaItem).count() == 1
    # And a message of a group already on as one item does not go on again alone.
    meeting2 = plan(client, days_ahead=14)
    post(client, meeting2, "message", reference=group[0].reference, whole_group="y", add="y")
    said = page(post(client, meeting2, "message", reference=group[1].reference, add="y"))
    assert f"{group[1].reference} is already on this agenda." in said


def test_a_held_message_in_the_group_stays_off_the_agenda(app, client, sign_in, worker):
    sign_in(worker)
    group = linked_group(worker, size=3)
    moderation.flag_for_safeguarding(group[2], worker, note=WORRYING)
    db.session.commit()
    meeting = plan(client)
    agenda = page(
        post(client, meeting, "message", reference=group[0].reference, whole_group="y", add="y")
    )
    assert "2 messages saying the same thing" in agenda and group[2].reference not in agenda
    assert "At a meeting" not in young_person(app, group[2])


def add_from_review(client, submission, meeting_id):
    """The review page's "Add this group to the agenda" button, as a worker presses it."""
    text = page(client.get(f"/moderation/{submission.id}"))
    data = {"group-csrf_token": token(text), "group-meeting": str(meeting_id), "group-add": "y"}
    return page(client.post(f"/agendas/group/{submission.id}", data=data, follow_redirects=True))


def offered(review):
    """The meetings the review page's group form offers, in order."""
    select = re.search(r'<select[^>]*name="group-meeting".*?</select>', review, re.S).group(0)
    return re.findall(r'value="(\d+)"', select)


def test_the_review_page_puts_the_whole_group_on_the_next_meeting(client, sign_in, worker):
    sign_in(worker)
    group = linked_group(worker, size=3)
    later = plan(client, days_ahead=14)
    sooner = plan(client, days_ahead=3)
    review = page(client.get(f"/moderation/{group[1].id}"))
    assert "Add this group to the agenda" in review
    # The next meeting is the first choice, so a worker who just presses the button gets it.
    assert offered(review) == [str(sooner.id), str(later.id)]

    said = add_from_review(client, group[1], sooner.id)
    assert f"The group is on the agenda for {sooner.name}." in said
    assert [(i.submission_id, i.whole_group) for i in sooner.items] == [(group[1].id, True)]
    assert later.items == []
    again = add_from_review(client, group[0], sooner.id)
    assert "already on this agenda" in again and len(sooner.items) == 1


def test_no_group_button_for_a_message_on_its_own_and_no_past_meeting(client, sign_in, worker):
    sign_in(worker)
    alone = read_by_worker(worker)
    plan(client)
    assert "Add this group to the agenda" not in page(client.get(f"/moderation/{alone.id}"))
    said = add_from_review(client, alone, 1)
    assert "not in a group that can go on an agenda" in said

    group = linked_group(worker, size=2)
    past = plan(client, days_ahead=10)
    hold_meeting(past)
    assert str(past.id) not in offered(page(client.get(f"/moderation/{group[0].id}")))
    said = add_from_review(client, group[0], past.id)
    assert "Choose a meeting that has not happened yet." in said and past.items == []
    said = add_from_review(client, group[0], "not a meeting")
    assert "Choose a meeting that has not happened yet." in said


def test_with_no_meeting_planned_the_review_page_says_to_plan_one(client, sign_in, worker):
    sign_in(worker)
    group = linked_group(worker, size=2)
    review = page(client.get(f"/moderation/{group[0].id}"))
    assert "No meeting is planned yet." in review and "/agendas/new" in review


def test_a_timed_out_review_page_adds_nothing_and_says_so(app, client, sign_in, worker):
    sign_in(worker)
    group = linked_group(worker, size=2)
    meeting = plan(client)
    app.config["WTF_CSRF_ENABLED"] = True
    data = {"group-csrf_token": "stale", "group-meeting": str(meeting.id), "group-add": "y"}
    said = page(client.post(f"/agendas/group/{group[0].id}", data=data))
    assert "Add this group to the agenda" in said and "The group is on the agenda" not in said
    assert "This page was open for a long time, so for your safety it was not sent." in said
    assert meeting.items == []
