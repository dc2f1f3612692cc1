"""An agenda takes a group of messages saying the same thing as one item (issue 18): everyone
in the group sees the meeting and its outcome, and hears there is news; held messages stay
out; a group of one is refused."""

import pytest

from tests.submissions_helpers import WORRYING
from tests.test_agendas import (
    OUTCOME,
    hold_meeting,
    page,
    plan,
    post,
    read_by_worker,
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
