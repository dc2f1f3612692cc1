"""The story of a period in Chromium, on the demo's year of messages: the board's headline,
a worker editing and approving the account, the pack printed at A4 in a few pages, and young
people's digest on "You said, we did" in English and Urdu, at 360 px and 1280 px, with axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    LAPTOP,
    PHONE,
    assert_accessible,
    assert_no_sideways_scroll,
    served,
)
from tests.browser.test_staff_sign_in import sign_in
from tests.conftest import PASSWORD, settings_for
from voice import create_app
from voice.auth import services as accounts
from voice.demo import load_demo
from voice.extensions import db

LAST = "?period=last_quarter"
MOST_PAGES = 5  # "a few pages": the one-page summary and the sections (was 13 with no summary)
SIZES = (PHONE, LAPTOP)


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """Its own server and database, with the demo's year of messages, so the pack measured
    here is the one a council sees when it tries Voice."""
    app = create_app(settings_for(tmp_path_factory.mktemp("story"), TESTING=False))
    with app.app_context():
        db.create_all()
        load_demo(force=False)
        for role in ("board", "worker"):
            accounts.create_user(f"{role}@story.example.org", role, PASSWORD)
        db.session.commit()
    yield from served(app)


def pages_in(pdf):
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def check_at_both_sizes(page):
    for size in SIZES:
        page.set_viewport_size(size)
        assert_accessible(page)
        assert_no_sideways_scroll(page)


def test_the_board_reads_the_headline_and_the_pack_prints_in_a_few_pages(page, demo_site):
    sign_in(page, demo_site, "board@story.example.org", PASSWORD)
    page.goto(demo_site("/board/" + LAST))
    headline = page.get_by_role("region", name="The headline")
    for figure in ("Messages from young people", "Answered within the target", "Actions done"):
        assert figure in headline.inner_text()
    assert "Draft, not yet approved." in page.locator(".story-status").inner_text()
    check_at_both_sizes(page)

    page.goto(demo_site("/board/pack" + LAST))
    page.get_by_role("navigation", name="Contents").get_by_role("link", name="Actions").click()
    assert page.evaluate("location.hash") == "#actions"
    page.emulate_media(media="print")
    assert page.get_by_role("heading", name="The headline").is_visible()
    assert page.locator(".story-account").is_visible()
    # (page.pdf prints with print media unless screen is emulated: print it is.)
    pdf = page.pdf(format="A4", print_background=True)
    assert pages_in(pdf) <= MOST_PAGES, f"the pack prints on {pages_in(pdf)} A4 pages"


def test_a_worker_edits_and_approves_the_account_and_the_board_sees_it(page, demo_site):
    sign_in(page, demo_site, "worker@story.example.org", PASSWORD)
    page.goto(demo_site("/board/" + LAST))
    page.get_by_role("link", name="Edit and approve this account").click()
    check_at_both_sizes(page)
    box = page.get_by_label("The account")
    assert "Young people sent" in box.input_value()
    box.fill("The board should read this first.\n\n" + box.input_value())
    page.get_by_role("button", name="Save and approve").click()
    assert "Version 1 is approved." in page.locator(".notice, .flash").first.inner_text()
    assert page.get_by_role("rowheader", name="1", exact=True).is_visible()
    check_at_both_sizes(page)

    page.get_by_role("link", name="Back to the board's page").click()
    status = page.locator(".story-status").inner_text()
    assert "approved by a participation worker" in status and "version 1" in status
    assert "The board should read this first." in page.locator(".story-account").inner_text()
    check_at_both_sizes(page)


def test_young_people_read_and_print_the_approved_digest_in_english_and_urdu(page, demo_site):
    sign_in(page, demo_site, "worker@story.example.org", PASSWORD)
    for group in ("cicc", "forum"):  # each group's digest, approved on its own
        page.goto(demo_site(f"/board/digest/{group}" + LAST))
        check_at_both_sizes(page)
        assert "What you told us" in page.get_by_label("The account").input_value()
        assert "آپ نے ہمیں کیا بتایا" in page.get_by_label("The same in Urdu").input_value()
        with page.expect_navigation():
            page.get_by_role("button", name="Save and approve").click()
        expect(page.get_by_text("Version 1 is approved.")).to_be_visible()
    page.context.clear_cookies()  # now a young person, on any phone

    page.goto(demo_site("/you-said-we-did"))
    forum = page.get_by_role("region", name=re.compile("For the Care Leavers' Forum: what you"))
    assert "From the messages care leavers sent us." in forum.inner_text()
    digest = page.get_by_role(
        "region", name=re.compile("For the Children in Care Council: what you told us")
    )
    assert "July to September 2026" in digest.inner_text()
    assert digest.get_by_role("heading", name="What the council decided").is_visible()
    check_at_both_sizes(page)
    digest.get_by_role("link", name="Open it on its own page to print it").click()
    page.emulate_media(media="print")
    assert page.locator("h1").is_visible() and not page.locator(".site-footer").is_visible()
    page.emulate_media(media="screen")
    check_at_both_sizes(page)

    page.get_by_role("link", name="اردو").first.click()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("heading", name="کونسل نے کیا فیصلہ کیا").is_visible()
    assert "جولائی" in page.locator("h1").inner_text()
    check_at_both_sizes(page)
    page.goto(demo_site("/you-said-we-did"))
    told = page.get_by_role("heading", name="آپ نے ہمیں کیا بتایا", exact=True)
    assert told.count() == 2 and told.first.is_visible()  # each group's digest
    check_at_both_sizes(page)
