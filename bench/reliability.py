"""The scenarios of tests/test_reliability.py once more, with their figures printed and written
to bench/RELIABILITY.md (the tests only assert). On SQLite, and on PostgreSQL when
tests/postgres.sh started one. Loopback only; about two minutes on an idle 2-core machine.

    tests/postgres.sh .venv/bin/python bench/reliability.py
"""

import datetime as dt
import os
import pathlib
import platform
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from sqlalchemy import select  # noqa: E402

from tests.conftest import PASSWORD, settings_for  # noqa: E402
from tests.reliability_helpers import (  # noqa: E402
    Gunicorn,
    ShareLoad,
    kill_a_worker_during,
    send_twice_at_once,
    voice_env,
)
from tests.reliability_outbox import kill_the_outbox_worker_mid_send  # noqa: E402
from voice import create_app  # noqa: E402
from voice.auth import services as accounts  # noqa: E402
from voice.auth.models import Role  # noqa: E402
from voice.extensions import db  # noqa: E402
from voice.submissions.codes import code_hash  # noqa: E402
from voice.submissions.models import Submission  # noqa: E402
from voice.themes.services import ensure_default_themes  # noqa: E402

SUBMISSIONS, PHONES, KILL_LOAD, TAPS = 1000, 32, 160, 8


def rows():
    db.session.rollback()
    return {
        token: (hashed, message)
        for token, hashed, message in db.session.execute(
            select(Submission.form_token, Submission.code_hash, Submission.message)
        )
    }


def intact(sent, stored, key):
    return sum(stored.get(s.form_token) == (code_hash(s.code, key), s.message) for s in sent)


def cpu_seconds(server):
    """CPU time used so far by this process (the phones) and gunicorn's master and workers."""
    total = os.times().user + os.times().system
    for pid in [server.proc.pid, *server.worker_pids()]:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def scenarios(label, config, folder):
    key, lines = config["REFERENCE_CODE_KEY"], []
    with Gunicorn(voice_env(config), os.path.join(folder, f"{label}.log")) as server:
        cpu = cpu_seconds(server)
        load = ShareLoad(server.url, SUBMISSIONS, PHONES).run(seconds=600)
        stored = rows()
        lines.append(
            f"| {label} | {SUBMISSIONS:,} submissions, {PHONES} phones | sent "
            f"{SUBMISSIONS:,}, confirmed {len(load.sent):,}, stored {len(stored):,}, "
            f"intact {intact(load.sent, stored, key):,} | {len(load.errors)} | "
            f"{load.seconds:.1f} s ({SUBMISSIONS / load.seconds:.0f}/s; "
            f"{cpu_seconds(server) - cpu:.0f} CPU-s: phones and gunicorn, "
            "not PostgreSQL) |"
        )
        before = set(stored)
        taps = [send_twice_at_once(server.url) for _ in range(TAPS)]
        made = set(rows()) - before
        same = sum(a == b and a.count("-") == 3 for _, _, (a, b) in taps)
        lines.append(
            f"| {label} | {TAPS} forms each sent twice at once | rows {len(made)}, "
            f"same code both times {same} of {TAPS} | {TAPS - same} | |"
        )
        before = set(rows())
        load = ShareLoad(server.url, KILL_LOAD, PHONES, retries=2).start()
        killed = kill_a_worker_during(server, load, after=KILL_LOAD // 3)
        load.finish(seconds=300)
        stored = {t: r for t, r in rows().items() if t not in before}
        lines.append(
            f"| {label} | {KILL_LOAD} submissions, {len(killed)} worker(s) SIGKILLed "
            f"after {KILL_LOAD // 3} | requests cut off {load.died} (sent again with "
            f"the same token), confirmed {len(load.sent)}, stored {len(stored)}, "
            f"intact {intact(load.sent, stored, key)} | {len(load.errors)} | "
            f"{load.seconds:.1f} s |"
        )
    officer = accounts.create_user(f"officer-{label.lower()}@example.org", Role.OFFICER, PASSWORD)
    db.session.commit()
    crash = kill_the_outbox_worker_mid_send(
        config, officer.id, os.path.join(folder, f"{label}-outbox.log")
    )
    lines.append(
        f"| {label} | {len(crash.queued)} e-mails, outbox worker SIGKILLed mid-send "
        f"| received {len(crash.received)}, lost {len(crash.lost)}, sent twice "
        f"{len(crash.duplicates)} (the one in flight), unsent {crash.unsent}, "
        f"given up {crash.failed} | 0 | {crash.seconds:.1f} s |"
    )
    return lines


def on(label, uri, folder):
    config = settings_for(pathlib.Path(folder), SQLALCHEMY_DATABASE_URI=uri)
    app = create_app(config)
    with app.app_context():
        db.drop_all()
        db.create_all()
        ensure_default_themes()
        db.session.commit()
        try:
            return scenarios(label, config, folder)
        finally:
            db.session.remove()
            db.drop_all()
            db.engine.dispose()


def main():
    started, folder = time.monotonic(), tempfile.mkdtemp(prefix="voice-reliability-")
    lines = on("SQLite", f"sqlite:///{folder}/voice.sqlite3", folder)
    if os.environ.get("VOICE_TEST_DATABASE_URL"):
        lines += on("PostgreSQL", os.environ["VOICE_TEST_DATABASE_URL"], folder)
    load = os.getloadavg()[0]
    report = "\n".join(
        [
            "# Reliability figures",
            "",
            f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC in "
            f"{time.monotonic() - started:.0f} s by",
            "",
            "    tests/postgres.sh .venv/bin/python bench/reliability.py",
            "",
            f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, load average "
            f"{load:.1f} when it ended (other work shares these cores). Voice under `gunicorn "
            "--workers 2 wsgi:app` (sync workers, as `make run`) on 127.0.0.1, rate limit off; "
            "each phone is a thread with its own cookies that opens /share, sends the form and "
            "reads its code on /share/sent. The assertions are in tests/test_reliability.py.",
            "",
            "| database | scenario | result | errors | time |",
            "|---|---|---|---:|---|",
            *lines,
            "",
        ]
    )
    with open(os.path.join(ROOT, "bench", "RELIABILITY.md"), "w") as out:
        out.write(report)
    print(report)


if __name__ == "__main__":
    main()
