"""Classic XSS payloads in every text a young person or a member of staff can write, opened in
Chromium on every page that shows them: no script runs (no dialog, no console error, no
injected element) and the payload reads as plain text.

Seeded through the services (a young person also sends one through the real share form);
each staff role signs in once.
"""

from datetime import date, timedelta

from tests.browser.test_staff_sign_in import sign_in
from voice.areas.services import ensure_area
from voice.auth.models import User
from voice.extensions import db
from voice.moderation import services as moderation
from voice.responses import follow_ups
from voice.responses import services as answering
from voice.safeguarding.models import SafeguardingAction, SafeguardingRecord
from voice.submissions import codes
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Audience, Kind, ReplyBy
from voice.themes.services import active_themes, ensure_default_themes

PAYLOADS = [
    '<script>alert("xss1")</script>',
    '<img src=x onerror=alert("xss2")>',
    '<svg onload=alert("xss3")>',
    '"><script>alert("xss4")</script>',
    "'><img src=x onerror=alert('xss5')>",
    '</textarea><script>alert("xss6")</script>',
    "<a href=\"javascript:alert('xss7')\">tap</a>",
    "<iframe src=\"javascript:alert('xss8')\"></iframe>",
    "<div style=\"background:url(javascript:alert('xss9'))\">css</div>",
    "<style>body{display:none}</style>",
    "{{40000001*3}} {% print 50000003*3 %} ${60000007*3}",
    '<body onload=alert("xss10")>',
]
CORPUS = " ".join(PAYLOADS)
SHORT = '"><svg onload=alert("s1")>'  # fits a 40-character name box
# What the template payload's sums come to: numbers no page shows unless a template engine ran
# them (a short product such as 7*7 would match a reference like V00049).
SUMS = ("120000003", "150000009", "180000021")
# Anything that would be here only if a payload had become part of the page.
INJECTED = (
    "script:not([src]), [onerror], [onload], iframe, body style, div[style], a[href^='javascript']"
)


def seed(app, officer_email, admin_email):
    """Every place staff or young people write, filled with the corpus. Returns ids."""
    with app.app_context():
        ensure_default_themes()
        theme = active_themes()[0]
        officer = db.session.query(User).filter_by(email=officer_email).one()
        admin = db.session.query(User).filter_by(email=admin_email).one()
        area = ensure_area("XSS area", lead=officer, officers=[officer])

        def sent(message=CORPUS, **extra):
            code = codes.new_code()
            submission, _ = submissions.create_submission(
                {
                    "kind": Kind.QUESTION,
                    "theme_ids": [theme.id],
                    "message": message,
                    "audience": Audience.BOARD,
                    "reply_by": ReplyBy.CODE,
                    "name": SHORT,
                    "consent_publish": True,
                    "consent_quote": True,
                    "wants_advocate": True,
                    **extra,
                },
                codes.new_code(),
                code,
            )
            return submission, code

        def answered(submission):
            moderation.moderate(submission, admin, CORPUS, [theme.id], [])
            moderation.route(submission, admin, area, officer)
            response = answering.save(
                submission,
                officer,
                decision="answer",
                explanation=CORPUS,
                checklist=CORPUS,
                team_name=SHORT,
                submit=True,
                actions=[(CORPUS[:400], SHORT, date.today() + timedelta(days=30))],
            )
            answering.release(submission, admin)
            return response

        talked, talked_code = sent()
        response = answered(talked)
        follow_ups.rate(talked, response.id, "partly", CORPUS)
        follow_ups.ask(talked, CORPUS)
        follow_ups.pass_on(talked, admin, CORPUS)
        published, _ = sent()
        answered(published)
        from voice.published import services as publishing

        publishing.publish(published, admin, CORPUS)
        declined, declined_code = sent()
        moderation.decline(declined, admin, "other", CORPUS)
        held, _ = sent()
        submissions.hold_for_safeguarding(held, by=admin, note=CORPUS[:480])
        db.session.add(
            SafeguardingRecord(
                submission_id=held.id,
                by_id=admin.id,
                action=SafeguardingAction.NO_CONCERN,
                note=CORPUS,
            )
        )
        from voice.decisions import services as decisions

        decision = decisions.post(
            admin,
            title=SHORT,
            decided_on=date.today(),
            what_was_decided=CORPUS,
            what_it_means=CORPUS,
        )
        db.session.commit()
        return {
            "talked": talked.id,
            "talked_code": talked_code,
            "declined_code": declined_code,
            "held": held.id,
            "action": response.actions[0].id,
            "decision": decision.id,
        }


def shows_as_text(page):
    """The page's words (folded-away ones too), and what sits in its text boxes."""
    boxes = page.eval_on_selector_all("textarea, input[type=text]", "els => els.map(e => e.value)")
    return page.locator("body").text_content() + "\n".join(boxes)


def open_each(page, live_server, paths, dialogs, problems):
    for path, must_show in paths:
        page.goto(live_server(path))
        injected = page.locator(INJECTED).count()
        text = shows_as_text(page)
        if injected:
            problems.append(f"{path}: {injected} injected element(s)")
        if must_show and not any(payload in text for payload in PAYLOADS + [SHORT]):
            problems.append(f"{path}: the payload is not shown as text")
        if any(total in text for total in SUMS):
            problems.append(f"{path}: a template ran the payload's sums")
    assert dialogs == [] and problems == [], (dialogs, problems)


def test_no_payload_runs_on_any_page_that_shows_it(page, live_server, live_user):
    dialogs, problems = [], []
    page.on(
        "dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss())
    )
    officer_email, password = live_user("officer", name=SHORT)
    admin_email, _ = live_user("admin", name=SHORT)
    ids = seed(live_server.app, officer_email, admin_email)

    # A young person sends the corpus through the real form, then reads it back.
    page.goto(live_server("/share"))
    page.locator("input[name=kind]").first.check()
    page.locator("input[name=theme]").first.check()
    page.locator("#message").fill(CORPUS)
    page.locator("input[name=call_me][value=name]").check()
    page.locator("#name").fill(SHORT)
    page.get_by_role("button", name="Send my message").click()
    page.wait_for_url(live_server("/share/sent"))
    their_code = page.locator("[data-code]").first.get_attribute("data-code")
    open_each(page, live_server, [("/share/sent", False)], dialogs, problems)
    for code in (their_code, ids["talked_code"], ids["declined_code"]):
        page.context.clear_cookies()
        page.goto(live_server("/check"))
        page.locator("#code").fill(code)
        page.locator("#code").press("Enter")
        page.wait_for_url(live_server("/check/case"))
        open_each(
            page,
            live_server,
            [("/check/case", True), ("/check/download", True), ("/check/follow-up", False)],
            dialogs,
            problems,
        )
    open_each(
        page,
        live_server,
        [("/you-said-we-did", True), ("/decisions", True), (f"/decisions/{ids['decision']}", True)],
        dialogs,
        problems,
    )

    page.context.clear_cookies()
    sign_in(page, live_server, admin_email, password)
    talked = ids["talked"]
    open_each(
        page,
        live_server,
        [
            ("/moderation/", False),
            (f"/moderation/{talked}", True),
            (f"/moderation/{talked}/check", True),
            (f"/moderation/{talked}/follow-up", True),
            # An admin manages safeguarding but never reads a held message's words.
            (f"/safeguarding/{ids['held']}", False),
            ("/safeguarding/", False),
            ("/board/", False),
            ("/publishing", True),
            (f"/decisions/manage/{ids['decision']}", True),
            (f"/privacy/requests/copy?ids={talked}", False),  # a copy is made by POST
            ("/admin/audit", False),
        ],
        dialogs,
        problems,
    )

    page.context.clear_cookies()
    sign_in(page, live_server, officer_email, password)
    open_each(
        page,
        live_server,
        [
            ("/responses/", False),
            (f"/responses/{talked}", True),
            (f"/responses/{talked}/respond", True),
            ("/actions/", True),
            (f"/actions/{ids['action']}", True),
        ],
        dialogs,
        problems,
    )
