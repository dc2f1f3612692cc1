"""A board member reads last quarter's figures at a laptop and on a tablet: every section, a
theme's page, the CSV download and the board pack; axe-core finds nothing on any of them."""

import csv
import io

from playwright.sync_api import expect

from tests.board_helpers import build
from tests.browser.conftest import (
    LAPTOP,
    PHONE,
    assert_accessible,
    assert_no_sideways_scroll,
)
from tests.browser.test_staff_sign_in import sign_in
from voice.board import periods
from voice.clock import utcnow
from voice.submissions.models import Submission

TABLET = {"width": 768, "height": 1024}
NARROWEST = {"width": 320, "height": 640}
SECTIONS = (
    "What young people raised",
    "“Me too”",
    "Time to answer",
    "Outcomes",
    "Did we answer properly?",
    "Actions",
    "The Promise",
    "Their words",
    "Safeguarding",
)


def read_every_section(page):
    for heading in SECTIONS:
        section = page.get_by_role("heading", name=heading, level=2)
        section.scroll_into_view_if_needed()
        assert section.is_visible(), heading
    assert page.get_by_role("img", name="Bar chart: By kind").is_visible()
    assert "The wifi goes off too early." in page.locator("#words").inner_text()


def test_a_board_member_reads_last_quarter_opens_a_theme_downloads_and_prints(
    page, live_server, live_user
):
    with live_server.app.app_context():
        build()
    email, password = live_user("board", name="Cllr Pat Board")
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, email, password)
    page.get_by_role("link", name="Board", exact=True).click()
    page.get_by_label("Last quarter").check()
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**period=last_quarter**")
    assert (
        "July to September 2026, compared with April to June 2026"
        in page.locator(".board-period-says").inner_text()
    )
    read_every_section(page)
    assert_accessible(page)
    assert_no_sideways_scroll(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the figures (CSV)").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Section", "Figure", "July to September 2026", "April to June 2026"]
    # Issue 17: from when it was sent, the holding reply no answer, the council's figures
    # whatever the count; the board downloads figures, never the list of single messages.
    assert ["Time to answer", "Median working days", "17.5", "5.0"] in rows
    assert page.get_by_role("link", name="list of messages", exact=False).count() == 0

    page.get_by_role("link", name="Where I live").first.click()
    assert page.locator("h1").inner_text().endswith("Where I live")
    assert "period=last_quarter" in page.url
    assert_accessible(page)

    page.goto(live_server("/board/pack?period=last_quarter"))
    assert page.get_by_role("navigation", name="Contents").is_visible()
    assert "Prepared" in page.locator(".pack-cover").inner_text()
    read_every_section(page)
    assert_accessible(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")

    page.set_viewport_size(TABLET)
    page.goto(live_server("/board/?period=last_quarter"))
    read_every_section(page)
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    page.get_by_role("link", name="Board pack (printable)").click()
    expect(page.get_by_role("navigation", name="Contents")).to_be_visible()
    assert_no_sideways_scroll(page)

    # On the smallest phone the tables with a row per period scroll in their own region.
    page.set_viewport_size(NARROWEST)
    page.goto(live_server("/board/?period=last_quarter"))
    assert_no_sideways_scroll(page)
    promise = page.locator("#promise .table-scroll")
    assert promise.evaluate("region => region.scrollWidth > region.clientWidth")
    listen = promise.get_by_role("rowgroup").filter(has_text="We listen to you")
    assert "April to June 2026" in listen.inner_text()


def test_a_board_member_chooses_a_quarter_from_the_list_on_a_laptop_and_a_phone(
    page, live_server, live_user
):
    """Issue 17: whole quarters only, picked from a list; the topics most raised named
    first; the page and the pack pass axe at 1280 and at 360 px."""
    with live_server.app.app_context():
        if not Submission.query.count():
            build()
    email, password = live_user("board", name="Cllr Sam Board")
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        if size is LAPTOP:
            sign_in(page, live_server, email, password)
        page.goto(live_server("/board/"))
        page.get_by_label("Choose a quarter").check()
        page.get_by_label("Quarter", exact=True).select_option(label="July to September 2026")
        page.get_by_role("button", name="Show").click()
        page.wait_for_url("**quarter=2026-07**")
        says = page.locator(".board-period-says").inner_text()
        assert "July to September 2026, compared with April to June 2026" in says
        raised = page.locator(".board-most-raised").inner_text()
        # The biggest topic first (the live server's database may hold an earlier test's too).
        assert raised.startswith("Raised most in July to September 2026: Where I live (")
        assert_accessible(page)
        assert_no_sideways_scroll(page)
        page.get_by_role("link", name="Board pack (printable)").click()
        expect(page.get_by_role("navigation", name="Contents")).to_be_visible()
        assert_accessible(page)
        assert_no_sideways_scroll(page)


def test_a_board_member_reads_the_last_12_months_and_the_year_so_far_at_1280_and_360_px(
    page, live_server, live_user
):
    """Issue 17: the last 12 months (whole quarters, beside the 12 months before) and the
    year so far (its whole quarters, beside the same quarters a year back), offered in the
    picker; the page says which months it counts and passes axe at both sizes."""
    with live_server.app.app_context():
        if not Submission.query.count():
            build()
        today = utcnow().date()
        rolling, so_far = periods.named("last_12", today), None
        if today.month > 3:
            so_far = periods.named("this_year", today)
    email, password = live_user("board", name="Cllr Jo Board")
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        if size is LAPTOP:
            sign_in(page, live_server, email, password)
        page.goto(live_server("/board/"))
        page.get_by_label("The last 12 months").check()
        page.get_by_role("button", name="Show").click()
        page.wait_for_url("**period=last_12**")
        says = page.locator(".board-period-says").inner_text()
        assert f"{rolling.label}, compared with {rolling.previous().label}" in says
        assert_accessible(page)
        assert_no_sideways_scroll(page)
        page.get_by_label("This year so far").check()
        page.get_by_role("button", name="Show").click()
        page.wait_for_url("**period=this_year**")
        says = page.locator(".board-period-says").inner_text()
        if so_far is not None:
            assert "so far (January to " in says
            assert f"compared with {so_far.previous().label}" in says
        else:  # January to March: no whole quarter yet, so the last whole quarter, and why
            assert "has no whole quarter yet" in page.locator("#period-error").inner_text()
        assert_accessible(page)
        assert_no_sideways_scroll(page)
