"""Similar messages (voice/moderation/similar.py) at 10,000 and 100,000 shared messages: the
cost of indexing one message's shared version and of finding the messages most like one, on
SQLite and (under tests/postgres.sh) PostgreSQL, in process.

    .venv/bin/python bench/similar.py                      # SQLite only
    tests/postgres.sh .venv/bin/python bench/similar.py    # and PostgreSQL

`make bench` runs it; it writes its own section of bench/RESULTS.md (bench/results.py).
"""

import datetime as dt
import itertools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = (10_000, 100_000)
QUERIES = 200
CHUNK = 5000

# Messages are put together from these, so the index holds realistic, repeating vocabulary.
WHO = ["my social worker", "my foster carer", "the staff", "my PA", "school", "the council",
       "my key worker", "college", "my nan", "the home"]  # fmt: skip
WHAT = ["won't let me have wifi after 9pm", "never calls me back", "stopped my pocket money",
        "moved me without asking", "doesn't listen in my reviews", "took my phone away",
        "won't pay for driving lessons", "said no to my school trip", "changed my contact days",
        "hasn't fixed the damp in my flat", "won't help with my bus fare",
        "keeps changing who I see", "gave me no help with my CV"]  # fmt: skip
WHY = ["and it's not fair", "so I can't do homework", "and I feel ignored", "which is stressful",
       "and my mates all get it", "and I don't know who to ask", "", "so please sort it",
       "it's been months", "and I miss my family"]  # fmt: skip


# And a long tail: real messages also name things few others do (a street, a game, a shop),
# drawn here from 20,000 made-up words by Zipf's law, as words in real text are.
TAIL = [f"thing{n}" for n in range(1, 20_001)]
# Cumulative, once: given plain weights, random.choices sums all 20,000 on every call.
TAIL_CUMULATIVE = list(itertools.accumulate(1 / n for n in range(1, 20_001)))


def message(rnd):
    tail = " ".join(rnd.choices(TAIL, cum_weights=TAIL_CUMULATIVE, k=rnd.randint(2, 6)))
    return f"{rnd.choice(WHO)} {rnd.choice(WHAT)} {rnd.choice(WHY)} {tail}"


def generate(db, rows, rnd):
    from sqlalchemy import func, insert, select, text

    from voice.moderation import similar
    from voice.moderation.models import SimilarityTerm, SimilarityTermCount
    from voice.submissions.models import Submission

    sqlite = db.session.get_bind().dialect.name == "sqlite"
    if sqlite:  # The generator only: the look-ups and indexing run as the app sets them.
        db.session.execute(text("PRAGMA synchronous=OFF"))
    start = dt.datetime(2025, 1, 1)
    subs, terms = [], []
    for i in range(1, rows + 1):
        said = message(rnd)
        subs.append(
            dict(
                id=i,
                code_hash=f"h{i}",
                form_token=f"t{i}",
                kind="view",
                message=said,
                audience="cicc",
                reply_by="code",
                consent_publish=False,
                consent_quote=False,
                wants_advocate=False,
                status="moderated",
                safeguarding=False,
                created_at=start + dt.timedelta(minutes=i),
                due_on=start.date(),
                shared_text=said,
                version=1,
            )  # fmt: skip
        )
        terms += [{"submission_id": i, "term": t} for t in similar.terms(said)]
        if i % CHUNK == 0 or i == rows:
            db.session.execute(insert(Submission), subs)
            db.session.execute(insert(SimilarityTerm), terms)
            subs, terms = [], []
    counts = db.session.execute(
        select(SimilarityTerm.term, func.count()).group_by(SimilarityTerm.term)
    ).all()
    db.session.execute(insert(SimilarityTermCount), [{"term": t, "messages": n} for t, n in counts])
    db.session.commit()
    if sqlite:
        db.session.execute(text("PRAGMA synchronous=NORMAL"))
    else:
        # What autovacuum will have done on a live server by the time 100,000 messages have
        # come in one by one: straight after a bulk load the planner has no statistics and
        # picks plans for empty tables, and an index-only scan still visits every row.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE submission, similarity_term, "
                                    "similarity_term_count"))  # fmt: skip


def measure(uri, label, rows):
    sys.path.insert(0, ROOT)
    from voice import create_app
    from voice.extensions import db
    from voice.moderation import similar
    from voice.submissions.models import Submission

    app = create_app({"SQLALCHEMY_DATABASE_URI": uri, "SECRET_KEY": "bench", "ENV": "testing",
                      "REFERENCE_CODE_KEY": "bench", "TESTING": True})  # fmt: skip
    rnd = random.Random(5)
    with app.app_context():
        db.create_all()
        generate(db, rows, rnd)
        load = os.getloadavg()[0]
        texts = [message(rnd) for _ in range(QUERIES)]
        found, finds = [], []
        for text in texts:
            t = time.perf_counter()
            found.append(len(similar.similar_to(text, limit=5)))
            finds.append((time.perf_counter() - t) * 1000)
            db.session.rollback()
        indexes = []
        for i in range(1, QUERIES + 1):
            submission = db.session.get(Submission, i)
            submission.shared_text = texts[i - 1]
            # Saving the message itself (and what the board keeps of it) is not the index's cost.
            db.session.flush()
            t = time.perf_counter()
            similar.index(submission)
            db.session.flush()
            indexes.append((time.perf_counter() - t) * 1000)
        db.session.rollback()
        # SQLite's file is simply deleted: dropping a table of 100,000 submissions checks each
        # row's self-referencing keys one by one, which takes longer than the whole bench.
        if db.engine.dialect.name != "sqlite":
            db.drop_all()
        db.engine.dispose()
    load = (load, os.getloadavg()[0])
    result = (statistics.median(finds), _p95(finds), statistics.median(indexes), _p95(indexes),
              min(found), load)  # fmt: skip
    print(f"  {label}, {rows:,} messages: find {result[0]:.1f} ms (p95 {result[1]:.1f}), "
          f"index {result[2]:.2f} ms (p95 {result[3]:.2f}), load {load[0]:.1f}-{load[1]:.1f}",
          flush=True)  # fmt: skip
    return result


def _p95(values):
    return sorted(values)[int(len(values) * 0.95) - 1]


def run(pg_url=None):
    """{(label, rows): (find median ms, find p95 ms, index median ms, index p95 ms, fewest found,
    (load average when the timing began, when it ended))}."""
    results = {}
    for rows in SIZES:
        folder = tempfile.mkdtemp(prefix="voice-similar-bench-")
        uri = "sqlite:///" + os.path.join(folder, "similar.sqlite3")
        results[("SQLite", rows)] = measure(uri, "SQLite", rows)
        shutil.rmtree(folder, ignore_errors=True)
        if pg_url:
            results[("PostgreSQL", rows)] = measure(pg_url, "PostgreSQL", rows)
    return results


def table(results):
    lines = [
        "| Similar messages | messages | find the 5 most alike, median ms | p95 ms "
        "| index one shared version, median ms | p95 ms | load average (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (label, rows), (find, p95, index, index95, _, load) in results.items():
        lines.append(f"| {label} | {rows:,} | {find:.1f} | {p95:.1f} | {index:.2f} "
                     f"| {index95:.2f} | {load[0]:.1f} to {load[1]:.1f} |")  # fmt: skip
    return "\n".join(lines)


def main():
    from results import write_section

    load = os.getloadavg()[0]
    found = table(run(os.environ.get("VOICE_TEST_DATABASE_URL")))
    print(
        write_section(
            "similar",
            f"""## Similar messages' cost

Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/similar.py` (load average {load:.2f}
on 2 cores when it began), in process: {QUERIES} look-ups of the five messages most like a new
one, and {QUERIES} re-indexings of a shared version (its old terms out, its new ones in, the
term counts kept in step), among messages made of everyday phrases and a long tail of rarer
words (Zipf), as real ones are. The last column is the 1-minute load average when the timing
of that row began and ended: on a machine shared with other work, a load above 2 means the
figures include time spent waiting for a core, the 95th percentiles most of all.

{found}
""",
        )
    )


if __name__ == "__main__":
    main()
