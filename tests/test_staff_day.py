"""A worker's day in fewer page loads (issue 19): a queue that shows what is needed to
choose, "Save and open next", an answer to check that opens the check, an officer list that
follows the area, and suggested themes ticked to untick."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from tests.conftest import page
from tests.submissions_helpers import WORRYING, make_submission, theme_id
from voice.areas.services import ensure_area
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import open_by
from voice.moderation import services as moderation
from voice.moderation.models import OpenBy
from voice.responses import services as answering
from voice.submissions.models import AgeBand, Status

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


@pytest.fixture
def area(make_user):
    officer = make_user("officer", name="Jordan Reid")
    made = ensure_area("Leaving care service", lead=officer, officers=[officer])
    db.session.commit()
    return made


def row_of(html, submission):
    """The queue's table row for one submission."""
    rows = re.findall(r"<tr>.*?</tr>", html, re.S)
    return next(r for r in rows if f">{submission.reference}<" in r)


def save_next(submission, **changes):
    data = {
        "review-shared_text": "The wifi goes off at 9pm.",
        "review-themes": [str(theme_id())],
        "review-version": str(submission.version),
        "review-save_next": "y",
    }
    data.update(changes)
    return data


def test_a_queue_row_shows_the_first_shared_line_age_and_not_read_yet(client, signed_in):
    worker = signed_in("worker")
    new = make_submission("The wifi at my placement is off at 9pm", age_band=AgeBand.UNDER_14)
    read = make_submission("Dave Smith my carer takes my phone\nsecond line")
    moderation.moderate(read, worker, "My carer takes my phone\nsecond line", [theme_id()], [])
    db.session.commit()
    html = page(client.get("/moderation/?status=any"))
    assert "not read yet" in row_of(html, new) and "11-13" in row_of(html, new)
    assert "My carer takes my phone" in row_of(html, read)
    assert "second line" not in row_of(html, read)  # the first line only
    assert "Dave Smith" not in html  # never the words as sent, only the shared version


def test_a_held_message_shows_no_words_in_any_queue(client, signed_in):
    signed_in("worker")
    held = make_submission(WORRYING)
    assert held.status == Status.SAFEGUARDING
    for status in ("", "any", "safeguarding"):
        html = page(client.get(f"/moderation/?status={status}"))
        assert "hits me" not in html
    assert held.reference in page(client.get("/moderation/"))  # listed, by reference only


def test_any_status_lists_what_is_past_the_to_read_queue(client, signed_in, area):
    worker = signed_in("worker")
    routed = make_submission("Routed one")
    moderation.moderate(routed, worker, "Routed one", [theme_id()], [])
    moderation.route(routed, worker, area, area.officers[0])
    db.session.commit()
    assert routed.reference not in page(client.get("/moderation/"))
    html = page(client.get("/moderation/?status=any"))
    assert routed.reference in html and "With an officer" in row_of(html, routed)


def test_the_queue_says_who_else_has_a_message_open_until_it_goes_stale(
    client, signed_in, make_user
):
    submission = make_submission("Open me")
    open_by.opened(submission, make_user("worker", name="Alex Colleague"))
    db.session.commit()
    signed_in("worker")
    html = page(client.get("/moderation/"))
    assert "open by Alex Colleague" in row_of(html, submission)
    review = page(client.get(f"/moderation/{submission.id}"))
    assert "Alex Colleague has this open too" in review
    db.session.execute(
        update(OpenBy).values(opened_at=utcnow() - timedelta(minutes=open_by.FRESH_MINUTES + 1))
    )
    db.session.commit()
    assert "open by" not in row_of(page(client.get("/moderation/")), submission)


def test_opening_a_message_marks_it_open_and_saving_clears_it(client, signed_in, make_user):
    worker = signed_in("worker")
    submission = make_submission("Open me")
    client.get(f"/moderation/{submission.id}")
    colleague = make_user("worker")
    assert open_by.others_on([submission.id], colleague) == {submission.id: [worker.display_name]}
    client.post(f"/moderation/{submission.id}", data=save_next(submission))
    assert open_by.others_on([submission.id], colleague) == {}


def test_save_and_open_next_sends_and_opens_the_next_in_the_queue_order(client, signed_in, area):
    signed_in("worker")
    first, second, third = (make_submission(f"Message {n}") for n in range(3))
    officer = area.officers[0]
    response = client.post(
        f"/moderation/{first.id}",
        data=save_next(
            first, **{"review-service_area": str(area.id), "review-officer": str(officer.id)}
        ),
    )
    assert response.status_code == 302
    assert response.location == f"/moderation/{second.id}"
    assert first.status == Status.WITH_OFFICER and first.officer_id == officer.id
    html = page(client.get(response.location))
    assert f"{first.reference} sent to Jordan Reid" in html
    assert f"Here is the next one, {second.reference}" in html
    del third


def test_save_and_open_next_without_an_officer_only_saves(client, signed_in):
    signed_in("worker")
    first, second = make_submission("Message one"), make_submission("Message two")
    response = client.post(f"/moderation/{first.id}", data=save_next(first))
    assert response.location == f"/moderation/{second.id}"
    assert first.status == Status.MODERATED
    assert "saved, not sent to an officer yet" in page(client.get(response.location))


def test_save_and_open_next_with_an_area_but_no_officer_loses_nothing(client, signed_in, area):
    signed_in("worker")
    first = make_submission("Message one")
    data = save_next(first, **{"review-service_area": str(area.id)})
    data["review-shared_text"] = "Typed with care"
    html = page(client.post(f"/moderation/{first.id}", data=data))
    assert "Choose a service area and an officer to send it to" in html
    assert "Typed with care" in html and first.status == Status.NEW


def test_save_and_open_next_skips_one_a_colleague_has_open_and_ends_at_the_queue(
    client, signed_in, make_user
):
    signed_in("worker")
    first, taken, last = (make_submission(f"Message {n}") for n in range(3))
    open_by.opened(taken, make_user("worker"))
    db.session.commit()
    response = client.post(f"/moderation/{first.id}", data=save_next(first))
    assert response.location == f"/moderation/{last.id}"
    response = client.post(f"/moderation/{last.id}", data=save_next(last))
    assert response.location == "/moderation/"
    assert "That was the last one in this queue" in page(client.get("/moderation/"))


def test_the_next_message_stays_in_the_filtered_queue(client, signed_in):
    signed_in("worker")
    first = make_submission("Advocate one", wants_advocate=True)
    make_submission("Not this one")
    wanted = make_submission("Advocate two", wants_advocate=True)
    queue_page = page(client.get("/moderation/?advocate=y"))
    assert f"/moderation/{first.id}?advocate=y" in queue_page
    response = client.post(f"/moderation/{first.id}?advocate=y", data=save_next(first))
    assert response.location == f"/moderation/{wanted.id}?advocate=y"


def test_an_answer_to_check_opens_the_check_page(client, signed_in, area):
    worker = signed_in("worker")
    submission = make_submission("Please answer me")
    moderation.moderate(submission, worker, "Please answer me", [theme_id()], [])
    moderation.route(submission, worker, area, area.officers[0])
    answering.save(
        submission,
        area.officers[0],
        decision="do",
        explanation="We will keep the wifi on until eleven at night from next week.",
        team_name="Placements team",
        submit=True,
    )
    db.session.commit()
    html = page(client.get("/moderation/?status=response_ready"))
    assert f'href="/moderation/{submission.id}/check?status=response_ready"' in html
    review = page(client.get(f"/moderation/{submission.id}"))
    # Its own page shows where it went, not a blank routing form.
    assert f'<option selected value="{area.id}">' in review


def test_suggested_themes_come_ticked_and_officers_say_their_area(client, signed_in, area):
    signed_in("worker")
    submission = make_submission("My social worker never calls me back")
    html = page(client.get(f"/moderation/{submission.id}"))
    social = theme_id("social-worker")
    assert re.search(rf'checked[^>]*value="{social}"|value="{social}"[^>]*checked', html)
    assert "ticked for you: untick any that do not fit" in html
    officer = area.officers[0]
    assert f'data-area="{area.id}"' in html and f'value="{officer.id}"' in html
    assert 'data-follows="review-service_area"' in html


# --- A sign-in lands on the person's own work ------------------------------------------


def item(html, label):
    """The line of the home page that starts with `label`, tags stripped."""
    match = re.search(rf"<li><a [^>]*>{re.escape(label)}</a>(.*?)</li>", html, re.S)
    assert match, f"no “{label}” on the page"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip(": ").strip()


def late_case(worker, area, due_days_ago=3):
    submission = make_submission("Late one")
    moderation.moderate(submission, worker, "Late one", [theme_id()], [])
    moderation.route(submission, worker, area, area.officers[0])
    submission.due_on = utcnow().date() - timedelta(days=due_days_ago)
    db.session.commit()
    return submission


def test_a_worker_lands_on_what_is_waiting_and_late(client, signed_in, area, make_user):
    make_submission("To read")
    late_case(make_user("worker"), area)
    worker = signed_in("worker")
    html = page(client.get("/staff/"))
    assert item(html, "Messages and follow-ups to read") == "1"
    assert item(html, "Replies late") == "1"
    assert item(html, "Answers to check") == "none"
    opened = make_submission("Opened, not saved")
    client.get(f"/moderation/{opened.id}")
    html = page(client.get("/staff/"))
    assert "Carry on with" in html and opened.reference in html
    assert worker.role.value == "worker"


def test_an_officer_and_an_area_lead_land_on_their_own_answers(client, sign_in, make_user, area):
    worker = make_user("worker")
    lead = area.officers[0]
    colleague = make_user("officer", name="Other Officer")
    area.officers.append(colleague)
    db.session.commit()
    late = late_case(worker, area)
    late.officer_id = colleague.id
    mine = make_submission("Mine")
    moderation.moderate(mine, worker, "Mine", [theme_id()], [])
    moderation.route(mine, worker, area, lead)
    db.session.commit()
    assert sign_in(lead).status_code == 302
    html = page(client.get("/staff/"))
    assert item(html, "Waiting for your answer") == "1"
    assert item(html, "Your answers late") == "none"
    assert item(html, "Late in the areas you lead (other officers)") == "1"


def test_the_lead_the_board_and_an_admin_each_land_on_their_own_work(
    client, sign_in, make_user, area
):
    make_submission(WORRYING)
    late_case(make_user("worker"), area)
    lead = make_user("safeguarding")
    assert sign_in(lead).status_code == 302
    assert item(page(client.get("/staff/")), "Held for you to read and act on") == "1"
    board = make_user("board")
    client.post("/staff/logout")
    assert sign_in(board).status_code == 302
    html = page(client.get("/staff/"))
    assert item(html, "Replies late across the council") == "fewer than 5"
    assert "figures and board pack" in html
    client.post("/staff/logout")
    assert sign_in(make_user("admin")).status_code == 302
    html = page(client.get("/staff/"))
    assert item(html, "Replies late") == "1" and "Staff, topics, areas and settings" in html
