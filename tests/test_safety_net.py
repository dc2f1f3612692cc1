"""The young person's side of the safety net: "Are you safe right now?" on the share form, the
"I don't feel safe" link, and the two strengths of sign (a strong one holds the message for
the safeguarding lead, a weaker one puts it first for the workers, marked "read today")."""

import pytest

from tests.submissions_helpers import (
    ORDINARY,
    WEAK_WORDS,
    make_submission,
    send,
    share_page,
)
from tests.test_follow_ups import answered, officer, opened, route, worker  # noqa: F401
from tests.test_reading_age import assert_reads_at_about_11, no_network  # noqa: F401
from voice.extensions import db
from voice.notifications.models import Notification, Urgency
from voice.responses.services import released
from voice.submissions import disclosure
from voice.submissions.disclosure import Assessment, Strength
from voice.submissions.models import Contact, ReplyBy, SafeNow, Status, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def alerts():
    return db.session.query(Notification).filter_by(kind="safeguarding_alert").all()


def only(model):
    return db.session.query(model).one()


# --- "Are you safe right now?" --------------------------------------------------------------


def test_the_share_form_asks_once_and_no_answer_is_needed(client):
    html, _ = share_page(client)
    assert html.count("Are you safe right now?") == 1
    assert "I&#39;d rather not say" in html or "I'd rather not say" in html
    send(client)
    assert only(Submission).safe_now is None and only(Submission).status == Status.NEW


def test_no_holds_an_ordinary_message_for_the_lead_with_the_help_now_panel(client):
    response, code = send(client, message=ORDINARY, safe_now="no")
    page = response.get_data(as_text=True)
    assert 'id="help-now"' in page and "Childline" in page and code
    submission = only(Submission)
    assert submission.status == Status.SAFEGUARDING and submission.safeguarding
    assert submission.safe_now == SafeNow.NO
    assert "said they are not safe" in submission.changes[-1].note
    (alert,) = alerts()
    assert alert.urgency == Urgency.URGENT and alert.recipient == "role:safeguarding"
    assert ORDINARY not in str(alert.payload)


@pytest.mark.parametrize("answer", ["yes", "not_say"])
def test_yes_or_rather_not_say_is_kept_and_changes_nothing(client, answer):
    response, _ = send(client, safe_now=answer)
    assert 'id="help-now"' not in response.get_data(as_text=True)
    submission = only(Submission)
    assert submission.safe_now == SafeNow(answer) and submission.status == Status.NEW
    assert alerts() == []


def test_the_lead_sees_the_answer(client, signed_in):
    send(client, safe_now="no")
    signed_in("safeguarding")
    page = client.get(f"/safeguarding/{only(Submission).id}").get_data(as_text=True)
    assert "Are you safe right now?" in page and "<strong>No</strong>" in page


def test_a_made_up_answer_is_refused_kindly_and_nothing_is_lost(client):
    response, code = send(client, safe_now="maybe")
    assert code is None and response.status_code == 200
    assert "The wifi at my placement goes off" in response.get_data(as_text=True)
    assert db.session.query(Submission).count() == 0


# --- "I don't feel safe" --------------------------------------------------------------------


def test_every_young_persons_page_has_the_quiet_link(client):
    for path in ("/", "/share", "/check", "/privacy"):
        assert 'href="/not-safe"' in client.get(path).get_data(as_text=True), path


def test_an_empty_form_still_reaches_the_lead_at_once(client):
    page = client.get("/not-safe").get_data(as_text=True)
    assert 'id="help-now"' in page and "Childline" in page  # before anything is sent
    response = client.post("/not-safe", data={}, follow_redirects=True)
    assert 'id="help-now"' in response.get_data(as_text=True)
    submission = only(Submission)
    assert submission.status == Status.SAFEGUARDING and submission.safety_link
    assert submission.safe_now == SafeNow.NO and submission.message == ""
    assert [a.urgency for a in alerts()] == [Urgency.URGENT]


def test_what_is_happening_and_a_contact_go_to_the_lead(client, signed_in):
    client.post(
        "/not-safe",
        data={"what": "My mum's boyfriend shouts at night.", "contact": "07911 123456"},
    )
    submission = only(Submission)
    assert submission.reply_by == ReplyBy.TEXT
    assert only(Contact).value == "+447911123456"
    signed_in("safeguarding")
    page = client.get(f"/safeguarding/{submission.id}").get_data(as_text=True)
    assert "Sent through “I don't feel safe”" in page and "shouts at night" in page


def test_a_contact_that_is_not_a_number_or_address_is_refused_and_the_words_kept(client):
    response = client.post("/not-safe", data={"what": "Help me please", "contact": "call me"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "UK mobile number" in page
    # How a mobile number looks, not an example: the numbers set aside for examples are not
    # mobiles to the check, so an example would be refused if the young person copied it.
    assert "It starts with 07 and has 11 numbers." in page and "07700" not in page
    assert "Help me please" in page
    assert db.session.query(Submission).count() == 0


def test_the_link_is_rate_limited_like_share(tmp_path):
    from tests.conftest import settings_for
    from voice import create_app

    app = create_app(settings_for(tmp_path, RATELIMIT_ENABLED=True))
    with app.app_context():
        db.create_all()
        client = app.test_client()
        statuses = [client.post("/not-safe", data={}).status_code for _ in range(7)]
        assert statuses[:6] == [303] * 6 and statuses[-1] == 429
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


# --- Two strengths of sign ------------------------------------------------------------------


def test_a_weak_sign_is_not_held_but_marked_read_today_with_the_help_panel(client, weak_check):
    response, code = send(client, message=WEAK_WORDS)
    page = response.get_data(as_text=True)
    assert 'id="help-now"' in page and code and "What happens next" in page
    submission = only(Submission)
    assert submission.status == Status.NEW and submission.read_today
    assert not submission.safeguarding and alerts() == []


def test_a_strong_sign_is_held_as_before(client, weak_check, monkeypatch):
    monkeypatch.setattr(disclosure, "assess", lambda text: Assessment(Strength.STRONG, "harm"))
    response, _ = send(client)
    assert 'id="help-now"' in response.get_data(as_text=True)
    assert only(Submission).status == Status.SAFEGUARDING and len(alerts()) == 1


def test_no_sign_no_panel(client, weak_check):
    response, _ = send(client)
    assert 'id="help-now"' not in response.get_data(as_text=True)
    assert not only(Submission).read_today


def test_a_weak_follow_up_goes_to_the_workers_marked_read_today(app, answered, weak_check):  # noqa: F811
    browser = opened(app, answered)
    page = browser.post(
        "/check/follow-up", data={"message": WEAK_WORDS}, follow_redirects=True
    ).get_data(as_text=True)
    assert 'id="help-now"' in page
    db.session.refresh(answered)
    assert answered.status == Status.FOLLOW_UP and answered.read_today
    # The panel shows once, straight after: not every time the case is opened.
    assert 'id="help-now"' not in browser.get("/check/case").get_data(as_text=True)


def test_a_weak_rating_comment_becomes_a_follow_up_read_today(app, answered, weak_check):  # noqa: F811
    browser = opened(app, answered)
    response_id = released(answered).id
    page = browser.post(
        "/check/rate",
        data={"response_id": response_id, "answer": "not_really", "comment": WEAK_WORDS},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert 'id="help-now"' in page
    db.session.refresh(answered)
    assert answered.status == Status.FOLLOW_UP and answered.read_today


def test_a_strong_follow_up_is_held_and_shows_the_panel(app, answered, monkeypatch):  # noqa: F811
    monkeypatch.setattr(disclosure, "assess", lambda text: Assessment(Strength.STRONG, "harm"))
    page = (
        opened(app, answered)
        .post("/check/follow-up", data={"message": "something"}, follow_redirects=True)
        .get_data(as_text=True)
    )
    assert 'id="help-now"' in page
    db.session.refresh(answered)
    assert answered.status == Status.SAFEGUARDING and not answered.read_today


# --- Reading age ----------------------------------------------------------------------------


def test_the_new_words_read_at_about_age_11(client, weak_check):
    pages = {
        "/share": share_page(client)[0],
        "/not-safe": client.get("/not-safe").get_data(as_text=True),
        "/not-safe with an error": client.post("/not-safe", data={"contact": "x"}).get_data(
            as_text=True
        ),
        "/share/sent (not safe)": send(client, safe_now="no")[0].get_data(as_text=True),
        "/share/sent (a weak sign)": send(client, message=WEAK_WORDS)[0].get_data(as_text=True),
    }
    for page, html in pages.items():
        assert_reads_at_about_11(html, page)


def test_make_submission_still_takes_no_answer(app):
    assert make_submission().safe_now is None
