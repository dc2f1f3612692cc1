"""Views gathered by staff, in Chromium at 360 px: a worker's entry and its slip (on screen
and as printed), a meeting's several entries with one mistake, and the young person with the
slip's code asking for an advocate on /check/case, in English and in Urdu. axe finds nothing
on any page."""

from datetime import date

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from voice.extensions import db
from voice.themes.services import ensure_default_themes

VIEW = "The bus pass runs out in the holidays, so I can't visit my brother."


def ready(live_server):
    with live_server.app.app_context():
        ensure_default_themes()
        db.session.commit()


def check_page(page):
    assert_no_sideways_scroll(page)
    assert_accessible(page)


def where_and_when(page, source):
    page.get_by_label("Where it was given").select_option(label=source)
    page.get_by_label("The day they gave it").fill(date.today().isoformat())


def test_a_worker_enters_a_view_prints_the_slip_and_the_young_person_asks_for_an_advocate(
    page, live_server, live_user
):
    ready(live_server)
    sign_in(page, live_server, *live_user("worker"))
    page.goto(live_server("/gathered/new"))
    check_page(page)
    where_and_when(page, "A phone call")
    page.get_by_role("radio", name="My view", exact=True).check()
    page.get_by_role("radio", name="Where I live").check()
    page.get_by_label("Your message").fill(VIEW)
    page.get_by_role("button", name="Save their view").click()
    # Forgot to say the young person answered: told so, nothing lost.
    assert "Ask the young person the questions" in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Your message").input_value() == VIEW
    check_page(page)
    page.get_by_label("I asked the young person these questions").check()
    page.get_by_role("button", name="Save their view").click()
    page.wait_for_url(live_server("/gathered/slips"))
    check_page(page)
    code = page.locator(".slip-code").inner_text().strip()
    assert "We will reply by" in page.locator(".slip").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".slip").is_visible()
    assert not page.get_by_role("button", name="Print the slips").is_visible()
    page.emulate_media(media="screen")

    # The young person, with their slip.
    page.context.clear_cookies()
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill(code)
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_url(live_server("/check/case"))
    page.get_by_role("button", name="I'd like an advocate").click()
    page.wait_for_url(live_server("/check/case"))
    section = page.locator("section", has_text="An advocate")
    assert "You asked for an advocate" in section.inner_text()
    assert "We will pass it on by" in section.inner_text()
    check_page(page)

    page.get_by_role("link", name="اردو").click()
    page.wait_for_url(live_server("/check/case"))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    text = page.locator("main").inner_text()
    assert "آپ نے ایڈووکیٹ مانگا" in text and "ہم اسے" in text
    check_page(page)


def test_a_meeting_s_views_one_mistake_loses_nothing_and_each_gets_a_slip(
    page, live_server, live_user
):
    ready(live_server)
    sign_in(page, live_server, *live_user("worker"))
    page.goto(live_server("/gathered/meeting"))
    check_page(page)
    where_and_when(page, "Children in Care Council meeting")
    page.get_by_label("Meeting or event (optional)").fill("December CiCC")
    first = page.locator("fieldset.gathered-entry", has_text="Message 1")
    first.get_by_label("What they said").fill("More trips in the holidays.")
    first.get_by_role("radio", name="Where I live").check()
    second = page.locator("fieldset.gathered-entry", has_text="Message 2")
    second.get_by_label("What they said").fill("Wifi after 9pm.")  # no topic chosen yet
    page.get_by_label("I asked the young person these questions").check()
    page.get_by_role("button", name="Save them all").click()

    assert "Nothing has been saved yet" in page.locator("main").inner_text()
    assert first.get_by_label("What they said").input_value() == "More trips in the holidays."
    assert second.get_by_label("What they said").input_value() == "Wifi after 9pm."
    check_page(page)
    second.get_by_role("radio", name="Where I live").check()
    second.get_by_role("radio", name="Through my worker").check()
    page.get_by_label("I asked the young person these questions").check()
    page.get_by_role("button", name="Save them all").click()
    page.wait_for_url(live_server("/gathered/slips"))
    assert page.locator(".slip-code").count() == 1
    assert "hears back through you" in page.locator("main").inner_text()
    check_page(page)
