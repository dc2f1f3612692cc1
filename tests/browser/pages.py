"""Every page Voice serves, one line each. The browser checks (test_every_page.py: axe,
reflow, zoom, focus, tap targets, landmarks) and the Nu HTML checker (test_html_valid.py)
both walk PAGES, so a new page — or a new error state — is one line at the end of the list.

Page(url, role, state="", press="", fill={}, status=200):
- url: a path; {names} are filled from the World (ids of submissions made once per run).
- role: "young" (no account), "visitor" (staff pages before signing in) or a staff role,
  signed in once per run.
- state: what that visitor must have done first: "sent" / "sent:worrying" (sent the share
  form), "case:NAME" (opened World case NAME with its code), "password" / "set-up" (passed
  the password step of an account with / without two-step sign-in).
- press: the label of a submit button pressed with the form as shown (plus `fill`, field
  name -> value): the page's error state.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser

from tests.conftest import PASSWORD, allow_this_code_again, code_for

ORIGINAL = "My PA Jenny Lee at Moss Lane said I can't have a bus pass. Text me on 07911 123456."
WORRYING = "I don't feel safe at home, he hits me when I'm late back."
STAFF_ROLES = ("worker", "officer", "safeguarding", "board", "champion", "admin")


@dataclass(frozen=True)
class Page:
    url: str
    role: str
    state: str = ""
    press: str = ""
    fill: dict = field(default_factory=dict)
    status: int = 200

    @property
    def young(self):
        return self.role == "young"

    @property
    def id(self):
        return "-".join(
            filter(
                None, [self.role, self.url, self.state, self.press and "error", "+".join(self.fill)]
            )
        )


PAGES = [
    # The young person's pages (no account).
    Page("/", "young"),
    Page("/share", "young"),
    Page("/share", "young", press="Send my message", fill={"phone": "12", "reply_by": "text"}),
    Page("/share/sent", "young", state="sent"),
    Page("/share/sent", "young", state="sent:worrying"),
    Page("/check", "young"),
    Page("/check", "young", press="Check"),
    Page("/check", "young", press="Check", fill={"code": "222-333-444-555"}),
    Page("/check/case", "young", state="case:new"),
    Page("/check/withdraw", "young", state="case:new"),
    Page("/check/case", "young", state="case:held"),
    Page("/check/case", "young", state="case:declined"),
    Page("/check/case", "young", state="case:answered"),
    Page("/check/case", "young", state="case:asked"),  # "Has anything changed?"
    Page("/check/download", "young", state="case:answered"),
    Page("/privacy", "young"),
    Page("/no/such/page", "young", status=404),
    # Staff sign-in, before anyone is signed in.
    Page("/staff/login", "visitor"),
    Page("/staff/login", "visitor", press="Sign in"),
    Page("/staff/sign-in/code", "visitor", state="password"),
    Page("/staff/sign-in/code", "visitor", state="password", press="Continue"),
    Page("/staff/sign-in/recovery-code", "visitor", state="password", press="Continue"),
    Page("/staff/sign-in/set-up", "visitor", state="set-up", press="Finish setting up"),
    # Every signed-in role's home page.
    *[Page("/staff/", role) for role in STAFF_ROLES],
    # Participation workers (admins see the same pages).
    Page("/moderation/", "worker"),
    Page("/gathered/new", "worker"),
    Page("/gathered/new", "worker", press="Save their view"),
    Page("/gathered/meeting", "worker"),
    Page("/gathered/meeting", "worker", press="Save them all"),
    Page("/advocacy/", "worker"),
    Page("/moderation/?status=answered&overdue=y", "worker"),
    Page("/moderation/{new}", "worker"),
    Page(
        "/moderation/{new}",
        "worker",
        press="Save and send to the officer",
        fill={"review-shared_text": ""},
    ),
    Page("/moderation/{new}", "worker", press="Decline"),
    Page("/moderation/{new}", "worker", press="Pass to the safeguarding lead now"),
    Page("/moderation/{held}", "worker"),
    Page("/moderation/{ready}/check", "worker"),
    Page("/moderation/{ready}/check", "worker", press="Send back with a comment"),
    Page("/privacy/erase/{new}", "worker"),
    Page("/privacy/erase/{new}", "worker", press="Erase it"),
    Page("/privacy/erase/{held}", "worker"),  # refused while held
    Page("/privacy/requests", "worker"),
    Page("/privacy/requests", "worker", press="Find their messages"),
    Page("/privacy/requests/copy?ids={new}", "worker"),
    Page("/privacy/requests/erase?ids={new}", "worker"),
    Page("/privacy/requests/erase?ids={new}", "worker", press="Erase it"),
    Page("/moderation/", "admin"),
    Page("/moderation/{new}", "admin"),
    Page("/admin/audit", "admin"),
    Page("/admin/audit?date_from=not-a-date", "admin"),
    # Officers.
    Page("/responses/", "officer"),
    Page("/responses/{routed}", "officer"),
    Page("/responses/{routed}/respond", "officer"),
    Page("/responses/{routed}/respond", "officer", press="Save draft"),
    Page("/responses/{answered}", "officer"),
    Page("/actions/", "officer"),
    Page("/actions/{action}", "officer"),
    Page(
        "/actions/{action}", "officer", press="Save the update", fill={"status": "not_going_ahead"}
    ),
    Page("/overdue", "worker"),
    # The safeguarding lead.
    Page("/safeguarding/", "safeguarding"),
    Page("/safeguarding/{held}", "safeguarding"),
    Page("/safeguarding/{held}", "safeguarding", press="Record it"),
    # Pages other features add go below, one line each.
    # You said, we did, and council decisions.
    Page("/you-said-we-did", "young"),
    Page("/decisions", "young"),
    Page("/decisions/{decision}", "young"),
    Page("/share?kind=question&decision={decision}", "young"),
    Page("/publishing", "worker"),
    Page("/publishing/{published}", "worker"),
    Page("/publishing/{published}", "worker", press="Save the summary", fill={"summary": ""}),
    Page("/publishing/{new}", "worker"),
    Page("/decisions/manage", "worker"),
    Page("/decisions/manage/new", "worker"),
    Page("/decisions/manage/new", "worker", press="Post the decision"),
    # The board (issue 6).
    Page("/board/?period=last_quarter", "board"),
    Page("/board/?period=quarter&quarter=2019-01", "board"),
    Page("/board/themes/home", "board"),
    Page("/board/pack", "board"),
    Page("/board/quotes", "worker"),
    # Members' questions (issue 17): the list for each reader, asking, and asking wrong.
    *[Page("/board/questions/", role) for role in ("board", "champion", "worker", "officer")],
    Page("/board/", "champion"),  # a corporate parenting champion reads it as a member does
    Page("/board/questions/ask", "board"),
    Page("/board/questions/ask", "board", press="Ask the question"),
    # Rating an answer and asking a follow-up (issue 5).
    Page("/check/case", "young", state="case:answered", press="Send"),
    Page("/check/case", "young", state="case:asked", press="Send"),
    Page("/check/follow-up", "young", state="case:answered"),
    Page("/check/follow-up", "young", state="case:answered", press="Send my question"),
    Page("/check/case", "young", state="case:followed"),
    Page("/moderation/{followed}/follow-up", "worker"),
    Page(
        "/moderation/{followed}/follow-up",
        "worker",
        press="Pass it to the officer",
        fill={"shared_text": ""},
    ),
    Page("/responses/{followed}", "officer"),
    # The admin area and reassigning (issue 16); every press here is an error state.
    Page("/admin/", "admin"),
    Page("/admin/settings", "admin"),
    Page("/admin/settings", "admin", press="Save settings", fill={"BOARD_SUPPRESS_BELOW": "3"}),
    Page("/admin/staff", "admin"),
    Page("/admin/staff", "admin", press="Send invitation"),
    Page("/admin/staff/{person}", "admin"),
    Page("/admin/topics", "admin"),
    Page("/admin/topics/new", "admin", press="Save topic"),
    Page("/admin/topics/{topic}", "admin"),
    Page("/admin/areas", "admin"),
    Page("/admin/areas/new", "admin", press="Save service area"),
    Page("/admin/areas/{area}", "admin"),
    Page("/admin/promise", "admin"),
    Page("/admin/promise/new", "admin", press="Save clause"),
    Page("/moderation/{routed}/reassign", "worker"),
    Page("/moderation/{routed}/reassign", "worker", press="Reassign"),
    Page("/staff/forgot-password", "visitor"),
    Page("/staff/forgot-password", "visitor", press="Send me a link"),
    # The safety net (issue 14): "I don't feel safe".
    Page("/not-safe", "young"),
    Page("/not-safe", "young", press="Send", fill={"contact": "not a number"}),
    # The story of a period (issue 17): the board's account and young people's digest.
    Page("/board/account?period=last_quarter", "worker"),
    Page(
        "/board/account?period=last_quarter", "worker", press="Save and approve", fill={"text": ""}
    ),
    Page("/board/digest/cicc?period=last_quarter", "worker"),
    Page("/board/digest/forum?period=last_quarter", "worker"),
    # --- staffday (issue 19): the worker's and officer's day ---
    Page("/moderation/?status=any", "worker"),
    Page("/moderation/answer-templates", "worker"),
    Page("/moderation/answer-templates", "worker", press="Save template"),
    Page("/moderation/action-checks", "worker"),
    Page(
        "/moderation/{new}", "worker", press="Save and open next", fill={"review-shared_text": ""}
    ),
    # The short form (issue 18).
    Page("/share/short", "young"),
    Page("/share/short", "young", press="Send"),
]


def staff_email(role):
    return f"every-page.{role}@example.org"


def build_world(app):
    """Staff in every role and a submission in each state the pages need; returns the names
    the PAGES urls and states use (ids, and the young people's codes)."""
    from tests.submissions_helpers import make_submission, theme_id
    from voice.areas.services import ensure_area
    from voice.auth import mfa
    from voice.auth import services as accounts
    from voice.extensions import db
    from voice.moderation import services as moderation
    from voice.responses import services as responses
    from voice.submissions import codes
    from voice.submissions.models import DeclineReason, Kind
    from voice.themes.services import ensure_default_themes

    with app.app_context():
        ensure_default_themes()
        users = {}
        for role in (*STAFF_ROLES, "set-up"):
            user = accounts.create_user(
                staff_email(role),
                "worker" if role == "set-up" else role,
                PASSWORD,
                name=f"Every Page {role.title()}",
            )
            if role != "set-up":
                mfa.enrol(user)
            users[role] = user
        worker, officer = users["worker"], users["officer"]
        # Councils' addresses are long and unbroken: a list of officers must still fit 320 px.
        accounts.create_user(
            "alexandra.featherstonehaugh@childrensservices.examplecouncil.gov.uk",
            "officer",
            PASSWORD,
            name="Alexandra Featherstonehaugh-Whittingham",
        )
        area = ensure_area("Every page area", lead=officer, officers=[officer])
        world, made = {}, {}
        for name in ("new", "held", "declined", "routed", "ready", "answered", "followed", "asked"):
            code = codes.new_code()
            message = WORRYING if name == "held" else ORIGINAL
            made[name] = make_submission(message, code=code, kind=Kind.QUESTION)
            world[name], world[f"code:{name}"] = made[name].id, code
        moderation.decline(
            made["declined"],
            worker,
            DeclineReason.CANNOT_ACT,
            "We can't change bus pass rules, but your PA can help you apply.",
        )
        for name in ("routed", "ready", "answered", "followed", "asked"):
            moderation.moderate(
                made[name], worker, "My PA said I can't have a bus pass.", [theme_id()], []
            )
            moderation.route(made[name], worker, area, officer)
        for name in ("ready", "followed", "answered"):
            response = responses.save(
                made[name],
                officer,
                decision="answer",
                submit=True,
                explanation="You can have a bus pass. Your PA will order it this week.",
                team_name="Leaving care team",
                # Past its date, so the overdue pages have a row to show.
                actions=[
                    ("Order the bus pass", "Leaving care team", date.today() - timedelta(days=10))
                ]
                if name == "answered"
                else [],
            )
        responses.release(made["answered"], worker)
        followed_up(made["followed"], worker)
        world["action"] = response.actions[0].id
        asked_what_changed(made["asked"], worker, officer)
        world.update(area=area.id, topic=theme_id(), person=officer.id)
        world.update(published_world(worker, officer))
        db.session.commit()
    return world


def asked_what_changed(submission, worker, officer):
    """Answered and rated weeks ago; now asked "Has anything changed?" (voice/influence)."""
    from voice.influence import services as influence
    from voice.responses import follow_ups
    from voice.responses import services as responses

    responses.save(
        submission,
        officer,
        decision="answer",
        submit=True,
        explanation="You can have a bus pass. Your PA will order it this week.",
        team_name="Leaving care team",
    )
    answer = responses.release(submission, worker)
    follow_ups.rate(submission, answer.id, "yes")
    influence.ask(submission, answer)


def followed_up(submission, worker):
    """Answered, rated "Partly", with a follow-up waiting for a worker."""
    from voice.responses import follow_ups
    from voice.responses import services as responses

    answer = responses.release(submission, worker)
    follow_ups.rate(submission, answer.id, "partly", "When will it come?")
    follow_ups.ask(submission, "When will my PA Jenny order it? Text me on 07911 123456.")


def published_world(worker, officer):
    """A full first page of "You said, we did" (so the page is weighed as a council's would
    be), and a council decision."""
    from tests.published_helpers import published
    from voice.decisions import services as decisions
    from voice.published.services import PAGE_SIZE

    for n in range(PAGE_SIZE - 1):
        published(
            worker,
            officer,
            f"Message {n} about the youth club.",
            f"Young people at the youth club asked for it to open later on Fridays and "
            f"for a quiet room to do homework in ({n}).",
            summary="The council agreed to keep the club open until 9pm on Fridays from "
            "January, and the youth workers have set up a quiet room with two "
            "laptops. You told us the bus home was a worry, so the club now "
            "closes in time for the last bus, and staff check everyone has a way "
            "home.",
        )
    shared = "My PA said I can't have a bus pass."
    decision = decisions.post(
        worker,
        title="Free bus passes for care leavers",
        decided_on=date(2026, 9, 9),
        what_was_decided="Care leavers at college get a free bus pass.",
        what_it_means="If you're at college, ask your PA for a pass.",
    )
    return {"published": published(worker, officer, ORIGINAL, shared).id, "decision": decision.id}


# HTTP, the same for a browser context (context.request shares its cookies) and for Flask's
# test client, so the pages' states are set up one way for both.


class Http:
    def __init__(self, get, post):
        self.get, self.post = get, post  # get(path) -> html; post(path, data) -> html


def browser_http(context, live_server):
    return Http(
        lambda path: context.request.get(live_server(path)).text(),
        lambda path, data: context.request.post(live_server(path), form=data).text(),
    )


def client_http(client):
    return Http(
        lambda path: client.get(path, follow_redirects=True).get_data(as_text=True),
        lambda path, data: client.post(path, data=data, follow_redirects=True).get_data(
            as_text=True
        ),
    )


def sign_in(http, app, role):
    """Both steps through HTTP (the live app has CSRF off, as the test app does)."""
    from voice.auth import services as accounts
    from voice.extensions import db

    http.post("/staff/login", {"email": staff_email(role), "password": PASSWORD})
    with app.app_context():
        user = accounts.find_user(staff_email(role))
        allow_this_code_again(user)  # a second sign-in within the same 30 seconds
        code = code_for(user)
        db.session.remove()
    html = http.post("/staff/sign-in/code", {"code": code})
    assert "Hello," in html, f"{role} could not sign in"


def set_state(http, app, world, state):
    if state.startswith("sent"):
        html = http.get("/share")
        token = re.search(r'name="form_token" type="hidden" value="([^"]+)"', html).group(1)
        theme = re.search(r'name="theme" [^>]*value="(\d+)"', html).group(1)
        message = WORRYING if state == "sent:worrying" else "The wifi goes off at 9pm."
        html = http.post(
            "/share",
            {
                "kind": "view",
                "theme": theme,
                "message": message,
                "audience": "cicc",
                "reply_by": "code",
                "form_token": token,
            },
        )
        assert 'id="reference-code"' in html, "the share form was not sent"
    elif state.startswith("case:"):
        html = http.post("/check", {"code": world["code:" + state[5:]]})
        assert "Your message" in html, f"could not open {state}"
    elif state in ("password", "set-up"):
        http.post(
            "/staff/login",
            {
                "email": staff_email("worker" if state == "password" else "set-up"),
                "password": PASSWORD,
            },
        )
    else:
        assert not state, f"unknown state {state!r}"


# The error state through the test client: the form the button belongs to, sent as shown.


class Forms(HTMLParser):
    """Each <form>: its action and the values a browser would send (without any button)."""

    def __init__(self):
        super().__init__()
        self.forms, self.form, self.textarea, self.select, self.button = [], None, None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = {"action": a.get("action"), "data": [], "buttons": {}}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "button":
            self.button = [a.get("name"), a.get("value", ""), ""]
        elif tag == "input" and a.get("type") == "submit":
            self.form["buttons"][a.get("value")] = (a.get("name"), a.get("value", ""))
        elif tag == "input" and a.get("name"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.form["data"].append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
            self.form["data"].append(self.textarea)
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and "selected" in a:
            self.form["data"].append((self.select, a.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        if self.button is not None:
            self.button[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "button" and self.button is not None:
            name, value, text = self.button
            self.form["buttons"][" ".join(text.split())] = (name, value)
            self.button = None


def press(http, url, html, label, fill):
    """Post the form holding the button labelled `label`, as the browser would."""
    parser = Forms()
    parser.feed(html)
    form = next(f for f in parser.forms if label in f["buttons"])
    data = {}
    for name, value in form["data"]:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in fill.items()})
    name, value = form["buttons"][label]
    if name:
        data[name] = [value]
    return http.post(form["action"] or url, data)
