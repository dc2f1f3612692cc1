"""The board's running totals are exact: for random histories of messages (sent, routed,
answered and held back, re-tagged, reopened, erased, purged, taken back, with actions moving
and "me too" taps), every figure read from the totals equals the same figure counted from
the raw tables, and the totals kept change by change equal the totals built afresh."""

import itertools
import os
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from tests.board_helpers import World
from tests.conftest import empty_postgresql, settings_for
from voice import create_app
from voice.auth import services as accounts
from voice.auth.models import Role
from voice.board import counted, figures, first_read, rollup
from voice.board.models import BoardCount
from voice.board.periods import Period
from voice.clock import utcnow
from voice.extensions import db
from voice.privacy import services as privacy
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
from voice.submissions import codes, life_cycle
from voice.submissions.models import (
    AgeBand,
    Audience,
    CareStatus,
    Feeling,
    Kind,
    Status,
    Submission,
)

pytestmark = pytest.mark.db  # run again on PostgreSQL (tests/suite.sh)

START = date(2026, 4, 1)
THEMES = ("home", "school", "health", "money")
_numbers = itertools.count(1)

index = st.integers(0, 10_000)
new = st.tuples(
    st.just("new"),
    st.integers(0, 270),
    st.sampled_from(list(Kind)),
    st.sampled_from([None, *AgeBand]),
    st.sampled_from([None, *CareStatus]),
    st.lists(st.sampled_from(THEMES), max_size=2, unique=True),
    st.booleans(),
    st.sampled_from([None, *Feeling]),
)
action = st.tuples(st.sampled_from(list(ActionStatus)), st.integers(-20, 200))
operation = st.one_of(
    new,
    st.tuples(st.just("sent_now"), st.sampled_from(list(Kind)), st.sampled_from([None, *Feeling])),
    st.tuples(st.just("route"), index, st.integers(0, 12), st.booleans()),
    st.tuples(
        st.just("respond"),
        index,
        st.integers(0, 45),
        st.sampled_from(list(Decision)),
        st.lists(action, max_size=3),
        st.booleans(),
    ),
    st.tuples(st.just("progress"), index, st.sampled_from(list(ActionStatus))),
    st.tuples(st.just("rate"), index, st.sampled_from(list(RatingAnswer))),
    st.tuples(st.just("tap"), index, st.integers(0, 300)),
    st.tuples(st.just("retag"), index, st.lists(st.sampled_from(THEMES), max_size=2, unique=True)),
    st.tuples(st.just("rename"), st.sampled_from(THEMES)),
    st.tuples(st.just("move"), index, st.sampled_from(list(Status))),
    st.tuples(st.just("hold"), index),
    st.tuples(st.just("feel"), index, st.sampled_from([None, *Feeling])),
    st.tuples(st.just("read"), index, st.integers(0, 5)),
    st.tuples(st.just("erase"), index),
    st.tuples(st.just("purge")),
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = create_app(settings_for(tmp_path_factory.mktemp("rollup"), RETENTION_DAYS=30))
    with app.app_context(), app.test_request_context():
        db.create_all()
        yield app
        db.session.remove()
        db.drop_all()
        db.engine.dispose()


def empty():
    """Delete every row: on PostgreSQL in one round trip, as after every test."""
    db.session.rollback()
    if db.engine.dialect.name == "postgresql":
        empty_postgresql()
        return
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def pick(i):
    ids = db.session.scalars(select(Submission.id).order_by(Submission.id)).all()
    return db.session.get(Submission, ids[i % len(ids)]) if ids else None


def released(sub):
    return [r for r in sub_responses(sub) if r.status == ResponseStatus.RELEASED]


def sub_responses(sub):
    return db.session.query(Response).filter_by(submission_id=sub.id).order_by(Response.id).all()


def send_now(kind, feeling=None):
    """Through the real front door: create_submission's INSERT the ORM does not see."""
    number = next(_numbers)
    answers = dict(
        kind=kind,
        message="Please fix the bus pass.",
        audience=Audience.CICC,
        age_band=AgeBand.FROM_14,
        care_status=None,
        reply_by="code",
        consent_publish=False,
        consent_quote=False,
        wants_advocate=False,
        theme_ids=[],
        feeling=feeling,
    )
    life_cycle.create_submission(answers, f"rollup-{number}", codes.new_code())


def apply(op, w, worker):
    name, *args = op
    if name == "new":
        offset, kind, age, care, themes, promise, feeling = args
        sub = w.submission(
            START + timedelta(days=offset), kind=kind, age=age, care=care, theme=None
        )
        sub.feeling = feeling
        sub.status = Status.NEW
        sub.themes = [w.themes[t] for t in themes]
        sub.promises = [w.promises["listen"]] if promise else []
        sub.due_on = START + timedelta(days=offset + 20)
        return
    if name == "sent_now":
        return send_now(*args)
    if name == "rename":
        w.themes[args[0]].name = f"{w.themes[args[0]].name} ({next(_numbers)})"
        return
    if name == "purge":
        privacy.purge(now=utcnow() + timedelta(days=4000))
        return
    sub = pick(args[0])
    if sub is None:
        return
    rest = args[1:]
    if name == "route":
        days, placements = rest
        sub.routed_at = sub.created_at + timedelta(days=days)
        sub.service_area_id = (w.placements if placements else w.education).id
        sub.status = Status.WITH_OFFICER
    elif name == "respond":
        days, decision, actions, is_released = rest
        on = (sub.routed_at or sub.created_at).date() + timedelta(days=days)
        status = ResponseStatus.RELEASED if is_released else ResponseStatus.SUBMITTED
        w.respond(
            sub,
            on,
            decision,
            [("Step", "Team", on + timedelta(days=d), s) for s, d in actions],
            status=status,
        )
    elif name == "progress":
        found = db.session.query(Action).join(Response).filter(Response.submission_id == sub.id)
        for each in found.all()[:1]:
            each.status = rest[0]
    elif name == "rate":
        rated = {r.response_id for r in db.session.query(Rating).filter_by(submission_id=sub.id)}
        for response in released(sub):
            if response.id not in rated:
                db.session.add(
                    Rating(
                        submission_id=sub.id,
                        response_id=response.id,
                        answer=rest[0],
                        created_at=response.released_at,
                    )
                )
                break
    elif name == "tap":
        tapped_at = datetime.combine(START + timedelta(days=rest[0]), datetime.min.time())
        db.session.add(MeToo(submission_id=sub.id, browser_hash=f"b{next(_numbers)}", at=tapped_at))
    elif name == "retag":
        sub.themes = [w.themes[t] for t in rest[0]]
    elif name == "move":  # through the life cycle where it has the move (reopening too)
        try:
            life_cycle.transition(sub, rest[0], by=worker)
        except life_cycle.TransitionRefused:
            sub.status = rest[0]
    elif name == "hold":
        sub.safeguarding = True
    elif name == "feel":  # no page changes a face; the totals must follow one all the same
        sub.feeling = rest[0]
    elif name == "read":  # the first-read clock: a plain UPDATE, as moderation does it
        db.session.execute(
            update(Submission)
            .where(Submission.id == sub.id, Submission.first_read_at.is_(None))
            .values(first_read_at=sub.created_at + timedelta(days=rest[0], hours=1))
            .execution_options(synchronize_session=False)
        )
    elif name == "erase":  # refused, changing nothing, while it is held for safeguarding
        try:
            privacy.erase(sub, by=worker)
        except privacy.ErasureRefused:
            assert sub.status == Status.SAFEGUARDING


def periods():
    today = utcnow().date()
    return [
        Period(date(2026, 4, 1), date(2026, 6, 30)),
        Period(date(2026, 7, 1), date(2026, 9, 30)),
        Period(date(2026, 10, 1), date(2026, 12, 31)),
        Period(date(2026, 1, 1), date(2026, 12, 31)),
        Period(date(2026, 8, 1), date(2026, 8, 31)),
        Period(date(today.year, today.month, 1), date(today.year, 12, 31)),
        Period(date(2026, 7, 10), date(2026, 9, 9)),  # not whole months: the raw tables
        # "So far": compared with the same months a quarter or a year back, not next to it
        Period(date(2026, 10, 1), date(2026, 10, 31), back=3),
        Period(date(2026, 1, 1), date(2026, 10, 31), back=12),
    ]


def plain(value):
    """Figures as comparable data: histograms as their counts, (0, 0) entries dropped (a
    group with nothing in either period is the same as no group)."""
    if hasattr(value, "days"):
        return {d: n for d, n in value.days.items() if n}
    if isinstance(value, dict):
        kept = {k: plain(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ((0, 0), {}, None)}
    return value


def every_figure(source, scope, todays):
    """Every figure for the scope; those that take a `today`, once for each of `todays` (the
    others cannot change with it, so they are read once, not once per day)."""
    found = {
        "total": source.total(scope),
        "by_decision": source.by_decision(scope),
        "by_promise": source.by_promise(scope),
        "ratings": source.ratings(scope),
        "ratings_by_theme": source.ratings_by_theme(scope),
        "ratings_by_area": source.ratings_by_area(scope),
        "me_too": source.me_too(scope),
        "safeguarding": source.safeguarding(scope.now),
        "answer_by_area": source.answer_histograms(scope, by_area=True),
    }
    for today in todays:
        found[("overdue_now", today)] = source.overdue_now(scope, today)
        found[("actions", today)] = source.actions(scope, today)
        found[("actions_by_promise", today)] = source.actions_by_promise(scope, today)
        if scope.theme_id is None:  # the safety net's share, on the main page only
            read = counted.first_read if source is counted else first_read.histograms
            found[("first_read", today)] = [h.days for h in read(scope.now, today)]
    if scope.theme_id is None:  # the breakdowns by theme are on the main page only
        found["by_theme"] = source.by_theme(scope)
        found["me_too_by_theme"] = source.me_too(scope, by_theme=True)
    for column in (Submission.kind, Submission.audience, Submission.age_band):
        found[column.key] = source.by_column(scope, column)
    found["care_status"] = source.by_column(scope, Submission.care_status)
    found["feeling"] = source.by_column(scope, Submission.feeling)
    for part in ("answer", "in_moderation", "with_officer"):
        found[part] = source.answer_histograms(scope, part=part)
    return plain(found)


def kept_totals():
    return {
        (c.figure, c.theme, c.month, c.k1, c.k2, c.k3): c.n
        for c in db.session.query(BoardCount)
        if c.n
    }


@settings(
    max_examples=int(os.environ.get("BOARD_ROLLUP_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=st.lists(operation, min_size=1, max_size=25))
def test_fast_figures_equal_the_raw_tables_for_any_history(app, history):
    empty()
    w = World()
    worker = accounts.create_user(
        f"worker{next(_numbers)}@example.org", Role.WORKER, "correct horse battery staple"
    )
    db.session.commit()
    for op in history:
        apply(op, w, worker)
        db.session.commit()
    theme_ids = [None, *(w.themes[t].id for t in THEMES[:2])]
    for period in periods():
        for theme_id in theme_ids:
            scope = figures.Scope(period, theme_id)
            todays = (date(2026, 8, 15), date(2026, 11, 23))
            assert every_figure(counted, scope, todays) == every_figure(figures, scope, todays)
    kept = kept_totals()
    rollup.rebuild(db.session)
    assert kept == kept_totals()
    # Committed (the same totals again), not rolled back: at a rollback psycopg forgets every
    # statement it has prepared on the server, and the next example's figure queries would
    # each be planned afresh instead of reusing their plans.
    db.session.commit()


def test_a_message_sent_through_the_front_door_is_counted_at_once(app):
    empty()
    World()
    today = utcnow().date()
    scope = figures.Scope(Period(today, today))
    assert counted.total(scope) == (0, 0)
    send_now(Kind.IDEA, Feeling.SAD)
    db.session.commit()
    assert counted.total(scope) == (1, 0)
    assert counted.by_column(scope, Submission.kind) == {Kind.IDEA: (1, 0)}
    assert counted.by_column(scope, Submission.feeling) == {Feeling.SAD: (1, 0)}
    # A whole month is read from the totals, not the raw tables: with the totals gone it reads
    # nothing, while a period of days still counts the raw tables.
    db.session.execute(delete(BoardCount))
    month = figures.Scope(
        Period(
            today.replace(day=1), (today + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        )
    )
    assert counted.total(month) == (0, 0) and figures.total(month) == (1, 0)
    assert counted.total(scope) == (1, 0)
    db.session.rollback()


def test_a_rolled_back_change_leaves_the_totals_alone(app):
    empty()
    w = World()
    w.submission(date(2026, 7, 1))
    db.session.commit()
    scope = figures.Scope(Period(date(2026, 7, 1), date(2026, 7, 31)))
    w.submission(date(2026, 7, 2))
    db.session.flush()
    db.session.rollback()
    w.submission(date(2026, 7, 3))
    db.session.commit()
    assert counted.total(scope) == figures.total(scope) == (2, 0)


def test_an_erased_message_still_counts(app):
    """Erasure clears words and keeps dates, statuses and choices: the board's figures
    for the period do not change when a young person asks for their words to go."""
    empty()
    w = World()
    worker = accounts.create_user("w@example.org", Role.WORKER, "correct horse battery staple")
    sub = w.submission(date(2026, 7, 1), routed=date(2026, 7, 1), area=w.education)
    w.respond(
        sub, date(2026, 7, 3), Decision.DO, [("Step", "Team", date(2026, 8, 1), ActionStatus.DONE)]
    )
    db.session.commit()
    scope = figures.Scope(Period(date(2026, 7, 1), date(2026, 9, 30)))
    before = every_figure(counted, scope, (date(2026, 11, 23),))
    privacy.erase(sub, by=worker)
    db.session.commit()
    assert every_figure(counted, scope, (date(2026, 11, 23),)) == before
    assert before["total"] == (1, 0)


def test_flask_board_rebuild_builds_the_totals_again(app):
    empty()
    w = World()
    w.submission(date(2026, 7, 1))
    db.session.commit()
    db.session.execute(delete(BoardCount))
    db.session.commit()
    scope = figures.Scope(Period(date(2026, 7, 1), date(2026, 9, 30)))
    assert counted.total(scope) == (0, 0)
    result = app.test_cli_runner().invoke(args=["board", "rebuild"])
    assert "built again" in result.output
    scope = figures.Scope(scope.now)  # a Scope reads the totals once (a page's worth)
    assert counted.total(scope) == figures.total(scope) == (1, 0)
