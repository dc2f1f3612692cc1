"""The browser checks themselves: a check that cannot fail proves nothing, so each is shown a
page that breaks it and must say so, naming what is wrong."""

import pytest

from tests.browser.conftest import (
    AXE_FOR_THE_SUITE,
    WCAG_TAGS,
    assert_accessible,
    assert_no_sideways_scroll,
    axe_source,
)

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
    page.evaluate("document.querySelector('p').style.color = '#bbb'")  # a colour it has seen
    with pytest.raises(AssertionError, match=r"color-contrast \("):
        assert_accessible(page)


# Colours written in many ways, layered, faded and mixed, on which axe's color-contrast
# passes some elements, fails others and cannot decide a few.
COLOURFUL = """<!doctype html><html lang="en"><head><title>Colours</title></head><body>
<main style="background: hsl(0.5turn 30% 95%)"><h1 style="color: rgb(20 20 20 / 0.9)">Colours</h1>
<p style="color: #777; background: rgba(255, 255, 0, 0.4)">Grey on faded yellow.</p>
<p style="color: hsl(1rad 60% 40%)">Reddish on the page.</p>
<div style="opacity: 0.6"><p style="color: #000">Black, faded.</p></div>
<div style="background: linear-gradient(#fff, #000)"><p style="color: #888">On a gradient.</p></div>
<p style="color: color(srgb 0.2 0.3 0.4); background: #eee">A colour() colour.</p>
<p style="color: transparent">Invisible.</p>
<button style="color: #fff; background: #1d70b8">A button</button>
<p><span style="color: #999; background: #fff; position: relative; z-index: 2">Over</span>
<span style="color: #555; position: absolute; margin-left: -2em">under</span></p>
</main></body></html>"""

EVERYTHING = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r =>
  ['passes', 'violations', 'incomplete'].map(kind => r[kind].flatMap(rule => rule.nodes.map(n =>
    [kind, rule.id, n.target.join(' '),
     JSON.stringify([...n.any, ...n.all, ...n.none].map(c => [c.id, c.data, c.message]))]))))"""


@pytest.mark.parametrize("html", [COLOURFUL, BROKEN], ids=["colours", "broken"])
def test_axe_set_up_for_the_suite_finds_everything_axe_alone_finds(page, html):
    page.set_content(html)
    page.evaluate(axe_source()[: -len(AXE_FOR_THE_SUITE)])
    alone = page.evaluate(EVERYTHING, WCAG_TAGS)
    page.evaluate(AXE_FOR_THE_SUITE)
    page.evaluate(EVERYTHING, WCAG_TAGS)  # the second run reads remembered colours only
    assert page.evaluate(EVERYTHING, WCAG_TAGS) == alone
    passes, violations, undecided = alone
    assert passes and violations and (undecided or html is BROKEN), "a page to compare on"
    assert any(rule == "color-contrast" for _, rule, *_ in violations)


def test_sideways_scrolling_is_caught(page):
    page.set_content(BROKEN)
    with pytest.raises(AssertionError, match="scrolls sideways"):
        assert_no_sideways_scroll(page)
