"""The browser checks themselves: a check that cannot fail proves nothing, so each is shown a
page that breaks it and must say so, naming what is wrong."""

import pytest

from tests.browser.conftest import assert_accessible, assert_no_sideways_scroll

BROKEN = """<!doctype html><html lang="en"><head><title>Broken</title></head><body>
<main><h1>A broken page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<input type="text" name="unlabelled">
<p style="color: #bbb; background: #fff">Pale grey on white.</p>
<div style="width: 2000px">Too wide for a phone.</div>
</main></body></html>"""


def test_axe_names_each_problem_on_a_broken_page_and_passes_it_once_mended(page):
    page.set_content(BROKEN)
    with pytest.raises(AssertionError) as failed:
        assert_accessible(page)
    for rule in ("image-alt", "label", "color-contrast"):
        assert f"{rule} (" in str(failed.value), rule
    page.evaluate("""() => {
        document.querySelector('img').alt = 'A dot';
        document.querySelector('input').setAttribute('aria-label', 'Your name');
        document.querySelector('p').style.color = '#333';
    }""")
    assert_accessible(page)  # axe is already in the page: the mended page is checked again


def test_sideways_scrolling_is_caught(page):
    page.set_content(BROKEN)
    with pytest.raises(AssertionError, match="scrolls sideways"):
        assert_no_sideways_scroll(page)
