"""A young people's digest for each group: the Children in Care Council's drawn on young people
in care, the Care Leavers' Forum's on care leavers; every message in exactly one; each approved
on its own and shown on "You said, we did" under its own heading, in English and Urdu; small
numbers hidden as on the board, a year's too where one of its quarters is small.

On the hand-counted world (tests/board_helpers.py): of the 20 messages of July to September
2026, 5 are from care leavers; the 8 of April to June are from young people in care."""

import html
import itertools
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.board_helpers import World, board_page, build
from voice.board import counted
from voice.board.periods import Period
from voice.digests import groups, services
from voice.digests.models import Kind
from voice.extensions import db
from voice.responses.services import reading_age
from voice.submissions.models import AgeBand, Audience, CareStatus, Submission

pytestmark = pytest.mark.db

LAST = "?period=quarter&quarter=2026-07"  # the world's July to September 2026, by name
CICC_TITLE = "For the Children in Care Council: what you told us, and what happened"
FORUM_TITLE = "For the Care Leavers&#39; Forum: what you told us, and what happened"


@pytest.fixture
def world(app):
    with app.app_context():
        build()
        db.session.commit()


def drafted(form):
    """Voice's English draft in the edit box."""
    box = re.search(r'<textarea[^>]*name="text"[^>]*>(.*?)</textarea>', form, re.S)
    return html.unescape(box.group(1)).strip()


def in_group(kind):
    return db.session.scalar(select(func.count(Submission.id)).where(groups.condition(kind)))


def test_every_message_is_in_exactly_one_group(app):
    world = World()
    cases = list(itertools.product(list(Audience), [None, *AgeBand], [None, *CareStatus]))
    made = {
        case: world.submission(date(2026, 8, 3), audience=case[0], age=case[1], care=case[2])
        for case in cases
    }
    db.session.commit()
    both = select(func.count(Submission.id)).where(
        groups.condition(Kind.CICC), groups.condition(Kind.FORUM)
    )
    assert db.session.scalar(both) == 0
    assert in_group(Kind.CICC) + in_group(Kind.FORUM) == len(cases)

    def group_of(audience, age, care):
        submission = made[(audience, age, care)]
        query = select(Submission.id).where(
            Submission.id == submission.id, groups.condition(Kind.FORUM)
        )
        return "forum" if db.session.scalar(query) else "cicc"

    assert group_of(Audience.CICC, AgeBand.FROM_16, CareStatus.IN_CARE) == "cicc"
    assert group_of(Audience.BOARD, None, None) == "cicc"  # nothing said: the council's
    assert group_of(Audience.CARE_LEAVERS_FORUM, AgeBand.FROM_14, CareStatus.IN_CARE) == "cicc"
    assert group_of(Audience.CICC, AgeBand.FROM_16, CareStatus.CARE_LEAVER) == "forum"
    assert group_of(Audience.BOARD, AgeBand.FROM_18, None) == "forum"  # over 18: a care leaver
    assert group_of(Audience.CARE_LEAVERS_FORUM, None, None) == "forum"


def test_each_group_is_drafted_from_its_own_messages_reading_at_11_or_below(
    world, client, signed_in
):
    signed_in("worker")
    cicc = board_page(client, "/board/digest/cicc" + LAST)
    forum = board_page(client, "/board/digest/forum" + LAST)
    assert "Digest for the Children in Care Council: July to September 2026" in cicc
    assert "Digest for the Care Leavers&#39; Forum: July to September 2026" in forum
    assert "You sent us 15 messages." in drafted(cicc)
    assert "Most were about Where I live and School and learning." in drafted(cicc)
    # The forum's 5 all gave no age: shown beside the board's tables by age, that would say
    # so of each of them, so the count is hidden here as there; its topic is its own.
    assert "We can't show how many messages you sent." in drafted(forum)
    assert "Most were about Health and feelings." in drafted(forum)
    assert "Where I live" not in drafted(forum)
    assert re.search(r'name="text_ur"[^>]*>\s*\S', forum)  # and its Urdu
    for form in (cicc, forum):
        prose = " ".join(p for p in drafted(form).split("\n\n") if p.endswith("."))
        assert reading_age(prose) <= 11, prose
    # The board's own page links to both.
    board = board_page(client, "/board/" + LAST)
    assert 'href="/board/digest/cicc?period=quarter&amp;quarter=2026-07"' in board
    assert 'href="/board/digest/forum?period=quarter&amp;quarter=2026-07"' in board


def approve(client, group, english, urdu):
    response = client.post(
        f"/board/digest/{group}" + LAST, data={"text": english, "text_ur": urdu, "approve": "1"}
    )
    assert response.status_code == 303


def test_each_group_is_approved_on_its_own_and_both_show_under_their_own_headings(
    world, app, client, signed_in
):
    signed_in("worker")
    approve(client, "forum", "What changed\n\nThe forum's news.", "کیا بدلا\n\nفورم کی خبر۔")
    public = board_page(client, "/you-said-we-did")
    assert FORUM_TITLE in public and CICC_TITLE not in public
    assert "From the messages care leavers sent us." in public

    approve(client, "cicc", "What changed\n\nThe council's news.", "کیا بدلا\n\nکونسل کی خبر۔")
    public = board_page(client, "/you-said-we-did")
    assert public.index(CICC_TITLE) < public.index("The council&#39;s news.")
    assert public.index("The council&#39;s news.") < public.index(FORUM_TITLE)
    assert public.index(FORUM_TITLE) < public.index("The forum&#39;s news.")
    assert 'id="digest-cicc"' in public and 'id="digest-forum"' in public
    reports = re.findall(r'href="(/you-said-we-did/report/\d+)"', public)
    assert len(reports) == 2
    assert "The forum&#39;s news." in board_page(client, reports[1])
    assert "The council&#39;s news." not in board_page(client, reports[1])

    client.set_cookie("lang", "ur")
    public = board_page(client, "/you-said-we-did")
    assert "کیئر لیورز فورم کے لیے" in public and "فورم کی خبر۔" in public
    assert "چلڈرن اِن کیئر کونسل کے لیے" in public and "کونسل کی خبر۔" in public


def test_a_groups_small_numbers_are_hidden_and_a_year_hides_a_small_quarter(
    world, app, client, signed_in
):
    with app.app_context():
        world = World()
        for _ in range(2):  # two care leavers in April to June
            world.submission(date(2026, 5, 12), care=CareStatus.CARE_LEAVER)
        db.session.commit()
    signed_in("worker")
    quarter = "?period=quarter&quarter=2026-04"
    assert "You sent us fewer than 5 messages." in drafted(
        board_page(client, "/board/digest/forum" + quarter)
    )
    assert "You sent us 8 messages." in drafted(board_page(client, "/board/digest/cicc" + quarter))
    # A year of 7 from care leavers, beside its quarters' 2 and 5: it would give the 2 away.
    year = Period(date(2025, 10, 1), date(2026, 9, 30), "October 2025 to September 2026")
    with app.test_request_context():
        english, _ = services.voice_draft(Kind.FORUM, year, date(2026, 11, 23))
        assert "We can't show how many messages you sent." in english
        assert "sent us 7" not in english
        total = counted.total(groups.GroupScope(year, Kind.FORUM))
        assert total[0] == 7 and type(total[0]).__name__ == "Pooled"
        # The council's 24 (8, 15 and March's one): hidden too, for March's sake.
        total = counted.total(groups.GroupScope(year, Kind.CICC))
        assert total[0] == 24 and type(total[0]).__name__ == "Pooled"
    quarter = drafted(board_page(client, "/board/digest/cicc?period=quarter&quarter=2026-01"))
    assert "You sent us fewer than 5 messages." in quarter
