"""make bench: Voice against the ceiling (a bare Flask app under the same gunicorn), on
SQLite and, when tests/postgres.sh started one, PostgreSQL; then the moderation queue at
10,000 and 1,000,000 submissions. Loopback only; every server it starts is stopped on exit.

    tests/postgres.sh .venv/bin/python bench/run.py     (what `make bench` runs)
"""

import atexit
import datetime as dt
import http.client
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import results  # bench/results.py: the sections other scripts own
from timing import median_ms  # bench/timing.py

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
BIN = os.path.dirname(sys.executable)
GUNICORN = [
    os.path.join(BIN, "gunicorn"),
    "--workers",
    "2",
    "--worker-class",
    "gthread",
    "--threads",
    "4",
    "--log-level",
    "warning",
]
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
# Phones ask for gzip, so every GET load does too (the hello world's 13 bytes are never gzipped).
GZIP = ["-H", "Accept-Encoding: gzip"]
# A new connection for every request, as from many different phones. With wrk's 16 kept-alive
# connections, gthread let one worker take all 16 now and then, and a 10-second run then gave
# a quarter of its usual rate, hello world's too (measured: 16/0 connections, 2,000 req/s;
# 8/8, 8,000); a connection per request spreads them over both workers on every run.
CLOSE = ["-H", "Connection: close"]
WRK = [
    "wrk",
    "-t2",
    "-c16",
    f"-d{SECONDS}s",
    "--latency",
    *GZIP,
    *CLOSE,
    "-s",
    os.path.join(BENCH, "p95.lua"),
]
# Not counted: fills caches and worker pools.
WARM_UP = ["wrk", "-t2", "-c16", "-d2s", *GZIP, *CLOSE]
GOAL_GET, GOAL_SUBMIT, GOAL_QUEUE = 0.5, 0.3, 1.5
TMP = tempfile.mkdtemp(prefix="voice-bench-")
LOAD = os.getloadavg()  # other work on the machine moves the figures: the results say how much
PROCS = []


def cleanup():
    for proc in PROCS:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
    shutil.rmtree(TMP, ignore_errors=True)


atexit.register(cleanup)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def voice_env(uri):
    env = dict(
        os.environ,
        VOICE_ENV="development",
        VOICE_RATELIMIT_ENABLED="false",
        VOICE_SQLALCHEMY_DATABASE_URI=uri,
        VOICE_SECRET_KEY=SECRET,
        VOICE_REFERENCE_CODE_KEY=SECRET,
    )
    return env


SECRET = secrets.token_hex(32)


def serve(app, env, cwd):
    port = free_port()
    proc = subprocess.Popen(
        GUNICORN + ["--bind", f"127.0.0.1:{port}", app], cwd=cwd, env=env, start_new_session=True
    )
    PROCS.append(proc)
    for _ in range(200):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return proc, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{app} did not start on port {port}")


def worker_memory(proc):
    """(resident MiB now, peak resident MiB) of the server's workers, the mean of them: what
    each worker holds after its loads, and the most it held while serving them."""
    children = open(f"/proc/{proc.pid}/task/{proc.pid}/children").read().split()
    figures = []
    for pid in children:
        status = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
        figures.append([int(status[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM")])
    return tuple(statistics.mean(f[i] for f in figures) for i in (0, 1))


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(15)


def warm_up(url, script=None):
    subprocess.run(
        WARM_UP + (["-s", script] if script else []) + [url], capture_output=True, check=True
    )


def wrk(port, path, script=None):
    """(req/s, p95 ms) of a GET load on path, or of the load `script` makes (it prints P95_US)."""
    url = f"http://127.0.0.1:{port}{path}"
    warm_up(url, script)
    command = WRK[:-2] + ["-s", script] if script else WRK
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p95 = int(re.search(r"P95_US (\d+)", out).group(1)) / 1000
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if bad or errors:
        print(f"  !! {path}: {bad.group(0) if bad else ''} {errors.group(0) if errors else ''}")
    return rps, p95


# --- submitting the form: a fresh session, CSRF token and one-time token each time ---
def submit_load(port, uri):
    """bench/submit.lua under the same wrk settings: first collect forms (GET /share with no
    cookie, each a new session with its own CSRF and one-time tokens), then POST each once
    with its own cookie; only the POSTs are timed, and each must answer 303 -> /share/sent.
    Returns (submits/s, p95 ms, submits, failures, rows before)."""
    script, forms = os.path.join(BENCH, "submit.lua"), tempfile.mkdtemp(dir=TMP)
    url = f"http://127.0.0.1:{port}/share"
    command = ["wrk", "-t2", "-c16", "--latency", *CLOSE, "-s", script, f"-d{SECONDS}s", url]

    def step(name):  # one of submit.lua's two steps
        out = subprocess.run([*command, "--", name, forms], capture_output=True, text=True)
        out.check_returncode()
        return out.stdout

    collect = step("collect")
    before = count_submissions(uri)
    out = step("send")
    number = lambda name, text=out: int(re.search(rf"{name} (\d+)", text).group(1))  # noqa
    ok, bad = number("SUBMIT_OK"), number("SUBMIT_BAD") + number("SUBMIT_BAD", collect)
    if number("RAN_OUT"):
        raise SystemExit(
            f"only {number('COLLECTED', collect)} forms were collected: the POSTs "
            "ran out of them, so their rate would be wrong"
        )
    seconds = float(re.search(r"requests in ([\d.]+)s", out).group(1))
    return ok / seconds, number("P95_US") / 1000, ok, bad, before


def make_floor_table(uri):
    """The table bench/hello.py's POST /save writes to, beside Voice's in the same database."""
    from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine

    engine = create_engine(uri.replace("postgresql://", "postgresql+psycopg://", 1))
    Table(
        "bench_floor", MetaData(), Column("id", Integer, primary_key=True), Column("message", Text)
    ).create(engine, checkfirst=True)
    engine.dispose()


def count_submissions(uri):
    from sqlalchemy import create_engine, text

    engine = create_engine(uri.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        n = conn.scalar(text("SELECT count(*) FROM submission"))
    engine.dispose()
    return n


FLOOR = "POST /save (floor: bare Flask, one raw SQL INSERT)"


def web_half(label, uri, hello_port, rows, memory):
    env = voice_env(uri)
    flask = [os.path.join(BIN, "flask"), "--app", "voice"]
    for cmd in (["db", "upgrade"], ["demo"]):
        subprocess.run(flask + cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    proc, port = serve("wsgi:app", env, ROOT)
    # The ceiling is measured just before and just after each of Voice's loads and the ratio
    # uses the mean of the two, so the shared machine's drift moves both sides of a ratio.
    hello = [wrk(hello_port, "/")]
    ceiling_row = f"hello world GET / (ceiling: mean of the runs around {label}'s)"
    rows[ceiling_row] = hello[0]  # its place in the table; the mean is filled in below

    def against_hello(name, rps, p95, goal):
        hello.append(wrk(hello_port, "/"))
        ceiling_rps, ceiling_p95 = (statistics.mean(run[i] for run in hello[-2:]) for i in (0, 1))
        rows[f"{label} {name}"] = (rps, p95, rps / ceiling_rps, goal, ceiling_p95)
        print(
            f"  {label} {name}: {rps:.0f} req/s, p95 {p95:.1f} ms "
            f"(hello world around it: {ceiling_rps:.0f} req/s)"
        )

    for path in ("/", "/share"):
        against_hello(f"GET {path}", *wrk(port, path), GOAL_GET)
    rps, p95, ok, bad, before = submit_load(port, uri)
    against_hello("POST /share (submit)", rps, p95, GOAL_SUBMIT)
    memory[f"Voice on {label}"] = worker_memory(proc)
    stop(proc)
    # The floor for a saved message: bare Flask and one hand-written INSERT on the same database.
    make_floor_table(uri)
    floor_env = dict(os.environ, BENCH_FLOOR_DATABASE=uri.removeprefix("sqlite:///"))
    floor, floor_port = serve("hello:app", floor_env, BENCH)
    against_hello(FLOOR, *wrk(floor_port, "/save", os.path.join(BENCH, "save.lua")), None)
    stop(floor)
    rows[ceiling_row] = tuple(statistics.mean(run[i] for run in hello) for i in (0, 1))
    submits, floor_rps = (rows[f"{label} {name}"][0] for name in ("POST /share (submit)", FLOOR))
    spread = (
        f"Voice's submit is {submits / floor_rps:.2f}× the floor's saves per second; "
        f"hello world around {label}'s loads: {len(hello)} runs, "
        f"{min(r[0] for r in hello):,.0f}–{max(r[0] for r in hello):,.0f} req/s"
    )
    after = count_submissions(uri)
    # wrk stops with up to one POST in flight per connection: saved, but its 303 not counted.
    in_flight = after - before - ok
    check = (
        f"{spread}. {label}: {ok} submits got 303 → /share/sent ({bad} failed); "
        f"submission rows {before} → {after} (+{after - before}): "
        + (
            f"MATCH, no lost or doubled rows ({in_flight} POSTs were still in flight when "
            "wrk stopped)"
            if 0 <= in_flight <= 16
            else "MISMATCH"
        )
    )
    print("  " + check)
    return check


# --- the moderation queue at 10,000 and 1,000,000 submissions ---
STATUS_MIX = ["new"] * 8 + ["moderated", "closed"]  # 80% still to do: a deep page exists at 10k


def generate(path, start, count):
    """Bulk rows straight into SQLite (the generator only: synchronous off, one transaction)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    rnd = random.Random(start)
    t0 = dt.datetime(2024, 1, 1)
    kinds, auds = ["view", "question", "idea"], ["cicc", "care_leavers_forum", "board", "not_sure"]

    def rows():
        for i in range(start, start + count):
            created = t0 + dt.timedelta(seconds=i * 30 + rnd.randrange(30))
            yield (
                f"h{i:063d}",
                f"t{i:063d}",
                rnd.choice(kinds),
                "A message about school buses.",
                rnd.choice(auds),
                "code",
                0,
                0,
                0,
                rnd.choice(STATUS_MIX),
                0,
                created.isoformat(" "),
                (created + dt.timedelta(days=28)).date().isoformat(),
                1,
            )

    with con:
        con.executemany(
            "INSERT INTO submission (code_hash, form_token, kind, message, audience, reply_by, "
            "consent_publish, consent_quote, wants_advocate, status, safeguarding, created_at, "
            "due_on, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows(),
        )
    con.close()


def queue_half(rows, notes):
    path = os.path.join(TMP, "queue.sqlite3")
    uri = "sqlite:///" + path
    env = voice_env(uri)
    subprocess.run(
        [os.path.join(BIN, "flask"), "--app", "voice", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    os.environ.update({k: v for k, v in env.items() if k.startswith("VOICE_")})
    sys.path.insert(0, ROOT)
    from sqlalchemy import text

    from voice import create_app
    from voice.extensions import db
    from voice.moderation.queue import PAGE_SIZE, Filters, counts_by_status, page_of

    app = create_app()
    today = dt.date(2026, 1, 1)
    # The to-do queue (queue.TO_DO), exactly counted and paged with OFFSET: the plain way.
    raw_count = text("SELECT count(*) FROM submission WHERE status IN ('new', 'follow_up')")
    raw_page = text(
        "SELECT * FROM submission WHERE status IN ('new', 'follow_up') "
        "ORDER BY created_at, id LIMIT :n OFFSET :o"
    )
    results, done = {}, 0
    for size in (10_000, int(os.environ.get("BENCH_BIG", "1000000"))):
        t = time.perf_counter()
        generate(path, done, size - done)
        done = size
        gen_s = time.perf_counter() - t
        print(f"  generated {size:,} submissions in {gen_s:.1f} s")
        with app.app_context():
            for page in (1, 150):

                def ours(page=page):
                    got, _ = page_of(Filters(), page, today)
                    assert len(got) == PAGE_SIZE
                    counts_by_status()  # the counts above the list, on every page view
                    db.session.expunge_all()

                def raw(page=page):
                    with db.engine.connect() as conn:
                        conn.scalar(raw_count)
                        conn.execute(raw_page, {"n": PAGE_SIZE, "o": (page - 1) * PAGE_SIZE}).all()

                ours()
                raw()
                results[(size, page)] = (median_ms(ours, 11), median_ms(raw, 11))
                print(
                    f"  queue page {page} at {size:,}: page_of {results[(size, page)][0]:.1f} ms,"
                    f" raw SQL {results[(size, page)][1]:.1f} ms"
                )
            db.session.remove()
    for page in (1, 150):
        small, big = results[(10_000, page)], results[(done, page)]
        rows[f"queue page {page}"] = (small, big)
    # Where the time goes at 1M: the page itself, or the count of everything still to do?
    with app.app_context(), db.engine.connect() as conn:
        c = median_ms(lambda: conn.scalar(raw_count), 3)
        p1 = median_ms(lambda: conn.execute(raw_page, {"n": PAGE_SIZE, "o": 0}).all(), 3)
        p150 = median_ms(
            lambda: conn.execute(raw_page, {"n": PAGE_SIZE, "o": 149 * PAGE_SIZE}).all(), 3
        )
    notes.append(
        f"At 1,000,000 rows (800,000 still to do) the raw SQL splits as: count(*) of "
        f"the to-do queue {c:.1f} ms, first page's rows {p1:.2f} ms, page 150's rows "
        f"(OFFSET 7,450) {p150:.2f} ms."
    )
    if p150 > 2 * p1 and p150 - p1 > c:
        notes.append(
            "**The deep page is slow because of OFFSET**: SQLite walks and throws away "
            "the 7,450 rows before it."
        )
    else:
        notes.append(
            "OFFSET is not what makes page 150 slower or faster here (its rows cost "
            f"{p150 - p1:.2f} ms more than the first page's); what grows with the table "
            "is the exact `count(*)` of every row still to do, which page_of no longer "
            "runs: it counts at most 1,000 rows past the page and reads the page's ids "
            "from the (status, created_at) index before loading 50 rows."
        )
    return c, p1, p150


def versions():
    gunicorn = subprocess.run(
        [os.path.join(BIN, "gunicorn"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    wrk_v = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    wrk_v = (wrk_v.stdout or wrk_v.stderr).splitlines()[0].split(" [")[0]
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in open("/proc/cpuinfo")
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = (
        next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
        / 1024
        / 1024
    )
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {mem:.1f} GiB memory; Python "
        f"{platform.python_version()}, {gunicorn}, {wrk_v}"
    )


def yes(met):
    return "**met**" if met else "**NOT met**"


def main():
    pg = os.environ.get("VOICE_TEST_DATABASE_URL")
    started = time.monotonic()
    rows, checks, notes, memory = {}, [], [], {}
    print("== hello world (the ceiling)")
    proc, port = serve("hello:app", dict(os.environ), BENCH)
    print("== Voice on SQLite")
    sqlite_uri = "sqlite:///" + os.path.join(TMP, "voice.sqlite3")
    checks.append(web_half("SQLite", sqlite_uri, port, rows, memory))
    if pg:
        print("== Voice on PostgreSQL")
        checks.append(web_half("PostgreSQL", pg, port, rows, memory))
    else:
        skipped = (
            "SKIPPED: the PostgreSQL half did not run: PostgreSQL is not installed "
            "(apt-get install postgresql), or run.py was not started by tests/postgres.sh."
        )
        print("#" * 80 + "\n# " + skipped + "\n" + "#" * 80)
        checks.append(skipped)
    memory = {"hello world": worker_memory(proc), **memory}
    stop(proc)
    print("== moderation queue (SQLite, in process)")
    queue_half(rows, notes)
    print("== board summary (in process)")
    import board

    board_results = board.run(pg)

    q1, q150 = rows.pop("queue page 1"), rows.pop("queue page 150")
    lines = [
        "| Measurement | req/s | p95 ms | × hello world req/s | p95 × hello | goal | met? |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    met, missed = [], []
    for name, row in rows.items():
        if len(row) == 2:  # the ceiling each half is measured against
            lines.append(f"| {name} | {row[0]:,.0f} | {row[1]:.1f} | 1.00 | 1.0 | | |")
            continue
        rps, p95, ratio, goal, hello_p95 = row
        if goal is None:  # a second ceiling, for what Voice's submit is compared with
            lines.append(
                f"| {name} | {rps:,.0f} | {p95:.1f} | {ratio:.2f} | {p95 / hello_p95:.1f} | | |"
            )
            continue
        ok = ratio >= goal
        (met if ok else missed).append(name)
        lines.append(
            f"| {name} | {rps:,.0f} | {p95:.1f} | {ratio:.2f} | {p95 / hello_p95:.1f} "
            f"| ≥ {goal}× | {yes(ok)} |"
        )
    hello_rss = memory["hello world"]
    lines += [
        "",
        "| Memory per gunicorn worker, after all its loads | resident MiB | peak MiB "
        "| resident × hello world |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {now:.1f} | {peak:.1f} | {now / hello_rss[0]:.1f}× |"
        for name, (now, peak) in memory.items()
    ]
    lines += [
        "",
        "| Moderation queue (SQLite, `page_of`) | 10k ms | 1M ms | 1M / 10k | "
        "raw SQL 10k ms | raw SQL 1M ms | page_of / raw at 1M | goal 1M ≤ 1.5× 10k |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, (small, big) in (("first page", q1), ("page 150 (OFFSET 7,450)", q150)):
        ratio = big[0] / small[0]
        ok = ratio <= GOAL_QUEUE
        (met if ok else missed).append(f"queue {name}")
        lines.append(
            f"| {name} | {small[0]:.1f} | {big[0]:.1f} | {ratio:.1f}× | {small[1]:.1f} "
            f"| {big[1]:.1f} | {big[0] / big[1]:.2f}× | {yes(ok)} |"
        )
    for label, (ours, *_) in board_results.items():
        (met if ours <= board.GOAL_MS else missed).append(f"board summary {label}")
    lines += ["", board.table(board_results)]
    notes.append("\n" + board.notes(board_results))
    table = "\n".join(lines)
    print("\n" + table + "\n")
    for c in checks:
        print(c)
    print("Goals met: " + (", ".join(met) or "none"))
    print("Goals NOT met: " + (", ".join(missed) or "none"))
    write_results(table, checks, notes, met, missed, pg, time.monotonic() - started)


def write_results(table, checks, notes, met, missed, pg, seconds):
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = (
        f"""# Benchmark results

Run {now} in {seconds:.0f} s by `make bench`, which runs exactly:

    tests/postgres.sh .venv/bin/python bench/run.py

Machine: {versions()}.

Settings: both apps under `gunicorn --workers 2 --worker-class gthread --threads 4` on
127.0.0.1 (different free ports); every GET load is `wrk -t2 -c16 -d{SECONDS}s --latency
-H "Accept-Encoding: gzip" -H "Connection: close"` after an uncounted 2-second warm-up with
the same settings (p95 from `bench/p95.lua`). Phones ask for gzip: Voice gzips the pages drawn
for everyone, the hello world sends 13 bytes plain. A new connection for every request, as
from many phones: with 16 kept-alive connections gthread sometimes gave all 16 to one worker,
and a run then measured a quarter of the usual rate, hello world's too. Hello world is
measured just before and just after each of Voice's loads, and each ratio uses the mean of
those two runs (a ceiling row is the mean of all of its half's runs). Submitting the form is
`bench/submit.lua` in two wrk runs with the same settings: the first collects forms (GET
/share without a cookie, again and again: each a fresh session with its own CSRF token and
one-time form token), the second POSTs each collected form once with its own cookie, and
each must answer 303 → /share/sent; only the POSTs are timed, so req/s is submits per second.
The floor for that is `bench/hello.py`'s POST /save under the same gunicorn and wrk settings
(`bench/save.lua`): bare Flask reading one form field and saving it with one hand-written
INSERT and commit on the same database, then a 303, with no session, CSRF, validation or ORM.
Memory: each gunicorn worker's resident and peak (VmHWM) size from /proc after all its loads,
the mean of the two workers.
Load average (1 min) when the run started: {LOAD[0]:.1f}; when it ended: {os.getloadavg()[0]:.1f}.
Voice ran with
`VOICE_RATELIMIT_ENABLED=false`, on a fresh SQLite file migrated with `flask db upgrade` and
loaded with `flask demo`, then the same on the throwaway PostgreSQL server that
`tests/postgres.sh` starts (fsync off, on this machine's same 2 cores).

{table}

The ceiling's spread, and the row checks after the submit load:

"""
        + "\n".join(f"- {c}" for c in checks)
        + f"""

Goals from issue 8: GET ≥ 0.5× hello world, submit ≥ 0.3×, moderation queue at 1M within
1.5× of 10k; from issue 6: the board summary within 2× of the raw SQL for the same counts.

- Met: {", ".join(met) or "none"}.
- **Not met: {", ".join(missed) or "none"}.**

Moderation queue: what the queue page asks the database, in process — `page_of` (default
filter: the to-do statuses `new` and `follow_up`, ordered by created_at, 50 a page, counted up to
1,000 rows past the page) plus `counts_by_status` (each status counted up to 1,000) — median
of 11, against the plain raw SQL (an exact count(*) of the to-do queue and an OFFSET page of
whole rows), on SQLite with 80% of rows still `new`. Rows were bulk inserted (one transaction,
`PRAGMA synchronous=OFF` for the generator only).
"""
        + "\n".join(notes)
        + """

Caveats: one run on a shared 2-core machine; wrk and the servers share those cores, and any
other work (the load averages above) can move figures by tens of percent, which is why each
ratio is taken against the hello world measured just before and after it. The PostgreSQL server has
fsync off (tests/postgres.sh).
"""
    )
    path = os.path.join(BENCH, "RESULTS.md")
    # Other scripts (lighthouse, disclosure, board, similar) and the written analysis of where
    # the time goes keep their own sections in the same file: carry them over.
    old = open(path).read() if os.path.exists(path) else ""
    kept = results.kept_sections(old)
    with open(path, "w") as f:
        f.write(text + "".join("\n" + section for section in kept))
    print("Wrote bench/RESULTS.md")


if __name__ == "__main__":
    main()
