"""The short form's face (issue 18) is the message's feeling, kept apart from its words: the
young person reads it back in their language, staff read it as a label (not as words the young
person wrote), their copy of their data holds it, and the board counts it like any other
young people's figure, small numbers hidden."""

import json
import re
from datetime import date

import pytest

from tests.board_helpers import World
from tests.test_short_form import send_short
from voice.areas.services import ensure_area
from voice.board import counted, figures
from voice.board.periods import Period
from voice.board.summary import summary
from voice.extensions import db
from voice.submissions.models import Feeling, Status, Submission
from voice.themes.models import Theme

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def html(response):
    return response.get_data(as_text=True)


def send_a_face(client, feeling="worried", message=None):
    page = html(send_short(client, feeling=feeling, message=message))
    code = re.search(r'data-code="([^"]+)"', page).group(1)
    return db.session.query(Submission).one(), code


def case_page(client, code, language=None):
    if language:
        client.set_cookie("lang", language)
    return html(client.post("/check", data={"code": code}, follow_redirects=True))


def test_the_case_page_says_how_they_felt_in_their_language(client):
    _, code = send_a_face(client)
    english = case_page(client, code)
    assert "How you felt:" in english and "Worried" in english and "Feels" not in english
    urdu = case_page(client, code, "ur")
    assert "آپ نے کیسا محسوس کیا:" in urdu and "پریشان" in urdu
    assert "Worried" not in urdu and "Feels" not in urdu


def test_their_words_stay_as_they_wrote_them_beside_the_face(client):
    submission, code = send_a_face(client, "sad", "Nobody listens at my review.")
    assert submission.message == "Nobody listens at my review."
    page = case_page(client, code)
    assert "Nobody listens at my review." in page and "Sad" in page


def test_staff_read_the_face_as_a_label_and_can_route_a_message_with_no_words(
    client, make_user, sign_in
):
    submission, _ = send_a_face(client)
    officer = make_user("officer", name="Jordan Reid")
    area = ensure_area("Education", lead=officer, officers=[officer])
    db.session.commit()
    sign_in(make_user("worker"))
    assert "feels worried" in html(client.get("/moderation/"))  # in the queue, as a tag
    review = html(client.get(f"/moderation/{submission.id}"))
    assert "How they feel:</strong> worried" in review
    assert "No words: they picked a picture and a face only." in review
    # Nothing to redact and nothing to share: the shared version may stay empty.
    response = save_unshared(
        client,
        submission,
        **{"review-route": "y", "review-service_area": area.id, "review-officer": officer.id},
    )
    assert response.status_code == 302, html(response)
    db.session.refresh(submission)
    assert submission.status == Status.WITH_OFFICER and submission.shared_text == ""
    client.post("/staff/logout")
    sign_in(officer)
    for url in (f"/responses/{submission.id}", f"/responses/{submission.id}/respond"):
        page = html(client.get(url))
        assert "How they feel:</strong> worried" in page, url
    assert "No words: they picked a picture and a face only." in page


def save_unshared(client, submission, **more):
    """The review form saved with an empty shared version (and `more` fields)."""
    data = {
        "review-shared_text": "",
        "review-themes": [str(t.id) for t in submission.themes],
        "review-version": str(submission.version),
        **{name: str(value) for name, value in more.items()},
    }
    return client.post(f"/moderation/{submission.id}", data=data)


def test_a_long_form_message_still_needs_a_shared_version(client, make_user, sign_in):
    from tests.submissions_helpers import make_submission

    submission = make_submission()
    sign_in(make_user("worker"))
    response = save_unshared(client, submission)
    assert "The shared version can&#39;t be empty." in html(response)
    assert "How they feel" not in html(response)


def test_their_copy_of_their_data_holds_the_face(client):
    _, code = send_a_face(client, "cross", "The wifi is off at night.")
    case_page(client, code)
    data = json.loads(html(client.get("/check/download.json")))
    assert data["choices"]["feeling"] == "cross"
    assert data["message"] == "The wifi is off at night."
    page = html(client.get("/check/download"))
    assert "How you felt" in page and "Cross" in page


def test_the_home_page_links_to_the_short_form(client):
    assert 'href="/share/short"' in html(client.get("/"))
    client.set_cookie("lang", "ur")
    assert "تصویروں کے ساتھ مختصر فارم" in html(client.get("/"))


def feelings_table(page):
    found = next(t for t in page["tables"] if t.name == "feelings")
    return {line.label: line.now.shown(5) for line in [*found.lines, found.total]}


def test_the_board_counts_faces_per_topic_and_hides_small_numbers(app):
    """Six worried faces about school, two happy ones and four long-form messages about home,
    in July: read from the running totals (whole months) and from the raw tables alike."""
    w = World()
    for _ in range(6):
        w.submission(date(2026, 7, 6), theme="school", feeling=Feeling.WORRIED)
    for _ in range(2):
        w.submission(date(2026, 7, 7), theme="home", feeling=Feeling.HAPPY)
    for _ in range(4):
        w.submission(date(2026, 7, 8), theme="home")
    db.session.commit()
    quarter = Period(date(2026, 7, 1), date(2026, 9, 30))
    scope = figures.Scope(quarter)
    assert (
        counted.by_column(scope, Submission.feeling)
        == figures.by_column(scope, Submission.feeling)
        == {Feeling.WORRIED: (6, 0), Feeling.HAPPY: (2, 0), None: (4, 0)}
    )
    with app.test_request_context():
        board = feelings_table(summary(quarter, date(2026, 11, 23)))
        assert board["Worried"] == "6" and board["All"] == "12"
        assert board["Happy"] == "fewer than 5" and board["No face (long form)"] == "fewer than 5"
        # Per topic: school's page counts its own six, all worried. Shown beside faces
        # hidden as "fewer than 5" (nought each), the six could be worked out from the total,
        # so it is hidden too, as any breakdown on the board does.
        school = db.session.query(Theme).filter_by(slug="school").one()
        own = figures.Scope(quarter, school.id)
        assert counted.by_column(own, Submission.feeling) == {Feeling.WORRIED: (6, 0)}
        assert figures.by_column(own, Submission.feeling) == {Feeling.WORRIED: (6, 0)}
        on_its_page = feelings_table(summary(quarter, date(2026, 11, 23), school))
        assert on_its_page["All"] == "6" and on_its_page["Worried"] == "not shown"
