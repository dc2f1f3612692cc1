"""The story of a period through HTTP, on the hand-counted world (tests/board_helpers.py):
the headline and Voice's draft on /board and in the pack, a worker's edits and approval
(versions kept, audited), and young people's digest on "You said, we did" in English and
Urdu once approved."""

from datetime import datetime

import pytest
from sqlalchemy import select

from tests.board_helpers import board_page, build
from voice.audit.models import AuditEvent
from voice.digests.models import StoryVersion
from voice.extensions import db
from voice.influence.models import Changed, InfluenceAsk
from voice.submissions.models import Status, Submission

pytestmark = pytest.mark.db

LAST = "?period=last_quarter"


@pytest.fixture
def world(app):
    with app.app_context():
        build()
        db.session.commit()


def test_the_board_opens_with_the_headline_and_voices_draft_marked_as_a_draft(
    world, client, signed_in
):
    signed_in("board")
    for path in ("/board/" + LAST, "/board/pack" + LAST):
        html = board_page(client, path)
        assert html.index("The headline") < html.index("What young people raised")
        assert "Messages from young people" in html
        assert '<strong class="headline-now">20</strong>' in html
        assert "8 in April to June 2026" in html
        assert "Answered within the target" in html
        assert "Draft, not yet approved." in html
        assert "Young people sent 20 messages in July to September 2026." in html
        assert "Edit and approve this account" not in html  # the board reads, workers edit
        # No young person has said yet whether anything changed: too few to show.
        assert "Say something changed" in html and "too few to show (fewer than 5)" in html
        assert "Fewer than 5 young people told us if things changed." in html


def test_the_fifth_figure_counts_yes_and_a_bit_among_all_answers(world, app, client, signed_in):
    with app.app_context():
        answers = [Changed.YES] * 6 + [Changed.A_BIT] + [Changed.NOT_YET] * 4 + [Changed.DONT_KNOW]
        cases = db.session.scalars(
            select(Submission)
            .where(
                Submission.created_at >= datetime(2026, 7, 1),
                Submission.safeguarding.is_(False),
                Submission.status.notin_((Status.SAFEGUARDING, Status.WITHDRAWN)),
            )
            .limit(12)
        ).all()
        for case, answer in zip(cases, answers, strict=True):
            db.session.add(
                InfluenceAsk(
                    submission_id=case.id, answer=answer, answered_at=datetime(2026, 8, 20)
                )
            )
        db.session.commit()
    signed_in("board")
    html = board_page(client, "/board/" + LAST)
    assert "58% (7 of 12)" in html
    assert "We asked 12 young people if things changed. 7 said yes, or a bit." in html


def test_a_worker_edits_and_approves_and_the_board_reads_the_approved_version(
    world, app, client, signed_in
):
    worker = signed_in("worker")
    form = board_page(client, "/board/account" + LAST)
    assert "Young people sent 20 messages in July to September 2026." in form
    assert "Nothing saved yet." in form

    first = "Twenty messages came in.\n\nMost were about where young people live."
    response = client.post("/board/account" + LAST, data={"text": first, "save": "Save"})
    assert response.status_code == 303
    board = board_page(client, "/board/" + LAST)
    assert "Draft, not yet approved." in board and "Twenty messages came in." not in board

    client.post("/board/account" + LAST, data={"text": first, "approve": "Approve"})
    board = board_page(client, "/board/" + LAST)
    assert "Draft, not yet approved." not in board
    assert "<p>Twenty messages came in.</p><p>Most were about where young people live.</p>" in board
    assert "(version 1)" in board

    client.post("/board/account" + LAST, data={"text": "A newer try.", "save": "Save"})
    board = board_page(client, "/board/pack" + LAST)
    assert "Twenty messages came in." in board and "A newer try." not in board
    assert "A newer version is saved but not approved." in board_page(
        client, "/board/account" + LAST
    )

    with app.app_context():
        versions = db.session.scalars(select(StoryVersion).order_by(StoryVersion.number)).all()
        assert [(v.number, v.approved, v.written_by_id) for v in versions] == [
            (1, True, worker.id),
            (2, False, worker.id),
        ]
        events = db.session.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.action.like("story_%"))
            .order_by(AuditEvent.id)
        ).all()
        assert events == ["story_saved", "story_approved", "story_saved"]


def test_an_empty_account_is_refused_kindly_and_nothing_is_saved(world, app, client, signed_in):
    signed_in("worker")
    response = client.post("/board/account" + LAST, data={"text": "  ", "approve": "Approve"})
    assert response.status_code == 200
    assert "Write the account: it cannot be empty." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(StoryVersion.id)) is None


def test_saving_the_same_words_twice_is_one_version(world, app, client, signed_in):
    signed_in("worker")
    client.post("/board/account" + LAST, data={"text": "Same words.", "save": "Save"})
    again = client.post("/board/account" + LAST, data={"text": "Same words.", "save": "Save"})
    assert again.status_code == 303
    assert "Nothing has changed since version 1" in board_page(client, again.location)
    with app.app_context():
        assert len(db.session.scalars(select(StoryVersion)).all()) == 1


@pytest.mark.parametrize("role", ["board", "officer"])
def test_only_workers_edit_the_account(world, client, signed_in, role):
    signed_in(role)
    assert client.get("/board/account" + LAST).status_code == 403
    for group in ("cicc", "forum"):
        posted = client.post(f"/board/digest/{group}" + LAST, data={"text": "x", "approve": "1"})
        assert posted.status_code == 403


def test_the_digest_is_public_only_once_approved_in_english_and_urdu(world, app, client, signed_in):
    signed_in("worker")
    form = board_page(client, "/board/digest/cicc" + LAST)
    assert "You sent us 15 messages." in form  # the 15 of the 20 not from care leavers
    assert "آپ نے ہمیں 15 پیغامات بھیجے۔" in form  # Voice's Urdu draft, from the catalogue

    english = "What you told us\n\nYou sent us 15 messages. Most were about where you live."
    urdu = "آپ نے ہمیں کیا بتایا\n\nآپ نے ہمیں 15 پیغامات بھیجے۔"
    cicc = "/board/digest/cicc" + LAST
    client.post(cicc, data={"text": english, "text_ur": urdu, "save": "Save"})
    assert "You sent us 15 messages." not in board_page(client, "/you-said-we-did")
    with app.app_context():
        draft_id = db.session.scalar(select(StoryVersion.id))
    assert client.get(f"/you-said-we-did/report/{draft_id}").status_code == 404

    client.post(cicc, data={"text": english, "text_ur": urdu, "approve": "1"})
    public = board_page(client, "/you-said-we-did")
    assert (
        "For the Children in Care Council: what you told us, and what happened: "
        "July to September 2026" in public
    )
    assert "Care Leavers&#39; Forum: what you told us" not in public  # not approved yet
    assert '<h3 class="digest-heading">What you told us</h3>' in public
    assert "<p>You sent us 15 messages. Most were about where you live.</p>" in public
    report = board_page(client, f"/you-said-we-did/report/{draft_id}")
    assert (
        "<h1>For the Children in Care Council: what you told us, and what happened: "
        "July to September 2026</h1>" in report
    )

    client.set_cookie("lang", "ur")
    public = board_page(client, "/you-said-we-did")
    assert '<h3 class="digest-heading">آپ نے ہمیں کیا بتایا</h3>' in public
    assert "چلڈرن اِن کیئر کونسل کے لیے" in public
    assert "You sent us 15 messages." not in public
    assert "جولائی" in board_page(client, f"/you-said-we-did/report/{draft_id}")  # July, in Urdu


def test_a_digest_without_urdu_is_refused(world, app, client, signed_in):
    signed_in("worker")
    response = client.post(
        "/board/digest/forum" + LAST,
        data={"text": "You told us things.", "text_ur": " ", "approve": "1"},
    )
    assert "The Urdu is empty." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(StoryVersion.id)) is None


def test_a_table_with_nothing_to_show_is_one_line_and_the_pack_folds_empty_rows(
    world, client, signed_in
):
    signed_in("board")
    empty = board_page(client, "/board/?period=quarter&quarter=2024-01")
    assert "By kind: nothing of 5 or more to show, in either period." in empty
    assert "Bar chart: By kind" not in empty
    full = board_page(client, "/board/" + LAST)
    assert "Bar chart: By kind" in full  # 12 views, 6 questions: shown as before
    pack = board_page(client, "/board/pack" + LAST)
    # A topic with fewer than 5 in both quarters is one of the "more" on paper, not a row.
    assert "more, each under 5 in both periods" in pack
    assert "more, each under 5 in both periods" not in full
