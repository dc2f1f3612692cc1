"""A worker acts on a young person's data request: finds everything linked to them (by
reference, by the code they read out, or by the exact name and contact they gave), gives them
a copy, and erases it all, logged without the words."""

import json
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import JSON, String, Text, cast, func, select, text

from tests.conftest import page
from tests.submissions_helpers import make_submission, theme_id
from voice.actions.models import ActionUpdate
from voice.agendas.models import AgendaItem, Body, Meeting
from voice.areas.services import ensure_area
from voice.audit.models import AuditEvent
from voice.clock import utcnow
from voice.extensions import db
from voice.influence import services as influence
from voice.moderation import services as moderation
from voice.notifications.outbox import queue
from voice.responses import services as answering
from voice.responses.models import Action, ActionStatus, FollowUp, Rating, RatingAnswer, Response
from voice.safeguarding.models import SafeguardingAction, SafeguardingRecord
from voice.submissions import codes
from voice.submissions.models import Contact, ReplyBy, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

SECRET = "Zebra7731"  # in every word a young person or staff member wrote about their case
PHONE = "+447700900123"


def sent(message, code=None, name=None, phone=None):
    """A submission as the share form saves it; returns (submission, its code)."""
    code = code or codes.new_code()
    submission = make_submission(
        message,
        token=codes.new_code(),
        code=code,
        name=name,
        reply_by=ReplyBy.TEXT if phone else ReplyBy.CODE,
        contact=phone,
        consent_publish=True,
        consent_quote=True,
    )
    return submission, code


@pytest.fixture
def theirs(make_user):
    """Sam's two messages (same phone), a stranger's that a worker linked as "the same",
    and another Sam with a different phone."""
    first, code = sent(f"My placement {SECRET} wifi", name="Sam", phone=PHONE)
    second, _ = sent(f"Another thing {SECRET}", phone=PHONE)
    linked, _ = sent("The wifi is bad here too")
    other_sam, _ = sent("I like football", name="Sam", phone="+447700900999")
    linked.same_as_id = first.id
    db.session.commit()
    return {
        "first": first,
        "second": second,
        "linked": linked,
        "other_sam": other_sam,
        "code": code,
    }


def found(client, **typed):
    html = page(client.post("/privacy/requests", data=typed))
    ticked = {int(i) for i in re.findall(r'value="(\d+)" id="ids-\d+" checked', html)}
    listed = {int(i) for i in re.findall(r'name="ids" value="(\d+)"', html)}
    return listed, ticked, html


def test_find_by_reference_lists_everything_linked_and_ticks_only_what_is_surely_theirs(
    client, signed_in, theirs
):
    signed_in("worker")
    listed, ticked, html = found(client, reference=theirs["first"].reference.lower())
    assert ticked == {theirs["first"].id, theirs["second"].id}
    assert listed == ticked | {theirs["linked"].id}
    assert "may be someone else" in html
    assert f"Same contact as {theirs['first'].reference}" in html


def test_the_code_they_read_out_and_their_phone_as_they_say_it_find_the_same(
    client, signed_in, theirs
):
    signed_in("worker")
    by_code = found(client, code=theirs["code"].replace("-", " ").lower())[1]
    by_phone = found(client, contact="07700 900123")[1]
    _, by_both, html = found(client, name="Sam", contact="07700900123")
    assert by_code == by_phone == by_both == {theirs["first"].id, theirs["second"].id}
    assert "Same name and contact" in html  # the first; the second by its phone alone


def test_matching_is_exact_and_a_name_alone_is_never_ticked(client, signed_in, theirs):
    signed_in("worker")
    listed, ticked, html = found(client, name="Sam")
    assert listed == {theirs["first"].id, theirs["other_sam"].id} and ticked == set()
    assert "Why the name and contact must match exactly" in html
    for near in ({"name": "Sa"}, {"name": "sam "[:3].upper()}, {"contact": "07700 900124"}):
        listed, _, html = found(client, **near)
        assert listed == set() and "Nothing matches" in html, near
    empty = page(client.post("/privacy/requests", data={}))
    assert "Type a reference, a code, or the name or contact they gave." in empty


def test_the_search_is_a_post_so_names_and_codes_stay_out_of_urls(client, signed_in):
    signed_in("worker")
    html = page(client.get("/privacy/requests"))
    assert 'method="post" action="/privacy/requests"' in html


def test_the_copy_holds_every_chosen_message_and_the_log_names_no_words(client, signed_in, theirs):
    signed_in("worker")
    ids = [theirs["first"].id, theirs["second"].id]
    asked = page(client.get("/privacy/requests/copy", query_string={"ids": ids}))
    assert "Make a copy" in asked and SECRET not in asked  # opening a link copies nothing
    assert (
        db.session.scalars(select(AuditEvent).where(AuditEvent.action == "data_export")).all() == []
    )
    response = client.post("/privacy/requests/copy.json", data={"ids": ids})
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(page(response))
    assert [c["reference"] for c in data["submissions"]] == [
        theirs["first"].reference,
        theirs["second"].reference,
    ]
    assert data["submissions"][0]["choices"]["contact"] == PHONE
    printable = page(client.post("/privacy/requests/copy", data={"ids": ids}))
    assert f"My placement {SECRET} wifi" in printable and "+447700900123" in printable
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "data_export")).all()
    assert sorted(e.submission_id for e in events) == sorted(ids * 2)
    assert not any(SECRET in e.detail or "Sam" in e.detail for e in events)


def test_nothing_chosen_goes_back_to_the_search(client, signed_in):
    signed_in("worker")
    for path in (
        "/privacy/requests/copy",
        "/privacy/requests/copy.json",
        "/privacy/requests/erase",
    ):
        response = client.get(path, query_string={"ids": ["x", "99999"]})
        assert response.status_code == 302 and response.location == "/privacy/requests"


# --- Erasure of everything linked ---------------------------------------------------------


def answered_with_everything(submission, make_user):
    """Moderated, answered with an action, rated, followed up, discussed at a meeting."""
    worker, officer = make_user("worker"), make_user("officer")
    area = ensure_area("Placements", lead=officer, officers=[officer])
    moderation.moderate(submission, worker, f"Shared {SECRET}", [theme_id()], [])
    moderation.route(submission, worker, area, officer)
    response = answering.save(
        submission,
        officer,
        decision="do",
        submit=True,
        explanation=f"We will fix it, {SECRET}.",
        team_name="Team",
        checklist=f"Notes {SECRET}",
        actions=[(f"Action {SECRET}", "Team", date(2030, 1, 1))],
    )
    answering.release(submission, worker)
    influence.ask(submission, response)
    influence.answer(submission, "a_bit", f"A bit, {SECRET}")
    influence.answer(submission, "yes", f"Yes now, {SECRET}")
    action = response.actions[0]
    db.session.add_all(
        [
            ActionUpdate(
                action_id=action.id,
                status=ActionStatus.IN_PROGRESS,
                note=f"Started {SECRET}",
                by_id=officer.id,
            ),
            Rating(
                submission_id=submission.id,
                response_id=response.id,
                answer=RatingAnswer.PARTLY,
                comment=f"Meh {SECRET}",
            ),
            FollowUp(
                submission_id=submission.id,
                after_response_id=response.id,
                message=f"But what about {SECRET}?",
                shared_text=f"Shared follow {SECRET}",
            ),
            SafeguardingRecord(
                submission_id=submission.id,
                by_id=worker.id,
                action=SafeguardingAction.NO_CONCERN,
                note=f"Fine {SECRET}",
            ),
        ]
    )
    meeting = Meeting(body=Body.CICC, held_on=utcnow().date() - timedelta(days=3))
    db.session.add(meeting)
    db.session.flush()
    db.session.add(
        AgendaItem(meeting_id=meeting.id, submission_id=submission.id, outcome=f"Agreed {SECRET}")
    )
    db.session.commit()
    return worker


def rows_holding(word):
    """Every (table, column) in the whole database whose text contains `word`; JSON too (the
    outbox's payload), read as its text."""
    hits = []
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, (String, Text, JSON)):
                as_text = cast(column, Text) if isinstance(column.type, JSON) else column
                count = db.session.scalar(
                    select(func.count()).select_from(table).where(as_text.contains(word))
                )
                if count:
                    hits.append(f"{table.name}.{column.name}")
    return hits


def in_order(query, model):
    """The rows in the order they were written: an UPDATE moves a row in PostgreSQL's
    unordered reads, so the same rows could compare unequal."""
    return db.session.execute(query.order_by(model.id)).all()


def counted():
    """What the board counts: rows and their choices, not their words."""
    return {
        "submissions": in_order(
            select(Submission.id, Submission.status, Submission.kind, Submission.created_at),
            Submission,
        ),
        "decisions": in_order(select(Response.decision, Response.status), Response),
        "actions": in_order(select(Action.status, Action.due_on), Action),
        "updates": in_order(select(ActionUpdate.status), ActionUpdate),
        "ratings": in_order(select(Rating.answer), Rating),
        "follow-ups": in_order(select(FollowUp.created_at), FollowUp),
        "agenda items": in_order(select(AgendaItem.meeting_id), AgendaItem),
        "themes": db.session.execute(text("SELECT * FROM submission_theme ORDER BY 1")).all(),
    }


def a_notification_holding_their_contact(submission):
    """The outbox is built never to copy an address (it is looked up when sending), so this
    row breaks that rule on purpose, as a careless caller or an error text quoting the
    address would: erasure must still leave the contact nowhere."""
    row = queue("news_for_young_person", f"submission:{submission.id}", {"to": PHONE})
    row.last_error = f"the server refused {PHONE}"
    db.session.commit()


def test_erasing_all_clears_every_linked_word_keeps_the_counts_and_logs_what_went(
    client, signed_in, make_user, theirs
):
    answered_with_everything(theirs["first"], make_user)  # its release queued "there is news"
    a_notification_holding_their_contact(theirs["second"])
    assert len(rows_holding(SECRET)) >= 10  # the test can see every place the words live
    assert {
        "contact.value",
        "notification.payload",  # and every place the contact might
        "notification.last_error",
    } <= set(rows_holding(PHONE))
    before = counted()
    signed_in("worker")
    ids = [theirs["first"].id, theirs["second"].id]
    confirm = page(client.get("/privacy/requests/erase", query_string={"ids": ids}))
    for thing in (
        "message",
        "contact",
        "answers",
        "actions",
        "follow-ups",
        "meeting outcomes",
        "ratings comments",
        "unsent notifications",
    ):
        assert thing in confirm, thing
    refused = client.post("/privacy/requests/erase", data={"ids": ids})
    assert "Tick the box to say the young person asked for this." in page(refused)
    assert len(rows_holding(SECRET)) >= 10  # nothing went without the box ticked

    done = client.post("/privacy/requests/erase", data={"ids": ids, "asked": "y"})
    assert done.status_code == 303
    db.session.expire_all()
    assert rows_holding(SECRET) == []
    assert rows_holding("+447700900123") == []
    assert (
        db.session.scalar(
            select(func.count()).select_from(Contact).where(Contact.submission_id.in_(ids))
        )
        == 0
    )
    assert counted() == before
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "erasure").order_by(AuditEvent.submission_id)
    ).all()
    assert [e.submission_id for e in events] == ids
    assert "answers" in events[0].detail and "contact" in events[0].detail
    assert "unsent notifications" in events[1].detail and PHONE not in events[1].detail
    assert "Sam" not in page(client.get(f"/moderation/{theirs['first'].id}"))
    assert db.session.get(Submission, theirs["linked"].id).message.startswith("The wifi")


def test_the_review_page_links_to_erasure_and_the_search(client, signed_in):
    submission = make_submission()
    signed_in("worker")
    html = page(client.get(f"/moderation/{submission.id}"))
    assert f"/privacy/requests/erase?ids={submission.id}" in html
    confirm = page(client.get(f"/privacy/requests/erase?ids={submission.id}"))
    assert "Erase 1 submission on request" in confirm and submission.reference in confirm


@pytest.mark.parametrize("role", ["officer", "board", "safeguarding"])
def test_only_workers_and_admins_handle_requests(client, signed_in, role):
    signed_in(role)
    assert client.get("/privacy/requests").status_code == 403
