"""The board's figures against the hand-counted world in tests/board_helpers.py: every
number, what is hidden and why, and the comparison with the period before."""

import csv
import io

import pytest

from tests.board_helpers import TODAY, build
from tests.conftest import settings_for
from voice import create_app
from voice.board import figures
from voice.board.periods import named
from voice.board.summary import summary
from voice.extensions import db
from voice.responses.models import Decision, RatingAnswer
from voice.submissions.models import Submission
from voice.themes.models import Theme

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

LAST_QUARTER = named("last_quarter", TODAY)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One app and one database for the whole module: the figures only read."""
    app = create_app(settings_for(tmp_path_factory.mktemp("board")))
    with app.app_context():
        db.create_all()
        built = build()
        with app.test_request_context():
            yield {"app": app, "s": built, "figures": summary(LAST_QUARTER, TODAY)}
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def shown(line, threshold=5):
    return (line.now.shown(threshold), line.before.shown(threshold))


def table(world, name):
    found = next(t for t in world["figures"]["tables"] if t.name == name)
    return {line.label: shown(line) for line in [*found.lines, found.total]}


def test_the_period_is_last_quarter_against_the_quarter_before(world):
    figures_ = world["figures"]
    assert figures_["period"].label == "July to September 2026"
    assert figures_["before"].label == "April to June 2026"


def test_raw_counts_leave_out_safeguarding_withdrawn_and_other_periods(world):
    scope = figures.Scope(LAST_QUARTER)
    assert figures.total(scope) == (20, 8)
    assert figures.safeguarding(LAST_QUARTER) == (1, 0)
    assert shown(world["figures"]["total"]) == ("20", "8")
    assert shown(world["figures"]["safeguarding"]) == ("fewer than 5", "fewer than 5")


def test_by_kind_hides_a_second_cell_beside_the_one_small_one(world):
    # NOW 12/6/2: the 2 alone could be worked out from 20, so the 6 goes. BEFORE 8/0/0: the
    # two hidden zeros would add up to nothing, so the 8 goes.
    assert table(world, "kinds") == {
        "Views": ("12", "not shown"),
        "Questions": ("not shown", "fewer than 5"),
        "Ideas": ("fewer than 5", "fewer than 5"),
        "All": ("20", "8"),
    }


def test_by_audience(world):
    # NOW 10/5/5/0: hiding a 5 beside the hidden 0 would pin both, so the 10 goes. BEFORE
    # 8/0/0/0: three hidden zeros add up to nothing, so the 8 goes too.
    assert table(world, "audiences") == {
        "Children in Care Council": ("not shown", "not shown"),
        "Care Leavers Forum": ("5", "fewer than 5"),
        "Corporate Parenting Board": ("5", "fewer than 5"),
        "Not sure": ("fewer than 5", "fewer than 5"),
        "All": ("20", "8"),
    }


def test_by_age_and_care_status(world):
    assert table(world, "ages") == {
        "11 to 13": ("fewer than 5", "fewer than 5"),
        "14 to 15": ("8", "fewer than 5"),
        "16 to 17": ("not shown", "not shown"),
        "18 to 21": ("fewer than 5", "fewer than 5"),
        "22 to 25": ("fewer than 5", "fewer than 5"),
        "Not given": ("5", "fewer than 5"),
        "All": ("20", "8"),
    }
    assert table(world, "care") == {
        "In care": ("not shown", "not shown"),
        "Care leavers": ("5", "fewer than 5"),
        "Not given": ("fewer than 5", "fewer than 5"),
        "All": ("20", "8"),
    }


def test_by_theme(world):
    themes = table(world, "themes")
    # A message may have several themes or none, so themes do not add up to All and none is
    # hidden for the others' sake (issue 17): each reads as it does on its own page.
    # BEFORE: the 8 are all "Where I live".
    assert themes["Where I live"] == ("9", "8")
    assert themes["School and learning"] == ("6", "fewer than 5")
    assert themes["Health and feelings"] == ("5", "fewer than 5")
    assert themes["Money"] == ("fewer than 5", "fewer than 5")
    assert themes["All"] == ("20", "8")


def test_the_topics_most_raised_are_named_biggest_first(world):
    raised = world["figures"]["most_raised"]
    # NOW: home 9, school 6, health 5; no other theme was raised at all.
    assert [(line.label, line.now.value) for line in raised["named"]] == [
        ("Where I live", 9),
        ("School and learning", 6),
        ("Health and feelings", 5),
    ]
    assert (raised["small"], raised["not_shown"]) == (0, 0)


def test_time_to_answer_counts_working_days_and_skips_the_bank_holiday(world):
    timing = world["figures"]["timing"]
    # NOW: 2, 3, 4, 5, 14, 21, 22, 23, 24, 25 working days. a1's first reply (Tuesday 1
    # September, after the August bank holiday) only said "we're looking into it": issue 17
    # counts its full answer on Sunday 20 September, 14 working days after it was sent.
    # BEFORE: b1-b3, sent Friday 29 May: 3, 5 and 31 working days.
    # Issue 17: the council's own figures are shown whatever the count.
    assert shown(timing.answered) == ("10", "3")
    assert timing.median == (17.5, 5.0)
    assert timing.within == (50, 67)  # NOW 5 within 20 working days, 5 not; BEFORE 2 of 3
    # Its parts. NOW: each routed the day it was sent, so all with the officer. BEFORE: sent
    # Friday 29 May, routed Monday 1 June (1 working day), then 2, 4 and 30 with the officer.
    assert timing.parts == {"in_moderation": (0.0, 1.0), "with_officer": (17.5, 4.0)}
    assert shown(timing.overdue) == ("8", "5")


def test_slowest_service_areas_beside_the_period_before(world):
    areas = [
        {
            "name": a["name"],
            "answered": shown(a["answered"]),
            "median": a["median"],
            "within": a["within"],
        }
        for a in world["figures"]["timing"].areas
    ]
    # BEFORE: Education answered 3 (b1-b3), Placements none; 3 answers in all is too few.
    assert areas == [
        {
            "name": "Placements",
            "answered": ("5", "0"),  # issue 17: the council's figures whatever the count
            "median": (23.0, None),  # none answered before
            "within": (0, None),
        },
        {
            "name": "Education",
            "answered": ("5", "3"),
            "median": (4.0, 5.0),  # 2, 3, 4, 5 and a1's 14 (its holding reply is no answer)
            "within": (100, 67),
        },
    ]


def test_outcomes_use_the_latest_released_answer(world):
    outcomes = world["figures"]["outcomes"]
    lines = {line.label: shown(line) for line in [*outcomes.lines, outcomes.total]}
    assert lines == {
        "We'll do it": ("5", "fewer than 5"),
        "We'll do part of it": ("fewer than 5", "fewer than 5"),
        "We can't, with the reason": ("fewer than 5", "fewer than 5"),
        "Question answered": ("fewer than 5", "fewer than 5"),
        "Looking into it (interim reply)": ("fewer than 5", "fewer than 5"),
        "No answer yet": ("10", "5"),
        "All": ("20", "8"),
    }
    raw = figures.by_decision(figures.Scope(LAST_QUARTER))
    assert raw[Decision.DO] == (5, 1) and raw[None] == (10, 5)
    assert Decision.LOOKING_INTO not in raw


def test_actions_count_only_released_answers(world):
    actions = world["figures"]["actions"]
    lines = {line.label: shown(line) for line in [*actions.lines, actions.total]}
    # BEFORE: b1's answer promised 5 done and 1 not started (overdue since August).
    # Issue 17: actions are the council's own work, shown whatever the count.
    assert lines == {
        "Done": ("5", "5"),
        "In progress": ("4", "0"),
        "Not started yet": ("3", "1"),
        "Not going ahead": ("0", "0"),
        "Promised": ("12", "6"),
    }
    assert shown(world["figures"]["overdue"]) == ("5", "1")
    raw = figures.actions(figures.Scope(LAST_QUARTER), TODAY)
    assert raw["in_progress"] == (4, 0) and raw["planned"] == (3, 1) and raw["overdue"] == (5, 1)


def test_the_overdue_list_says_action_team_date_and_theme(world):
    assert [
        (r["what"], r["team"], r["due_on"].isoformat(), r["themes"])
        for r in world["figures"]["overdue_list"]
    ] == [
        ("Planned step 1", "Placements team", "2026-09-01", "Where I live"),
        ("Planned step 2", "Placements team", "2026-09-02", "Where I live"),
        ("Planned step 3", "Placements team", "2026-09-03", "Where I live"),
        ("Fix the heating", "Housing team", "2026-10-01", "Where I live"),
        ("Paint the hall", "Housing team", "2026-10-02", "Where I live"),
    ]


def test_the_promise_beside_the_period_before(world):
    rows = {row["promise"].slug: row for row in world["figures"]["promises"]}
    listen = rows["listen"]
    assert shown(listen["raised"]) == ("12", "8")
    # NOW (12): do 5, part 2, can't 1, answered 2, interim 0, no answer 2.
    # BEFORE (8): do 1, answered 2, no answer 5.
    assert [shown(line) for line in listen["outcomes"]] == [
        ("5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "5"),
    ]
    # Actions, done, overdue: NOW 12, 5, 5; BEFORE 6, 5, 1.
    assert [shown(line) for line in listen["actions"]] == [
        ("12", "6"),
        ("5", "5"),
        ("5", "1"),  # issue 17: the council's own figures whatever the count
    ]
    # "money" BEFORE: raised 5 times, none answered yet. "5" beside four hidden zeros would
    # say so, and hiding it still leaves it the only cell that can add up to 5: the number
    # raised goes too.
    money = rows["money"]
    assert shown(money["raised"]) == ("fewer than 5", "not shown")
    assert [line.before.shown(5) for line in money["outcomes"]] == ["fewer than 5"] * 5 + [
        "not shown"
    ]
    assert [shown(line) for line in money["actions"]] == [("0", "0")] * 3  # the council's
    raw = figures.by_promise(figures.Scope(LAST_QUARTER))[money["promise"].id]
    assert raw == {"raised": (0, 5), "outcomes": {None: (0, 5)}}


def test_their_words_need_consent_and_a_worker_s_choice(world):
    assert world["figures"]["quotes"] == [
        {"text": "The wifi goes off too early.", "themes": "Where I live"}
    ]


def test_a_theme_page_counts_only_that_theme(world):
    with world["app"].test_request_context():
        school = db.session.query(Theme).filter_by(slug="school").one()
        page = summary(LAST_QUARTER, TODAY, school)
    assert shown(page["total"]) == ("6", "fewer than 5")
    kinds = next(t for t in page["tables"] if t.name == "kinds")
    # 3 views, 3 questions: all small, and adding up to a shown 6 they could not be worked out
    assert [shown(line) for line in kinds.lines] == [("fewer than 5", "fewer than 5")] * 3
    assert page["safeguarding"] is None and not any(t.name == "themes" for t in page["tables"])
    assert page["timing"].median == (25.0, None)  # a10 alone was answered: shown all the same
    assert shown(page["me_too"]["total"]) == ("fewer than 5", "fewer than 5")
    assert page["me_too"]["themes"] is None


def test_ratings_overall_by_theme_and_by_service_area(world):
    ratings = world["figures"]["ratings"]
    overall = ratings["overall"]
    assert {line.label: shown(line) for line in [*overall.lines, overall.total]} == {
        "Yes, it answered it": ("5", "fewer than 5"),
        "Partly": ("fewer than 5", "fewer than 5"),
        "Not really": ("fewer than 5", "fewer than 5"),
        "All": ("7", "fewer than 5"),
    }
    home = next(row for row in ratings["themes"] if row["label"] == "Where I live")
    # NOW 5 yes, 1 partly, 1 not really; BEFORE 1 yes (b1).
    assert [shown(line) for line in [*home["cells"], home["total"]]] == [
        ("5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
        ("7", "fewer than 5"),
    ]
    # Education NOW 4 yes, BEFORE 1 yes; Placements NOW 1 of each, BEFORE none: every cell
    # and row total under 5.
    assert {row["label"]: shown(row["total"]) for row in ratings["areas"]} == {
        "Education": ("fewer than 5", "fewer than 5"),
        "Placements": ("fewer than 5", "fewer than 5"),
    }
    assert all(
        line.now.hidden and line.before.hidden for row in ratings["areas"] for line in row["cells"]
    )
    by_area = figures.ratings_by(figures.Scope(LAST_QUARTER), Submission.service_area_id)
    education = world["s"]["b1"].service_area_id
    assert by_area[education] == {RatingAnswer.YES: (4, 1)}


def test_ratings_rated_only_before_still_get_a_row(world):
    """A made-up case: the rule that a row rated in one period only reads "fewer than N" in
    the other, and each period is suppressed over its own rows."""
    from voice.board.summary import rating_rows

    found = {
        1: {RatingAnswer.YES: (0, 6), RatingAnswer.PARTLY: (0, 2)},
        2: {RatingAnswer.YES: (9, 0)},
    }
    with world["app"].test_request_context():
        rows = {row["label"]: row for row in rating_rows(found, {1: "One", 2: "Two"})}
    assert [shown(line) for line in rows["One"]["cells"]] == [
        ("fewer than 5", "6"),
        ("fewer than 5", "fewer than 5"),
        ("fewer than 5", "fewer than 5"),
    ]
    assert shown(rows["One"]["total"]) == ("fewer than 5", "8")
    assert shown(rows["Two"]["total"]) == ("9", "fewer than 5")


def test_the_submission_list_has_outcome_rating_and_only_consented_words(world):
    from voice.board.exports import submissions_csv

    with world["app"].test_request_context():
        text = submissions_csv(figures.Scope(LAST_QUARTER))
    rows = {row[0]: row for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))}
    s = world["s"]
    assert len(rows) == 21  # the header and the 20 submissions of the period
    assert rows[s["a2"].reference] == [
        s["a2"].reference,
        "2026-07-06",
        "2026-07-06",
        "2026-07-08",
        "Views",
        "Where I live",
        "answered",
        "We'll do it",
        "Yes, it answered it",
        "The wifi goes off too early.",
    ]
    assert rows[s["a3"].reference][-1] == ""  # no consent: its words stay out
    # Answered when the full answer came: the "looking into it" reply of 1 September is not one.
    assert rows[s["a1"].reference][3] == "2026-09-20"
    assert s["held"].reference not in rows and s["withdrawn"].reference not in rows


def test_me_too_counts_taps_made_in_the_period_by_theme(world):
    me_too = world["figures"]["me_too"]
    assert shown(me_too["total"]) == ("8", "fewer than 5")
    themes = {line.label: shown(line) for line in me_too["themes"].lines}
    assert themes["Where I live"] == ("6", "fewer than 5")
    assert themes["School and learning"] == ("fewer than 5", "fewer than 5")
    assert figures.me_too(figures.Scope(LAST_QUARTER)) == {None: (8, 1)}


def test_the_figures_csv_has_the_new_comparisons_as_the_page_shows_them(world):
    from voice.board.exports import figures_rows

    rows = figures_rows(world["figures"])
    listen = "We listen to you and explain our decisions fully."
    assert ("The Promise", f"{listen}: Raised", "12", "8") in rows
    assert ("The Promise", f"{listen}: No answer yet", "fewer than 5", "5") in rows
    assert ("The Promise", f"{listen}: Actions", "12", "6") in rows
    assert ("Slowest service areas", "Placements: Answered", "5", "0") in rows
    assert (
        "Slowest service areas",
        "Placements: median working days",
        23.0,
        "none answered",
    ) in rows
    assert ("Ratings by theme", "Where I live: All ratings", "7", "fewer than 5") in rows
    assert (
        "Ratings by service area",
        "Education: Yes, it answered it",
        "fewer than 5",
        "fewer than 5",
    ) in rows
