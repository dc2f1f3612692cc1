"""The safety net in Chromium at 360 px, in English and in Urdu, axe finding nothing: "No" to
"Are you safe right now?" holds the message and shows where to get help now; the quiet
"I don't feel safe" link goes straight to the lead; a weaker sign shows the help panel and
puts the message first in the workers' queue, marked "read today", beside how long unread
messages have waited."""

import os
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from voice.clock import local_time, utcnow, working_days_between
from voice.extensions import db
from voice.submissions import disclosure
from voice.submissions.disclosure import Assessment, Strength
from voice.submissions.models import Status, Submission
from voice.themes.services import ensure_default_themes

LANGUAGES = ["en", "ur"]


def in_language(page, live_server, language):
    """The topics the share form needs (Voice is "not open yet" without them), and the
    language cookie the switch sets."""
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()
    page.context.add_cookies([{"name": "lang", "value": language, "url": live_server.url}])


def looked_at(page, name):
    """In the language asked for (the name starts with it), axe finds nothing, nothing
    scrolls sideways, and (VOICE_SCREENSHOTS=folder) a picture to look at."""
    if name.startswith("ur-") and not name.endswith("queue"):  # staff pages stay English
        assert page.evaluate("document.documentElement.lang") == "ur", name
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    if os.environ.get("VOICE_SCREENSHOTS"):
        page.screenshot(
            path=os.path.join(os.environ["VOICE_SCREENSHOTS"], f"{name}.png"), full_page=True
        )


def share(page, live_server, message, safe_now=None):
    page.goto(live_server("/share"))
    page.locator("#kind-0").check()
    page.locator("#theme-0").check()
    page.locator("#message").fill(message)
    if safe_now is not None:
        page.locator(f"#safe_now-{safe_now}").check()
    page.locator("form[data-draft] button[type=submit]").click()
    page.wait_for_url(live_server("/share/sent"))


def newest(live_server, **where):
    with live_server.app.app_context():
        return (
            db.session.query(Submission).filter_by(**where).order_by(Submission.id.desc()).first()
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_to_are_you_safe_holds_it_and_shows_help_now(page, live_server, language):
    in_language(page, live_server, language)
    page.goto(live_server("/share"))
    looked_at(page, f"{language}-share")
    if os.environ.get("VOICE_SCREENSHOTS"):  # the question alone: the page is long
        page.locator("#safe_now").screenshot(
            path=os.path.join(os.environ["VOICE_SCREENSHOTS"], f"{language}-safe-now.png")
        )
    message = f"Dinner is always late ({language})."
    share(page, live_server, message, safe_now=1)  # Yes, No, I'd rather not say
    assert page.locator("#help-now").is_visible()
    assert "0800" in page.locator("#help-now").inner_text()
    looked_at(page, f"{language}-sent-not-safe")
    held = newest(live_server, message=message)
    assert held.status == Status.SAFEGUARDING and held.safe_now.value == "no"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_i_dont_feel_safe_link_goes_straight_to_the_lead(page, live_server, language):
    in_language(page, live_server, language)
    page.goto(live_server("/"))
    page.locator("footer a[href='/not-safe']").click()
    page.wait_for_url(live_server("/not-safe"))
    assert page.locator("#help-now").is_visible()
    looked_at(page, f"{language}-not-safe")
    words = f"Someone at home scares me ({language})."
    page.locator("#what").fill(words)
    page.locator("#contact").fill("not a number")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#contact-error")).to_be_visible()
    looked_at(page, f"{language}-not-safe-error")
    page.locator("#contact").fill("")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server("/share/sent"))
    assert page.locator("#help-now").is_visible()
    looked_at(page, f"{language}-not-safe-sent")
    held = newest(live_server, message=words)
    assert held.status == Status.SAFEGUARDING and held.safety_link


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_weak_sign_shows_help_and_comes_first_for_the_workers(
    page, live_server, live_user, monkeypatch, language
):
    marker = f"I keep skipping meals ({language})."
    monkeypatch.setattr(
        disclosure,
        "assess",
        lambda text: (
            Assessment(Strength.WEAK, "neglect")
            if "skipping" in text
            else Assessment(Strength.NONE, None)
        ),
    )
    with live_server.app.app_context():
        old_reference, waited = _ordinary_days_ago(8)
    in_language(page, live_server, language)
    share(page, live_server, marker)
    assert page.locator("#help-now").is_visible()
    looked_at(page, f"{language}-sent-weak")
    flagged = newest(live_server, message=marker)
    assert flagged.read_today and flagged.status == Status.NEW

    page.context.clear_cookies()
    email, password = live_user("worker")
    sign_in(page, live_server, email, password)
    page.goto(live_server("/moderation/"))
    first = page.locator("tbody tr").first
    assert "read today" in first.inner_text()
    row = page.locator("tbody tr", has_text=flagged.reference)
    assert "read today" in row.inner_text() and "not read yet" in row.inner_text()
    old_row = page.locator("tbody tr", has_text=old_reference).inner_text()
    assert f"waiting {waited} working days, not read yet" in old_row
    looked_at(page, f"{language}-queue")


def _ordinary_days_ago(days):
    """An ordinary unread message sent `days` days ago: (its reference, working days waited)."""
    from tests.submissions_helpers import make_submission

    submission = make_submission(f"The bus pass runs out soon ({days}).")
    submission.created_at = utcnow() - timedelta(days=days)
    db.session.commit()
    today = local_time(utcnow()).date()
    return submission.reference, working_days_between(
        local_time(submission.created_at).date(), today
    )
