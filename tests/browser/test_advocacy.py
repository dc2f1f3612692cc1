"""An advocacy referral and its clock (issue 18) at 360 px: the worker sees who asked and by
when it must be passed on, moves it on step by step, and the young person's case page follows
each step. axe finds nothing on any page."""

import secrets

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible, assert_no_sideways_scroll
from tests.browser.test_staff_sign_in import sign_in
from tests.submissions_helpers import theme_id
from voice.extensions import db


def asked_for_an_advocate():
    from voice.submissions import codes, life_cycle
    from voice.submissions.models import Audience, Kind, ReplyBy
    from voice.themes.services import ensure_default_themes

    ensure_default_themes()
    code = codes.new_code()
    submission, _ = life_cycle.create_submission(
        {
            "kind": Kind.VIEW,
            "theme_ids": [theme_id()],
            "audience": Audience.CICC,
            "message": "I want someone on my side at my review meeting.",
            "reply_by": ReplyBy.CODE,
            "consent_publish": False,
            "consent_quote": False,
            "wants_advocate": True,
        },
        secrets.token_urlsafe(8),
        code,
    )
    db.session.commit()
    return submission.reference, code


def case_steps(page, live_server, code):
    page.goto(live_server("/check"))
    page.get_by_label("Your reference code").fill(code)
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_url(live_server("/check/case"))
    section = page.locator("section", has=page.get_by_role("heading", name="An advocate"))
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    return section


def test_a_referral_is_passed_on_then_in_touch_and_the_young_person_sees_each_step(
    page, live_server, live_user
):
    page.set_viewport_size(PHONE)
    with live_server.app.app_context():
        reference, code = asked_for_an_advocate()
    section = case_steps(page, live_server, code)
    expect(section).to_contain_text("You asked for an advocate: done")
    expect(section).to_contain_text("We passed it on to the advocacy service: not yet")
    expect(section).to_contain_text("We will pass it on by")

    page.context.clear_cookies()
    sign_in(page, live_server, *live_user("worker"))
    page.goto(live_server("/advocacy/"))
    row = page.get_by_role("row", name=reference)
    expect(row).to_contain_text("Asked for")
    expect(row.get_by_role("cell").nth(2)).not_to_be_empty()  # pass on by: its working day
    assert_accessible(page)
    assert_no_sideways_scroll(page)
    row.get_by_role("button", name="Passed on").click()
    expect(page.get_by_role("row", name=reference)).to_contain_text("Passed on")
    page.get_by_role("row", name=reference).get_by_role("button", name="Advocate in touch").click()
    expect(page.get_by_role("row", name=reference)).to_have_count(0)  # off the open list
    assert_accessible(page)

    page.context.clear_cookies()
    section = case_steps(page, live_server, code)
    expect(section).to_contain_text("We passed it on to the advocacy service: done")
    expect(section).to_contain_text("An advocate got in touch: done")
    expect(section).not_to_contain_text("We will pass it on by")
