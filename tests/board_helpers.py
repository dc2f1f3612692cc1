"""A small, hand-counted world for the board's figures (tests/test_board.py says what each
number must be and why).

Today is Monday 23 November 2026. "Last quarter" is July to September 2026 (NOW); the period
before it is April to June 2026 (BEFORE). 20 submissions count in NOW and 8 in BEFORE; four
more must never be counted (safeguarding, withdrawn, March, October).
"""

import itertools
from datetime import date, datetime

from voice.areas.services import ensure_area
from voice.auth import services as accounts
from voice.auth.models import Role
from voice.board.models import BoardQuote
from voice.extensions import db
from voice.promises.models import Promise
from voice.promises.services import ensure_demo_promises
from voice.published.models import MeToo
from voice.responses.models import (
    Action,
    ActionStatus,
    Decision,
    Rating,
    RatingAnswer,
    Response,
    ResponseStatus,
)
from voice.submissions.models import AgeBand, Audience, CareStatus, Kind, Status, Submission
from voice.themes.models import Theme
from voice.themes.services import ensure_default_themes

TODAY = date(2026, 11, 23)
_numbers = itertools.count(1)


def at(day, hour=10):
    return datetime.combine(day, datetime.min.time()).replace(hour=hour)


class World:
    def __init__(self):
        ensure_default_themes()
        ensure_demo_promises()
        self.officer = accounts.create_user(
            f"officer{next(_numbers)}@example.org",
            Role.OFFICER,
            "correct horse battery staple",
            name="Olly Officer",
        )
        self.placements = ensure_area("Placements", lead=self.officer, officers=[self.officer])
        self.education = ensure_area("Education", lead=self.officer, officers=[self.officer])
        self.themes = {t.slug: t for t in db.session.query(Theme)}
        self.promises = {p.slug: p for p in db.session.query(Promise)}

    def submission(
        self,
        created,
        kind=Kind.VIEW,
        audience=Audience.CICC,
        age=None,
        care=None,
        theme="home",
        status=Status.WITH_OFFICER,
        due_on=date(2026, 9, 15),
        routed=None,
        area=None,
        promises=(),
        **extra,
    ):
        number = next(_numbers)
        submission = Submission(
            code_hash=f"hash-{number}",
            form_token=f"board-{number}",
            kind=kind,
            message=extra.pop("message", "An ordinary message."),
            audience=audience,
            age_band=age,
            care_status=care,
            status=status,
            created_at=at(created),
            due_on=due_on,
            themes=[self.themes[theme]] if theme else [],
            promises=[self.promises[p] for p in promises],
            routed_at=at(routed) if routed else None,
            service_area_id=area.id if area else None,
            officer_id=self.officer.id if routed else None,
            **extra,
        )
        db.session.add(submission)
        db.session.flush()
        return submission

    def respond(
        self, submission, released_on, decision, actions=(), status=ResponseStatus.RELEASED
    ):
        response = Response(
            submission_id=submission.id,
            officer_id=self.officer.id,
            decision=decision,
            explanation="Because.",
            team_name="Placements team",
            status=status,
            full_answer_by=date(2026, 12, 1) if decision == Decision.LOOKING_INTO else None,
            released_at=at(released_on, 15) if status == ResponseStatus.RELEASED else None,
            actions=[
                Action(what=what, team=team, due_on=due, status=progress)
                for what, team, due, progress in actions
            ],
        )
        db.session.add(response)
        db.session.flush()
        return response


def done(n, due=date(2026, 8, 1)):
    return [("Done thing", "Placements team", due, ActionStatus.DONE)] * n


def board_page(client, path):
    """The text of a page of the board's that must open (200) for this client."""
    response = client.get(path)
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def build():
    """The world the figure tests count; returns a dict of the submissions by name."""
    w, s = World(), {}
    d = date
    # NOW, answered (a1..a10): (routed, first answer, working days between, area, decision)
    answered = [
        # Friday to Tuesday over the August bank holiday (Monday 31): one working day.
        (d(2026, 8, 28), d(2026, 9, 1), w.education, Decision.LOOKING_INTO),
        (d(2026, 7, 6), d(2026, 7, 8), w.education, Decision.DO),  # 2
        (d(2026, 7, 6), d(2026, 7, 9), w.education, Decision.DO),  # 3
        (d(2026, 7, 6), d(2026, 7, 10), w.education, Decision.DO),  # 4
        (d(2026, 7, 6), d(2026, 7, 13), w.education, Decision.DO),  # 5
        (d(2026, 7, 1), d(2026, 7, 30), w.placements, Decision.PART),  # 21
        (d(2026, 7, 1), d(2026, 7, 31), w.placements, Decision.PART),  # 22
        (d(2026, 7, 1), d(2026, 8, 3), w.placements, Decision.CANNOT),  # 23
        (d(2026, 7, 1), d(2026, 8, 4), w.placements, Decision.ANSWER),  # 24
        (d(2026, 7, 1), d(2026, 8, 5), w.placements, Decision.ANSWER),  # 25
    ]
    # 20 in NOW: kinds 12 views, 6 questions, 2 ideas; audience 10 CICC, 5 forum, 5 board;
    # ages 8 × 14-15, 7 × 16-17, 5 not given; care 15 in care, 5 leavers; themes 9 home,
    # 6 school, 5 health; the promise "listen" on the first 12.
    kinds = [Kind.VIEW] * 12 + [Kind.QUESTION] * 6 + [Kind.IDEA] * 2
    audiences = [Audience.CICC] * 10 + [Audience.CARE_LEAVERS_FORUM] * 5 + [Audience.BOARD] * 5
    ages = [AgeBand.FROM_14] * 8 + [AgeBand.FROM_16] * 7 + [None] * 5
    cares = [CareStatus.IN_CARE] * 15 + [CareStatus.CARE_LEAVER] * 5
    themes = ["home"] * 9 + ["school"] * 6 + ["health"] * 5
    for i in range(20):
        common = dict(
            kind=kinds[i],
            audience=audiences[i],
            age=ages[i],
            care=cares[i],
            theme=themes[i],
            promises=("listen",) if i < 12 else (),
        )
        if i < 10:
            routed, answered_on, area, decision = answered[i]
            sub = w.submission(routed, status=Status.ANSWERED, routed=routed, area=area, **common)
            s[f"a{i + 1}"] = sub
            s[f"r{i + 1}"] = w.respond(sub, answered_on, decision)
        else:
            status = [Status.WITH_OFFICER] * 6 + [Status.NEW] * 2 + [Status.DECLINED] * 2
            status = status[i - 10]
            with_officer = status == Status.WITH_OFFICER
            s[f"u{i - 9}"] = w.submission(
                d(2026, 8, 10),
                status=status,
                due_on=d(2026, 10, 1),
                routed=d(2026, 8, 12) if with_officer else None,
                area=w.placements if with_officer else None,
                **common,
            )
    # a1's interim reply was followed by a full one: outcome "do", first answer still Sep 1.
    w.respond(s["a1"], d(2026, 9, 20), Decision.DO)
    # Actions: done 5, in progress 4 (2 overdue), planned 3 (all overdue), promised 12.
    add_actions(s["r2"], done(3))
    add_actions(
        s["r3"],
        done(1)
        + [("Extend the wifi", "Placements team", d(2026, 12, 31), ActionStatus.IN_PROGRESS)],
    )
    add_actions(
        s["r4"],
        [
            ("Fix the heating", "Housing team", d(2026, 10, 1), ActionStatus.IN_PROGRESS),
            ("Paint the hall", "Housing team", d(2026, 10, 2), ActionStatus.IN_PROGRESS),
        ],
    )
    add_actions(
        s["r5"],
        [
            (f"Planned step {n}", "Placements team", d(2026, 9, n), ActionStatus.PLANNED)
            for n in (1, 2, 3)
        ],
    )
    add_actions(
        s["r6"],
        done(1) + [("Later step", "Education team", d(2027, 1, 1), ActionStatus.IN_PROGRESS)],
    )
    # Not released: its actions never count.
    w.respond(
        s["u1"],
        None,
        Decision.DO,
        [("Unreleased step", "Team", d(2026, 9, 1), ActionStatus.PLANNED)] * 2,
        status=ResponseStatus.SUBMITTED,
    )
    # BEFORE: 8 views for the CICC, 16-17, in care, home, all raising "listen"; 3 answered,
    # 5 overdue with officer, which raise "money" too. b1's answer promised 6 actions: 5 done,
    # 1 not started and overdue.
    for i, (answered_on, decision) in enumerate(
        [
            (d(2026, 6, 3), Decision.DO),
            (d(2026, 6, 5), Decision.ANSWER),
            (d(2026, 7, 13), Decision.ANSWER),
        ]
    ):
        sub = w.submission(
            d(2026, 5, 29),
            status=Status.ANSWERED,
            routed=d(2026, 6, 1),
            area=w.education,
            age=AgeBand.FROM_16,
            care=CareStatus.IN_CARE,
            promises=("listen",),
        )
        s[f"b{i + 1}"] = sub
        s[f"rb{i + 1}"] = w.respond(sub, answered_on, decision)
    add_actions(
        s["rb1"],
        done(5, due=d(2026, 7, 1))
        + [("Ask the carers", "Placements team", d(2026, 8, 3), ActionStatus.PLANNED)],
    )
    for i in range(5):
        s[f"b{i + 4}"] = w.submission(
            d(2026, 5, 29),
            due_on=d(2026, 7, 1),
            routed=d(2026, 6, 1),
            area=w.education,
            age=AgeBand.FROM_16,
            care=CareStatus.IN_CARE,
            promises=("listen", "money"),
        )
    # Never counted.
    s["held"] = w.submission(d(2026, 8, 3), status=Status.CLOSED, safeguarding=True)
    s["withdrawn"] = w.submission(d(2026, 8, 3), status=Status.WITHDRAWN)
    s["march"] = w.submission(d(2026, 3, 15))
    s["october"] = w.submission(d(2026, 10, 5))
    # Ratings: NOW 5 yes (a2-a6), 1 partly (a7), 1 not really (a8); BEFORE 1 yes (b1,
    # Education).
    for name, answer in [
        ("a2", "yes"),
        ("a3", "yes"),
        ("a4", "yes"),
        ("a5", "yes"),
        ("a6", "yes"),
        ("a7", "partly"),
        ("a8", "not_really"),
    ]:
        db.session.add(
            Rating(
                submission_id=s[name].id,
                response_id=s["r" + name[1:]].id,
                answer=RatingAnswer(answer),
                comment="Zqxcomment",
            )
        )
    db.session.add(
        Rating(submission_id=s["b1"].id, response_id=s["rb1"].id, answer=RatingAnswer.YES)
    )
    # "Me too": NOW 6 on a2 (home) and 2 on a10 (school); BEFORE 1 on b1; one in October.
    for name, day, n in [
        ("a2", d(2026, 8, 20), 6),
        ("a10", d(2026, 9, 2), 2),
        ("b1", d(2026, 6, 20), 1),
        ("a2", d(2026, 10, 9), 1),
    ]:
        for i in range(n):
            db.session.add(
                MeToo(submission_id=s[name].id, browser_hash=f"{name}-{day}-{i}", at=at(day))
            )
    quotes(s, w)
    db.session.commit()
    return s


def add_actions(response, actions):
    response.actions.extend(
        Action(what=what, team=team, due_on=due, status=progress)
        for what, team, due, progress in actions
    )
    db.session.flush()


def quotes(s, w):
    """a2: yes to quoting and chosen (shown); a3: chosen but no consent; a4: consent but not
    chosen; b1: chosen, but in the period before."""
    for name, text, consent, chosen in [
        ("a2", "The wifi goes off too early.", True, True),
        ("a3", "Unconsented words here.", False, True),
        ("a4", "Consented but not chosen.", True, False),
        ("b1", "From the period before.", True, True),
    ]:
        s[name].shared_text, s[name].consent_quote = text, consent
        if chosen:
            db.session.add(BoardQuote(submission_id=s[name].id, chosen_by_id=w.officer.id))
