"""CSV downloads for the board: the figures, and the anonymised list of submissions.

Excel opens UTF-8 correctly only with a byte order mark, and runs any cell that starts like a
formula, so every cell passes through safe_cell (OWASP's CSV injection advice).
"""

import csv
import dataclasses
import io

from sqlalchemy import select

from voice.board import figures, words
from voice.extensions import db
from voice.influence import board as influence
from voice.submissions.models import Submission

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The cell as text; one that a spreadsheet would read as a formula gets a ' in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in [header, *rows]:
        writer.writerow([safe_cell(cell) for cell in row])
    return BOM + out.getvalue()


def figures_rows(summary):
    """(section, figure, this period, period before), every count as the page shows it."""
    limit, rows = summary["threshold"], []

    def add(section, line):
        rows.append((section, line.label, line.now.shown(limit), line.before.shown(limit)))

    add("Submissions", summary["total"])
    for table in summary["tables"]:
        for line in [*table.lines, table.total]:
            add(table.title, line)
    if summary["me_too"]["themes"]:
        for line in [*summary["me_too"]["themes"].lines, summary["me_too"]["total"]]:
            add("Me too", line)
    else:
        add("Me too", summary["me_too"]["total"])
    timing = summary["timing"]
    add("Time to answer", timing.answered)
    rows.append(("Time to answer", "Median working days", *(_or_blank(m) for m in timing.median)))
    rows.append(("Time to answer", "% within target", *(_or_blank(w) for w in timing.within)))
    add("Time to answer", timing.overdue)
    for area in timing.areas:
        add("Slowest service areas", _named(area["name"], area["answered"]))
        rows.append(
            (
                "Slowest service areas",
                f"{area['name']}: median working days",
                *(_or_blank(m) for m in area["median"]),
            )
        )
        rows.append(
            (
                "Slowest service areas",
                f"{area['name']}: % within target",
                *(_or_blank(w) for w in area["within"]),
            )
        )
    for line in [*summary["outcomes"].lines, summary["outcomes"].total]:
        add("Outcomes", line)
    for line in [*summary["ratings"]["overall"].lines, summary["ratings"]["overall"].total]:
        add("Ratings", line)
    for name, title in (("themes", "Ratings by theme"), ("areas", "Ratings by service area")):
        for row in summary["ratings"][name]:
            for line in [*row["cells"], row["total"]]:
                add(title, _named(row["label"], line))
    for line in [*summary["actions"].lines, summary["actions"].total, summary["overdue"]]:
        add("Actions", line)
    for row in summary["promises"]:
        for line in [row["raised"], *row["outcomes"], *row["actions"]]:
            add("The Promise", _named(row["promise"].text, line))
    if summary["safeguarding"] is not None:
        add("Safeguarding", summary["safeguarding"])
    rows += influence_rows(influence.section(summary["period"]), limit)
    return rows


INFLUENCE = (
    ("overall", "Has anything changed? All answers"),
    ("themes", "Has anything changed? By topic"),
    ("areas", "Has anything changed? By service area"),
    ("promises", "Has anything changed? By promise clause"),
)


def influence_rows(section, limit):
    """The page's "Has anything changed?" tables (voice.influence.board), a row per answer
    and row of each table, suppressed exactly as the page shows them."""
    rows = []
    for name, title in INFLUENCE:
        for row in section[name]:
            labels = [*section["labels"], "All"]
            for label, cell in zip(labels, [*row.cells, row.total], strict=True):
                figure = f"{row.label}: {label}"
                rows.append((title, figure, cell["now"].shown(limit), cell["before"].shown(limit)))
    return rows


def _named(name, line):
    """The line, its figure named after what it is about: "Placements: Answered"."""
    return dataclasses.replace(line, label=f"{name}: {line.label}")


def _or_blank(value):
    return "none answered" if value is None else value


def figures_csv(summary):
    header = ("Section", "Figure", summary["period"].label, summary["before"].label)
    return to_csv(header, figures_rows(summary))


def submissions_csv(scope):
    """One line per submission in the period: never a name, contact, the young person's own
    words or anything held for safeguarding; the redacted words only where they said yes to
    publishing or quoting."""
    query = (
        select(
            Submission.id,
            Submission.created_at,
            Submission.routed_at,
            figures.first_released_at(),
            Submission.kind,
            Submission.status,
            figures.latest_decision(),
            figures.latest_rating(),
            Submission.consent_publish,
            Submission.consent_quote,
            Submission.shared_text,
        )
        .where(*scope.where(), scope.in_now())
        .order_by(Submission.id)
    )
    rows = db.session.execute(query).all()
    themes = figures.theme_names_for([row[0] for row in rows])
    header = (
        "Reference",
        "Sent",
        "Sent to officer",
        "First answered",
        "Kind",
        "Themes",
        "Status",
        "Outcome",
        "Rating",
        "Words (redacted, with consent)",
    )
    return to_csv(header, [_submission_row(row, themes) for row in rows])


def _submission_row(row, themes):
    (sid, sent, routed, answered, kind, status, decision, rating, publish, quote, shared) = row
    return (
        f"V{sid:05d}",
        _day(sent),
        _day(routed),
        _day(answered),
        words.KINDS[kind],
        "; ".join(themes.get(sid, [])),
        status.value.replace("_", " "),
        words.DECISIONS[decision] if decision else "",
        words.RATINGS[rating] if rating else "",
        shared if (publish or quote) and shared else "",
    )


def _day(value):
    return value.date().isoformat() if value else ""
