"""The board's figures, ready to show: every count passed through voice.board.suppress.

summary(period) is what /board, a theme's page, the pack and the figures CSV all read, so
they can never disagree about what is hidden.
"""

from sqlalchemy import or_, select

from voice.board import counted, figures, quotes, suppress, words
from voice.board.answer_times import Timing, share_within, time_to_answer  # noqa: F401
from voice.board.lines import (  # noqa: F401  (imported from here by other modules)
    Line,
    Table,
    breakdown,
    council,
    pooled_sum,
    single,
    threshold,
)
from voice.board.rated import rating_rows, ratings  # noqa: F401
from voice.extensions import db
from voice.promises.services import active_promises
from voice.submissions.models import Submission
from voice.themes.models import Theme

OVERDUE_LISTED = 100


def themes_shown(counted):
    """The topics offered now, and any retired one that messages in these periods were sent
    under: retiring a topic must not take its messages off the board."""
    return db.session.scalars(
        select(Theme)
        .where(or_(Theme.active.is_(True), Theme.id.in_(list(counted))))
        .order_by(Theme.position)
    ).all()


def theme_label(theme):
    return theme.name if theme.active else f"{theme.name} (no longer offered)"


def submissions_tables(scope, total):
    with_blank = lambda named: {**named, None: words.NOT_GIVEN}  # noqa: E731
    tables = []
    if scope.theme_id is None:
        by_id = counted.by_theme(scope)
        themes = themes_shown(by_id)
        # A message can have several themes (or none), so the lines do not add up to the
        # total and no theme's count can be worked out from the others: each is hidden only
        # for itself, as on its own page, and reads the same on both.
        tables.append(
            breakdown(
                "themes",
                "By theme",
                {t: by_id.get(t.id, (0, 0)) for t in themes},
                {t: theme_label(t) for t in themes},
                total,
                partition=False,
            )
        )
    for name, title, column, named in (
        ("kinds", "By kind", Submission.kind, words.KINDS),
        ("audiences", "Who it was for", Submission.audience, words.AUDIENCES),
        ("ages", "By age", Submission.age_band, with_blank(words.AGE_BANDS)),
        (
            "care",
            "In care or care leaver",
            Submission.care_status,
            with_blank(words.CARE_STATUSES),
        ),
        (
            "feelings",
            "How they feel (a face on the short form)",
            Submission.feeling,
            words.FEELINGS,
        ),
    ):
        tables.append(breakdown(name, title, counted.by_column(scope, column), named, total))
    return tables


def outcomes(scope, total):
    return breakdown("outcomes", "Outcomes", counted.by_decision(scope), words.DECISIONS, total)


def actions(scope, today):
    counts = counted.actions(scope, today)
    lines = [
        council(label, counts.get(key, (0, 0))) for key, label in words.ACTION_STATUSES.items()
    ]
    table = Table(
        "Actions promised",
        lines,
        council("Promised", counts["promised"]),
        "actions",
        words.HEADS["actions"],
    )
    return table, council("Overdue", counts["overdue"])


def overdue_list(scope, today, overdue):
    """The overdue actions, only when their number is shown: a list of two would say what
    the hidden number is."""
    if overdue.now.hidden:
        return []
    window = counted.overdue_window(scope, today, OVERDUE_LISTED)
    if window is None and overdue.now.value == 0:
        return []
    rows = figures.overdue_actions(scope, today, OVERDUE_LISTED, window)
    themes = figures.theme_names_for({row[3] for row in rows})
    return [
        {
            "what": what,
            "team": team,
            "due_on": due_on,
            "themes": ", ".join(themes.get(submission_id, [])),
        }
        for what, team, due_on, submission_id in rows
    ]


def promises(scope, today):
    """Per promise, each figure as a Line (now, before). A promise's outcomes add up to the
    times it was raised, so they are checked against it period by period."""
    counts, acted = counted.by_promise(scope), counted.actions_by_promise(scope, today)
    wordings = figures.by_wording(scope)
    limit, rows = threshold(), []
    for promise in active_promises():
        found = counts.get(promise.id, {"raised": (0, 0), "outcomes": {}})
        columns = [
            suppress.group(
                {d: found["outcomes"].get(d, (0, 0))[i] for d in words.DECISIONS},
                found["raised"][i],
                limit,
            )
            for i in (0, 1)
        ]
        acts = acted.get(promise.id, {})
        rows.append(
            {
                "promise": promise,
                "raised": Line("Raised", columns[0][1], columns[1][1]),
                "outcomes": [
                    Line(label, columns[0][0][d], columns[1][0][d])
                    for d, label in words.DECISIONS.items()
                ],
                "actions": [
                    council(label, acts.get(name, (0, 0)))
                    for name, label in zip(figures.PROMISE_ACTIONS, ("Actions", "Done", "Overdue"))
                ],
                "wordings": by_words(wordings.get(promise.id, {}), promise, found, limit),
            }
        )
    return rows


def by_words(counts, promise, found, limit):
    """Raised, split by the words the promise had when each message was sent, only where more
    than one wording counts; small counts hidden against the row's Raised total."""
    if len(counts) < 2:
        return []
    counts = {words or promise.text: pair for words, pair in counts.items()}
    columns = [
        suppress.group({w: pair[i] for w, pair in counts.items()}, found["raised"][i], limit)[0]
        for i in (0, 1)
    ]
    return [Line(words, columns[0][words], columns[1][words]) for words in counts]


def me_too(scope):
    """All "me too" taps, and (on the main page) by theme; themes are checked against the
    total like any other breakdown."""
    total = counted.me_too(scope).get(None, (0, 0))
    if scope.theme_id is not None:
        return {"total": single("Me too", total), "themes": None}
    by_id = counted.me_too(scope, by_theme=True)
    themes = themes_shown(by_id)
    table = breakdown(
        "me_too",
        "“Me too” by theme",
        {t: by_id.get(t.id, (0, 0)) for t in themes},
        {t: theme_label(t) for t in themes},
        total,
        partition=False,  # themes overlap, as above: the same figure as the theme's page
    )
    return {"total": table.total, "themes": table}


def most_raised(tables):
    """The topics most young people raised this period, biggest first, among those shown
    (at or above the threshold), and how many other topics were raised fewer times: a
    councillor's first question, answered in one sentence."""
    themes = next((t for t in tables if t.name == "themes"), None)
    if themes is None:
        return None
    shown = [line for line in themes.lines if not line.now.hidden and line.now.value]
    shown.sort(key=lambda line: (-line.now.value, line.label))
    hidden = [line.now.why for line in themes.lines if line.now.hidden and line.now.value]
    small = hidden.count(suppress.SMALL)
    return {"named": shown, "small": small, "not_shown": len(hidden) - small}


def hide_shared_total(total_line, tables):
    """All submissions is the total of several tables: if any of them had to hide it (every
    cell hidden and still adding up), it is hidden in all of them and at the top."""
    for attribute in ("now", "before"):
        if any(getattr(t.total, attribute).why == suppress.SECONDARY for t in tables):
            hidden = suppress.Count(getattr(total_line, attribute).value, suppress.SECONDARY)
            for line in [total_line, *(t.total for t in tables)]:
                if not getattr(line, attribute).hidden:
                    setattr(line, attribute, hidden)


def summary(period, today, theme=None, scope=None):
    """scope: only some messages' figures (a young people's digest: voice.digests.groups)."""
    scope = scope or figures.Scope(period, theme.id if theme is not None else None)
    total = counted.total(scope)
    result = {
        "period": period,
        "before": scope.before,
        "theme": theme,
        "threshold": threshold(),
        "total": single("Submissions", total),
        "tables": submissions_tables(scope, total),
        "timing": time_to_answer(scope, today),
        "outcomes": outcomes(scope, total),
        "promises": promises(scope, today),
        "promise_decisions": list(words.DECISIONS.values()),
        "quotes": quotes.chosen_for(scope),
        "safeguarding": single("Safeguarding", counted.safeguarding(period))
        if theme is None
        else None,
        # The safety net: the % read by a person within one working day (first_read.py).
        "first_read": tuple(share_within(h, 1) for h in counted.first_read(period, today))
        if theme is None
        else None,
    }
    # Not the faces: nearly every message comes from the long form, so that table is one big
    # line beside noughts, which secondary suppression hides whenever a topic has exactly the
    # threshold; hiding the shared total for it would hide a count the overview and the
    # figures download show, and the total is shown anyway (the faces stay hidden).
    sharing = [t for t in result["tables"] if t.name != "feelings"]
    hide_shared_total(result["total"], [*sharing, result["outcomes"]])
    for table in result["tables"]:
        if table.name == "feelings":  # its All is the total above: the same figure on the page
            table.total = Line(table.total.label, result["total"].now, result["total"].before)
    result["most_raised"] = most_raised(result["tables"])
    result["ratings"] = ratings(scope)
    result["me_too"] = me_too(scope)
    result["rating_words"] = list(words.RATINGS.values())
    result["actions"], result["overdue"] = actions(scope, today)
    result["overdue_list"] = overdue_list(scope, today, result["overdue"])
    return result
