"""A young person shares a view, a question or an idea, and gets a reference code."""

import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from tests.submissions_helpers import (
    ORDINARY,
    WORRYING,
    answers,
    make_submission,
    send,
    share_page,
    theme_id,
)
from voice.extensions import db
from voice.notifications.models import Notification
from voice.submissions import codes
from voice.submissions.models import Contact, ReplyBy, Status, Submission

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)


def count(model=Submission):
    return db.session.scalar(select(func.count()).select_from(model))


def only_submission():
    return db.session.scalars(select(Submission)).one()


@pytest.mark.parametrize("kind", ["view", "question", "idea"])
def test_each_kind_is_saved_and_shows_a_code_and_a_reply_date(client, kind):
    response, code = send(client, kind=kind)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Your message has been sent" in page
    assert codes.normalise(code) == code
    submission = only_submission()
    assert submission.kind.value == kind and submission.status == Status.NEW
    assert submission.message == ORDINARY
    assert f"{submission.due_on.day} {submission.due_on:%B %Y}" in page
    assert code not in str(submission.code_hash)  # only a keyed hash is kept
    assert [c.to_status for c in submission.changes] == [Status.NEW]


def test_each_young_person_gets_their_own_tokens_and_theme_changes_show_at_once(client, app):
    """The fields of a fresh form are rendered once and reused; the tokens never are, and a
    theme an admin renames or switches off changes the very next form."""
    from voice.themes.models import Theme

    first, first_token = share_page(client)
    second, second_token = share_page(app.test_client())
    assert first_token != second_token and "Money" in first and "Money" in second
    money = db.session.get(Theme, theme_id("money"))
    money.active = False
    db.session.get(Theme, theme_id("jobs")).name = "Work and training"
    db.session.commit()
    after, _ = share_page(app.test_client())
    assert "Money" not in after and "Work and training" in after
    assert 'name="kind"' in after and "Jobs and training" not in after


def test_sending_the_same_form_twice_makes_one_submission_and_the_same_code(client):
    _, token = share_page(client)
    first = client.post("/share", data=answers(token), follow_redirects=True)
    second = client.post("/share", data=answers(token), follow_redirects=True)
    assert count() == 1
    code_in = lambda r: r.get_data(as_text=True).split('data-code="')[1].split('"')[0]  # noqa
    assert code_in(first) == code_in(second)


def test_a_form_sent_again_keeps_the_first_and_undoes_nothing_else(app):
    """The database refuses the second copy without an error (ON CONFLICT DO NOTHING), so
    other work in the same transaction is kept: `flask demo` sets new passwords before it
    adds its messages, and a second run must not lose them."""
    from voice.themes.models import Theme

    first = make_submission(token="one-form-token")
    db.session.get(Theme, theme_id("money")).name = "Pocket money"  # not yet committed
    again = make_submission(message="Sent again from the same form.", token="one-form-token")
    assert again.id == first.id and again.message == ORDINARY and count() == 1
    assert db.session.get(Theme, theme_id("money")).name == "Pocket money"
    assert [c.to_status for c in again.changes] == [Status.NEW]  # no second history either


def test_a_message_showing_risk_is_held_for_safeguarding_with_help_now(client):
    response, code = send(client, message=WORRYING)
    page = response.get_data(as_text=True)
    assert 'id="help-now"' in page and "0800" in page and "999" in page
    submission = only_submission()
    assert submission.status == Status.SAFEGUARDING and submission.safeguarding
    alert = db.session.scalars(select(Notification)).one()
    assert alert.recipient == "role:safeguarding" and alert.urgency.value == "urgent"
    assert alert.payload == {"submission_id": submission.id}  # an id, never the words
    assert code  # they can still check back


@pytest.mark.parametrize(
    "sent_at, promise",
    [
        (datetime(2026, 12, 2, 11, 0), "will read your message today"),
        (datetime(2026, 12, 4, 22, 0), "will read your message on Monday 7 December 2026"),
    ],
)
def test_a_held_message_is_promised_a_reader_on_a_day_that_is_true(client, sent_at, promise):
    """Nobody reads Voice at night or at weekends: a young person who may be at risk is never
    told "today" at 10 pm on a Friday."""
    send(client, message=WORRYING)
    only_submission().created_at = sent_at
    db.session.commit()
    page = client.get("/share/sent").get_data(as_text=True)
    assert promise in page and 'id="help-now"' in page
    assert ("today" in page) == ("today" in promise)


def test_an_ordinary_view_is_not_flagged_and_shows_no_help_panel(client):
    response, _ = send(client)
    assert 'id="help-now"' not in response.get_data(as_text=True)
    assert only_submission().status == Status.NEW and count(Notification) == 0


def test_the_out_of_hours_number_shows_when_the_council_sets_it(app, client):
    app.config.update(OUT_OF_HOURS_PHONE="0161 000 0000", OUT_OF_HOURS_NAME="the duty team")
    response, _ = send(client, message=WORRYING)
    assert "the duty team on" in response.get_data(as_text=True)


def test_missing_answers_get_kind_messages_and_keep_what_was_typed(client):
    _, token = share_page(client)
    response = client.post("/share", data=answers(token, kind=None, theme=None, message="  "))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and count() == 0
    for words in (
        "Choose a view, a question or an idea.",
        "Choose what it is about",
        "Write your message. It can be short.",
    ):
        assert words in page
    assert 'href="#kind-0"' in page
    assert re.search(r'<input [^>]*\bchecked\b[^>]*value="cicc"', page)


def test_a_message_over_the_limit_is_refused_and_kept(client):
    long_message = "a" * 2001
    _, token = share_page(client)
    page = client.post("/share", data=answers(token, message=long_message)).get_data(True)
    assert "up to 2,000 characters" in page and long_message in page and count() == 0


def test_text_replies_need_a_uk_mobile_kept_apart_from_the_message(client):
    _, token = share_page(client)
    page = client.post("/share", data=answers(token, reply_by="text", phone="12345")).get_data(True)
    assert "Type a UK mobile number" in page and count() == 0
    send(client, reply_by="text", phone="07911 123456")
    contact = db.session.scalars(select(Contact)).one()
    assert contact.channel == ReplyBy.TEXT and contact.value == "+447911123456"


@pytest.mark.parametrize("typed", ["07911 123456", "07911123456", "+44 7911 123456"])
def test_a_number_as_the_refusal_describes_it_is_taken(client, typed):
    """The refusal says what a mobile number looks like, and such a number is accepted."""
    _, token = share_page(client)
    page = client.post("/share", data=answers(token, reply_by="text", phone="0791")).get_data(True)
    assert "It starts with 07 and has 11 numbers." in page and count() == 0
    send(client, reply_by="text", phone=typed)
    contact = db.session.scalars(select(Contact)).one()
    assert contact.channel == ReplyBy.TEXT and contact.value == "+447911123456"
    assert "07911" not in only_submission().message


def test_email_replies_need_an_address(client):
    _, token = share_page(client)
    page = client.post("/share", data=answers(token, reply_by="email", email="nope")).get_data(True)
    assert "Type an e-mail address" in page
    send(client, reply_by="email", email="Kai@Example.com")
    assert db.session.scalars(select(Contact)).one().value == "Kai@example.com"


def test_a_contact_detail_typed_but_not_chosen_is_not_kept(client):
    send(client, reply_by="code", phone="07911 123456", email="a@example.com")
    assert count(Contact) == 0


def test_name_or_anonymous(client):
    _, token = share_page(client)
    page = client.post("/share", data=answers(token, call_me="name", name=" ")).get_data(True)
    assert "Type your first name or nickname" in page
    send(client, call_me="anonymous", name="Mia")
    assert only_submission().name is None  # they chose anonymous; the typed name is dropped


def test_consents_and_advocate_are_off_unless_ticked(client):
    send(client)
    first = only_submission()
    assert not (first.consent_publish or first.consent_quote or first.wants_advocate)
    db.session.delete(first)
    db.session.commit()
    send(client, consent_publish="y", consent_quote="y", wants_advocate="y")
    second = only_submission()
    assert second.consent_publish and second.consent_quote and second.wants_advocate


def test_the_honeypot_thanks_a_bot_and_keeps_nothing(client):
    response, code = send(client, website="http://spam.example")
    assert response.status_code == 200 and code is None and count() == 0


HOSTILE = [
    "<script>alert('x')</script>",
    "'; DROP TABLE submission; --",
    "Robert'); DELETE FROM theme WHERE ('1'='1",
    "<img src=x onerror=alert(1)> & \u202eevil\u202c 😀",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_html_and_sql_looking_text_is_stored_as_typed_and_shown_as_text(client, text):
    response, code = send(client, message=text)
    assert only_submission().message == text
    client.post("/check", data={"code": code})
    page = client.get("/check/case").get_data(as_text=True)
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;" in page or "&#39;" in page or "😀" in page


def test_share_is_rate_limited_per_address_with_a_friendly_page(tmp_path):
    from tests.conftest import settings_for
    from voice import create_app

    app = create_app(settings_for(tmp_path, RATELIMIT_ENABLED=True))
    with app.app_context():
        db.create_all()
        client = app.test_client()
        statuses = [send(client)[0].status_code for _ in range(8)]
        assert statuses[:6] == [200] * 6 and statuses[-1] == 429
        _, token = share_page(client)
        limited = client.post("/share", data=answers(token))
        assert limited.status_code == 429 and "slow down" in limited.get_data(as_text=True)
        assert client.get("/share").status_code == 200  # reading the form is never limited
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def test_a_limit_on_reading_a_page_is_refused_when_the_app_is_built():
    """Reads never reach the limiter (voice.extensions.SendLimiter), so a limit on one would
    silently never apply: it fails loudly instead."""
    from voice.extensions import limiter

    with pytest.raises(ValueError, match="sends only"):
        limiter.limit("5 per minute", methods=["GET", "POST"])
    assert limiter.limit("5 per minute") is not None  # POST by default


def test_a_timed_out_share_page_keeps_every_answer(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    _, token = share_page(client)
    message = "My long message that I typed slowly on the bus."
    response = client.post("/share", data=answers(token, message=message, csrf_token="old"))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and count() == 0
    assert "for your safety it was not sent" in page and message in page
    assert re.search(r'<input[^>]* checked[^>]*value="view"', page)
