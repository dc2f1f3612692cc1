"""Every page in the registry (pages.py), for every role that sees it and in its error states,
loaded once and checked at 320, 360 and 1280 px wide and at 200% zoom:

- axe-core finds no WCAG 2.0/2.1/2.2 A or AA problem at any of the three widths;
- nothing scrolls sideways at 320 px (WCAG 1.4.10: 1280 px at 400% zoom) or at 200% zoom;
- on young people's pages every tap target is at least 44×44 px at 320 and 360 px;
- every focusable element draws a focus indicator (an outline or a shadow it did not have);
- exactly one h1; main, header and footer landmarks (and the staff nav once signed in);
- the skip link is the first Tab stop and moves focus to the main content;
- after pressing a button with the form wrong, every error is in an error summary whose
  links lead to the fields.

200% zoom is emulated as Chromium really zooms: browser zoom makes each CSS pixel two device
pixels, so a 1280 px window lays out 640 CSS px wide with devicePixelRatio 2, and media
queries see 640 px. So the layout viewport is set to 640×400 at device scale factor 2 (CSS
`zoom` would not do: media queries would still see 1280 px).

Speed: one browser, one context per role (staff sign in once, through HTTP), axe-core
added to each tab as an init script (so it is in every page the tab loads) and run once per
width, asked for its violations only: every rule still runs on every element.
"""

import pytest

from tests.browser.conftest import AXE, WCAG_TAGS, axe_source
from tests.browser.pages import PAGES, browser_http, set_state, sign_in
from tests.browser.test_journey import TAP_TARGETS

WIDTHS = (360, 320, 1280)  # 1280 last: the zoom check goes on from the laptop window
HEIGHT = 740


@pytest.fixture(scope="module")
def tab_for(browser, live_server, world):
    """tab_for(page) -> (tab, its DevTools session, console errors): one context per role and
    state, made once."""
    opened = {}

    def open_tab(entry):
        key = (entry.role, entry.state)
        if key not in opened:
            context = browser.new_context(viewport={"width": 360, "height": HEIGHT})
            http = browser_http(context, live_server)
            if entry.role not in ("young", "visitor"):
                sign_in(http, live_server.app, entry.role)
            set_state(http, live_server.app, world, entry.state)
            tab = context.new_page()
            # axe-core in every document the tab loads (a press's page too), not sent from here
            # and evaluated afresh for each page. On the tab, not the context, so the tab's
            # first blank page does not run it.
            tab.add_init_script(axe_source())
            tab.set_default_timeout(15000)
            errors, documents = [], set()
            tab.on(
                "request", lambda r: documents.add(r.url) if r.resource_type == "document" else None
            )
            tab.on(
                "console",
                lambda m: (
                    errors.append(m.text)
                    if m.type == "error" and m.location.get("url") not in documents
                    else None
                ),
            )
            tab.on("pageerror", lambda exc: errors.append(str(exc)))
            opened[key] = tab, context.new_cdp_session(tab), errors
        return opened[key]

    yield open_tab
    for tab, _, _ in opened.values():
        tab.context.close()


PRESS = """([label, fill]) => {
  for (const [name, value] of Object.entries(fill)) {
    for (const el of document.getElementsByName(name)) {
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = el.value === value;
      else el.value = value;
    }
  }
  const name = b => (b.tagName === 'INPUT' ? b.value : b.textContent).trim().replace(/\\s+/g, ' ');
  const button = [...document.querySelectorAll('button[type=submit], input[type=submit]')]
    .find(b => name(b) === label);
  button.form.requestSubmit(button);
}"""

STRUCTURE = """signedIn => {
  const problems = [];
  const count = s => document.querySelectorAll(s).length;
  if (count('h1') !== 1) problems.push(`${count('h1')} h1 elements, not one`);
  if (count('main') !== 1) problems.push('not exactly one main landmark');
  if (!document.querySelector('body > header')) problems.push('no header (banner) landmark');
  if (!document.querySelector('body > footer')) problems.push('no footer (contentinfo)');
  if (signedIn && !document.querySelector('header nav')) problems.push('no nav landmark');
  const skip = document.querySelector('body > a.skip-link');
  if (!skip || skip.getAttribute('href') !== '#main' || !document.getElementById('main'))
    problems.push('no skip link to #main');
  const summary = document.querySelector('.error-summary');
  const messages = [...document.querySelectorAll('.error-message')];
  if (messages.length && !summary) problems.push('field errors but no error summary');
  if (summary) {
    for (const link of summary.querySelectorAll('a')) {
      const target = document.getElementById(link.hash.slice(1));
      if (!target || !target.matches('input, select, textarea, fieldset'))
        problems.push(`error summary link ${link.hash} leads to no field`);
    }
    for (const m of messages) {
      const text = m.textContent.replace('Error:', '').trim();
      if (!summary.textContent.includes(text)) problems.push(`"${text}" is not in the summary`);
    }
  }
  return problems;
}"""

FOCUS = """() => {
  // Every element Tab can reach: focus it (after a real Tab press, so :focus-visible applies as
  // for a keyboard user) and compare its outline and shadow with its unfocused look.
  const look = el => {
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
      && !/transparent|rgba\\(.*, 0\\)/.test(s.outlineColor) ? s.outline : '';
    return [outline, s.boxShadow === 'none' ? '' : s.boxShadow, s.backgroundColor];
  };
  const missing = [];
  const all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, ' +
                                        'textarea, summary, [tabindex]:not([tabindex="-1"])');
  for (const el of all) {
    const shut = el.closest('details:not([open])');
    if (el.disabled || el.closest('[hidden], .trap') || !el.getClientRects().length ||
        getComputedStyle(el).visibility === 'hidden' || (shut && el !== shut.querySelector('summary')))
      continue;
    document.activeElement.blur();
    const before = look(el);
    el.focus();
    const after = look(el);
    const label = (el.id || el.textContent.trim() || el.name || el.tagName).slice(0, 40);
    if (document.activeElement !== el) missing.push(`${label}: cannot take focus`);
    else if (!(after[0] && after[0] !== before[0]) && !(after[1] && after[1] !== before[1]))
      missing.push(`${label}: no visible focus indicator`);
  }
  document.activeElement.blur();  // a focused link loses its underline: axe must not see that
  return missing;
}"""

SMALL_TARGETS = f"""() => [...document.querySelectorAll({TAP_TARGETS!r})]
  .filter(el => el.offsetParent !== null && !el.closest('.trap'))
  .map(el => [el.id || el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
  .filter(([, r]) => r.width < 44 || r.height < 44)
  .map(([name, r]) => `${{name}} ${{Math.round(r.width)}}x${{Math.round(r.height)}}`)"""

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1 &&
                ![...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 3).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                   (el.className ? '.' + String(el.className).split(' ').join('.') : ''))"""


def sideways(tab, where):
    """None, or how far the page scrolls sideways and which elements stick out."""
    overflow = tab.evaluate(OVERFLOW)
    if overflow > 0:
        return f"scrolls sideways by {overflow}px {where}: {', '.join(tab.evaluate(WIDEST))}"


def keyboard_problems(tab, entry):
    problems = []
    if tab.locator(".error-summary").count():  # it takes focus when the page loads
        if not tab.evaluate("document.activeElement.classList.contains('error-summary')"):
            problems.append("the error summary did not take focus")
        tab.keyboard.press("Tab")
    else:
        tab.keyboard.press("Tab")
        skip = tab.evaluate("""() => { const el = document.activeElement;
            return el.matches('a.skip-link') && el.getBoundingClientRect().left >= 0; }""")
        tab.keyboard.press("Enter")
        if not skip or tab.evaluate("document.activeElement.id") != "main":
            problems.append("the first Tab stop is not a visible skip link to the main content")
    return problems + tab.evaluate(FOCUS)


def set_width(cdp, width):
    """The layout viewport `width` CSS px wide, as tab.set_viewport_size sets it (screen the
    same size, scale 1), without also resizing the headless window around it, which no check
    looks at but Chromium lays out and paints again at each of the four sizes a page is seen."""
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": HEIGHT,
            "screenWidth": width,
            "screenHeight": HEIGHT,
            "deviceScaleFactor": 1,
            "mobile": False,
            "screenOrientation": {"angle": 0, "type": "landscapePrimary"},
        },
    )


def zoomed_overflow(tab, cdp):
    cdp.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 640, "height": 400, "deviceScaleFactor": 2, "mobile": False},
    )
    try:
        assert tab.evaluate("devicePixelRatio") == 2
        return sideways(tab, "at 200% zoom")
    finally:
        cdp.send("Emulation.clearDeviceMetricsOverride")


@pytest.mark.parametrize("entry", PAGES, ids=lambda page: page.id)
def test_every_page(entry, tab_for, live_server, world):
    tab, cdp, errors = tab_for(entry)
    errors.clear()
    set_width(cdp, 360)
    response = tab.goto(live_server(entry.url.format(**world)))
    assert response.status == entry.status, f"{entry.id} answered {response.status}"
    if entry.press:
        with tab.expect_navigation():
            tab.evaluate(PRESS, [entry.press, entry.fill])
        assert tab.locator(".error-summary, .notice-error").count(), "pressing showed no error"
    problems = tab.evaluate(STRUCTURE, entry.role not in ("young", "visitor"))
    problems += keyboard_problems(tab, entry)
    for width in WIDTHS:
        set_width(cdp, width)
        # From the top, as a page opens: the focus walk above leaves the page scrolled, and a
        # new width can then put a button under the sticky header, which axe's target-size
        # counts as covered (which fonts are installed decided whether it did).
        tab.evaluate("window.scrollTo(0, 0)")
        problems += [f"axe at {width}px: {v}" for v in tab.evaluate(AXE, WCAG_TAGS)]
        if width == 320 and (overflow := sideways(tab, "at 320px")):
            problems.append(overflow)
        if entry.young and width < 400:
            problems += [
                f"tap target under 44×44 at {width}px: {t}" for t in tab.evaluate(SMALL_TARGETS)
            ]
    if overflow := zoomed_overflow(tab, cdp):
        problems.append(overflow)
    assert problems == [], f"{entry.id}:\n  " + "\n  ".join(problems)
    assert errors == [], f"the browser console reported errors: {errors}"
