"""The influence question: asked once, twenty working days after the answer's promises were
settled (or after the answer, when it promised none), through the content-free "there is
news"; answered once, changeable until the case closes, every answer kept; counted for the
board beside the period before."""

import csv
import html
import io
import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from tests.clock_helpers import answered_case, released_on
from tests.conftest import page
from tests.submissions_helpers import WEAK_WORDS, WORRYING
from voice import clock
from voice.actions import services as action_updates
from voice.board.periods import Period
from voice.board.suppress import Pooled
from voice.extensions import db
from voice.influence import figures
from voice.influence import services as influence
from voice.influence.models import Changed, InfluenceAsk
from voice.notifications.models import Notification
from voice.responses import follow_ups
from voice.submissions import life_cycle
from voice.submissions.models import Contact, ReplyBy, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

THURSDAY_BEFORE_EASTER = date(2027, 3, 25)
TWENTY_ON = date(2027, 4, 26)  # Good Friday and Easter Monday do not count


@pytest.fixture
def people(make_user):
    return {"worker": make_user("worker"), "officer": make_user("officer")}


def news(submission, after=0):
    return db.session.scalars(
        select(Notification).where(
            Notification.kind == "news_for_young_person",
            Notification.recipient == f"submission:{submission.id}",
            Notification.id > after,
        )
    ).all()


def texted_case(people, actions=()):
    case, _ = answered_case(
        people["worker"],
        people["officer"],
        actions=list(actions),
        reply_by=ReplyBy.TEXT,
        contact="07700900123",
    )
    return case


def test_an_answer_with_no_actions_is_asked_about_twenty_working_days_on_once(people, tick):
    case = texted_case(people)
    released_on(case, THURSDAY_BEFORE_EASTER)
    told = max(n.id for n in news(case))  # "there is news" of the answer itself
    assert "whether anything changed" not in tick(date(2027, 4, 23))  # 19 working days
    assert influence.ask_for(case) is None and news(case, told) == []
    assert f"Asked {case.reference} whether anything changed" in tick(TWENTY_ON)
    tick(TWENTY_ON)
    tick(TWENTY_ON + timedelta(days=3))
    assert len(news(case, told)) == 1
    assert news(case, told)[0].payload == {"submission_id": case.id}  # nothing more in it
    assert db.session.scalars(select(InfluenceAsk)).all() == [influence.ask_for(case)]


def test_the_case_stays_open_for_the_question_and_closes_twenty_days_after_it(people, tick):
    case = texted_case(people)
    released_on(case, THURSDAY_BEFORE_EASTER)
    tick(TWENTY_ON)
    db.session.refresh(case)
    # Closing deletes the phone number: it must still be there for the "there is news".
    assert case.status == Status.ANSWERED and db.session.get(Contact, case.id) is not None
    tick(clock.add_working_days(TWENTY_ON, 19))
    db.session.refresh(case)
    assert case.status == Status.ANSWERED
    assert f"Closed {case.reference}" in tick(clock.add_working_days(TWENTY_ON, 20))


def test_with_actions_it_waits_for_the_last_one_to_be_done_or_not_go_ahead(people, tick):
    case = texted_case(
        people,
        [
            ("Fix the router", "IT", date(2027, 4, 1)),
            ("Ask the carers", "Placements", date(2027, 4, 1)),
        ],
    )
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    first, second = response.actions
    at = datetime(2027, 4, 1, 10)
    action_updates.move(first, "done", people["officer"].id, at=at)
    db.session.commit()
    assert "whether anything changed" not in tick(date(2027, 5, 3))  # one still planned
    why = "The carers moved away, so there is nobody to ask."
    action_updates.move(
        second, "not_going_ahead", people["officer"].id, why, at=datetime(2027, 5, 4, 9)
    )
    db.session.commit()
    last_settled = date(2027, 5, 4)
    assert "whether anything changed" not in tick(clock.add_working_days(last_settled, 19))
    assert "whether anything changed" in tick(clock.add_working_days(last_settled, 20))


def test_an_interim_reply_is_not_asked_about(people, tick):
    case = texted_case(people)
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    response.decision = "looking_into"
    db.session.commit()
    assert "whether anything changed" not in tick(TWENTY_ON + timedelta(days=40))


@pytest.fixture
def asked(people):
    case = texted_case(people)
    response = released_on(case, THURSDAY_BEFORE_EASTER)
    assert influence.ask(case, response)
    db.session.commit()
    return case


def test_the_answer_changes_until_the_case_closes_and_every_answer_is_kept(asked):
    influence.answer(asked, "not_yet", "  ")
    influence.answer(asked, "a_bit", "The wifi stays on now.")
    ask = influence.ask_for(asked)
    assert [a.answer for a in ask.history] == [Changed.NOT_YET, Changed.A_BIT]
    assert ask.answer == Changed.A_BIT and ask.words == "The wifi stays on now."
    assert ask.changed_at is not None and ask.answered_at == ask.history[0].at
    life_cycle.transition(asked, Status.CLOSED, note="closed")
    with pytest.raises(influence.InfluenceRefused, match="can't change"):
        influence.answer(asked, "yes")
    assert influence.ask_for(asked).answer == Changed.A_BIT


def test_it_cannot_be_answered_before_it_is_asked_or_with_a_made_up_choice(people):
    case = texted_case(people)
    with pytest.raises(influence.InfluenceRefused):
        influence.answer(case, "yes")
    assert influence.ask_for(case) is None


def test_a_closed_case_asked_after_closing_may_answer_once(asked):
    life_cycle.transition(asked, Status.CLOSED, note="closed")
    influence.answer(asked, "yes")
    with pytest.raises(influence.InfluenceRefused):
        influence.answer(asked, "not_yet")


def test_words_with_a_strong_sign_are_held_for_the_lead_like_a_rating_comment(asked, people):
    influence.answer(asked, "not_yet", WORRYING)
    assert asked.status == Status.SAFEGUARDING
    ask = influence.ask_for(asked)
    assert influence.words_for(ask, asked, people["worker"]) is None
    assert influence.words_for(ask, asked, people["officer"]) is None


def test_words_with_a_weaker_sign_are_read_today(asked, people, weak_check):
    influence.answer(asked, "not_yet", WEAK_WORDS)
    assert asked.status == Status.FOLLOW_UP and asked.read_today
    ask = influence.ask_for(asked)
    assert influence.words_for(ask, asked, people["worker"]) == WEAK_WORDS
    assert influence.words_for(ask, asked, people["officer"]) is None


def test_the_board_counts_answers_by_when_they_were_first_given(asked, people, monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 5, 10, 9))
    influence.answer(asked, "not_yet")
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 7, 2, 9))
    influence.answer(asked, "yes")  # a change: still counted in April to June, as "yes"
    db.session.commit()
    spring = Period(date(2027, 4, 1), date(2027, 6, 30))
    summer = Period(date(2027, 7, 1), date(2027, 9, 30))
    assert figures.counts(spring)[Changed.YES] == 1
    assert figures.counts(summer) == dict.fromkeys(Changed, 0)
    assert figures.counts_before(summer)[Changed.YES] == 1
    theme = asked.themes[0].id
    assert figures.by(spring, "theme") == {theme: {Changed.YES: 1}}
    assert figures.by(spring, "area") == {asked.service_area_id: {Changed.YES: 1}}
    assert figures.pairs(summer, "theme")[theme][Changed.YES] == (0, 1)


def test_a_longer_period_pools_a_small_quarter_and_held_messages_are_not_counted(
    asked, people, monkeypatch
):
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2027, 5, 10, 9))
    influence.answer(asked, "yes")
    db.session.commit()
    year = Period(date(2027, 1, 1), date(2027, 12, 31))
    assert isinstance(figures.counts(year)[Changed.YES], Pooled)
    follow_ups.ask(asked, WORRYING)  # held for the lead
    db.session.commit()
    assert asked.status == Status.SAFEGUARDING
    assert figures.counts(year)[Changed.YES] == 0


# --- The young person's page, and the staff thread ---------------------------------------


def opened(app, submission):
    """A browser that has typed this case's code at /check."""
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["case"] = {"id": submission.id, "at": clock.utcnow().timestamp()}
    return browser


QUESTION = "Has anything changed because of what you said?"


def test_the_case_page_asks_only_once_the_question_is_due(app, people):
    case = texted_case(people)
    assert QUESTION not in page(opened(app, case).get("/check/case"))
    assert opened(app, case).post("/check/influence", data={"changed": "yes"}).status_code == 303
    assert influence.ask_for(case) is None


def test_the_young_person_answers_keeps_their_words_on_a_mistake_and_changes_it(app, asked):
    browser = opened(app, asked)
    shown = page(browser.get("/check/case"))
    assert QUESTION in shown and "A bit" in shown and "I don't know" in shown
    refused = browser.post("/check/influence", data={"words": "The bus is later now."})
    assert refused.status_code == 200
    assert "Choose one answer." in page(refused) and "The bus is later now." in page(refused)
    assert influence.ask_for(asked).answer is None
    sent = browser.post(
        "/check/influence",
        data={"changed": "a_bit", "words": "The bus is later now."},
        follow_redirects=True,
    )
    assert "Thank you for telling us what changed." in page(sent)
    assert "You said: <strong>A bit</strong>" in page(sent) and "Change your answer" in page(sent)
    browser.post("/check/influence", data={"changed": "yes"})
    assert [a.answer for a in influence.ask_for(asked).history] == [Changed.A_BIT, Changed.YES]


def test_a_made_up_choice_is_refused_kindly(app, asked):
    response = opened(app, asked).post("/check/influence", data={"changed": "everything"})
    assert response.status_code == 200 and influence.ask_for(asked).answer is None


def test_the_question_is_asked_in_urdu(app, asked):
    browser = opened(app, asked)
    browser.set_cookie("lang", "ur")
    shown = page(browser.get("/check/case"))
    assert QUESTION not in shown and "کیا آپ کی بات کی وجہ سے کچھ بدلا ہے؟" in shown
    assert "ابھی نہیں" in shown and "مجھے نہیں معلوم" in shown


WORDS = "Nothing is different at home."


def test_workers_read_the_words_on_the_case(asked, people, sign_in, client):
    influence.answer(asked, "not_yet", WORDS)
    db.session.commit()
    sign_in(people["worker"])
    review = page(client.get(f"/moderation/{asked.id}"))
    assert "Has anything changed?" in review and WORDS in review and "Not yet" in review


def test_officers_see_the_answer_but_never_the_words(asked, people, sign_in, client):
    influence.answer(asked, "not_yet", WORDS)
    db.session.commit()
    sign_in(people["officer"])
    shown = page(client.get(f"/responses/{asked.id}"))
    assert "Asked whether anything changed" in shown and "Not yet" in shown
    assert WORDS not in shown


# --- The board ---------------------------------------------------------------------------


def answered_in(people, count, choice, monkeypatch, when=datetime(2026, 8, 10, 9)):
    cases = []
    for _ in range(count):
        case = texted_case(people)
        influence.ask(case, released_on(case, THURSDAY_BEFORE_EASTER))
        monkeypatch.setattr(clock, "utcnow", lambda: when)
        influence.answer(case, choice, "The wifi stays on now.")
        monkeypatch.undo()
        cases.append(case)
    db.session.commit()
    return cases


@pytest.fixture
def three_answers(people, monkeypatch):
    """6 said yes and 2 not yet this quarter (2 is below the threshold), 5 a bit the one
    before."""
    answered_in(people, 6, "yes", monkeypatch)
    answered_in(people, 2, "not_yet", monkeypatch)
    answered_in(people, 5, "a_bit", monkeypatch, when=datetime(2026, 5, 3, 9))


def test_the_board_sees_the_answers_beside_the_period_before_small_ones_hidden(
    app, three_answers, signed_in, client
):
    signed_in("board")
    shown = page(client.get("/board/?period=quarter&quarter=2026-07"))
    section = shown[shown.index('id="changed"') : shown.index('id="actions"')]
    assert "Has anything changed?" in section and "July to September 2026" in section
    assert "By topic" in section and "By service area" in section and "By promise clause" in section
    cells = section.split('<tr class="period-now">')[1]
    assert '<td class="num">6</td>' in cells and "fewer than 5" in cells
    # April to June: 5 said "a bit" and nobody anything else, which would single each one
    # out as answering "a bit": hidden, and the total with it.
    before = section.split('<tr class="period-before">')[1].split("</tr>")[0]
    assert "not shown" in before and ">5<" not in before
    assert "The wifi stays on now." not in shown  # never a young person's words
    pack = page(client.get("/board/pack?period=quarter&quarter=2026-07"))
    assert 'href="#changed"' in pack and "Has anything changed?" in pack


def test_their_copy_of_what_voice_holds_lists_every_answer(app, asked):
    influence.answer(asked, "not_yet", "Still off at 9.")
    influence.answer(asked, "yes")
    db.session.commit()
    shown = page(opened(app, asked).get("/check/download"))
    copy = shown[shown.index("What you told us about what changed") :]
    assert "Not yet" in copy and "Still off at 9." in copy and "Yes" in copy


def page_influence(shown):
    """{(table, row, period, answer): words} of the page's "Has anything changed?" tables."""
    section = shown[shown.index('id="changed"') : shown.index('id="actions"')]
    found = {}
    for table in section.split("<caption>")[1:]:
        title = table.split(", by period</caption>", 1)[0].removeprefix("Has anything changed? ")
        heads = re.findall(r'<th scope="col" class="num">([^<]+)</th>', table)
        for body in table.split("<tbody>")[1:]:
            label = re.search(r'<th scope="rowgroup" rowspan="2">([^<]+)</th>', body)[1]
            for period, cells in re.findall(
                r'<th scope="row" class="period">([^<]+)</th>((?:<td class="num">[^<]+</td>)+)',
                body,
            ):
                shown_cells = re.findall(r'<td class="num">([^<]+)</td>', cells)
                for head, cell in zip(heads, shown_cells, strict=True):
                    found[(title, html.unescape(label), period, html.unescape(head))] = cell
    return found


def csv_influence(data, now_label, before_label):
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, found = rows[0], {}
    assert header[2:] == [now_label, before_label]
    for section, figure, now, before in rows[1:]:
        if section.startswith("Has anything changed? "):
            title = section.removeprefix("Has anything changed? ")
            label, head = figure.rsplit(": ", 1)
            found[(title, label, now_label, head)] = now
            found[(title, label, before_label, head)] = before
    return found


def test_the_figures_download_has_the_answers_as_the_page_shows_them(
    app, three_answers, signed_in, client
):
    signed_in("board")
    asked = "?period=quarter&quarter=2026-07"
    on_page = page_influence(page(client.get(f"/board/{asked}")))
    download = client.get(f"/board/figures.csv{asked}")
    assert download.status_code == 200
    in_csv = csv_influence(download.data, "July to September 2026", "April to June 2026")
    assert in_csv == on_page  # every figure, by topic and service area, the same words
    now, before = "July to September 2026", "April to June 2026"
    assert in_csv[("All answers", "All answers", now, "Yes")] == "6"
    assert in_csv[("All answers", "All answers", now, "Not yet")] == "fewer than 5"
    assert in_csv[("By topic", site_theme(), now, "Yes")] == "6"
    assert in_csv[("By service area", "Placements", now, "All")] == "8"
    # The 5 who said "a bit" in April to June, and nobody anything else, stay hidden here too.
    assert in_csv[("All answers", "All answers", before, "A bit")] == "not shown"
    assert in_csv[("All answers", "All answers", before, "All")] == "not shown"
    assert "5" not in {v for k, v in in_csv.items() if k[2] == before}
    assert b"The wifi stays on now." not in download.data


def site_theme():
    from voice.themes.models import Theme

    return db.session.scalars(select(Theme).where(Theme.active.is_(True))).first().name
