"""What `flask --app voice demo` writes, as text, to check that a change to the demo loader
leaves the database the same: loads the demo into an empty database with the clock stopped
(and the one random reference code fixed), RUNS times, then writes every table's rows,
sorted, to OUT. Prints the statements and CPU seconds of each load.

    .venv/bin/python bench/demo_dump.py OUT [RUNS] [DATABASE_URL]

Compare OUT before and after a change with cmp. Left out, as they differ on every load
whatever the code does: the accounts' password hashes, session tokens and two-step keys.
Also left out: submission.version, the optimistic-lock counter, which counts the flushes
that changed a message rather than anything about it."""

import os
import sys
import tempfile
import time
from datetime import UTC, datetime

from sqlalchemy import MetaData, event, select

sys.path.insert(0, os.getcwd())

from voice import clock, create_app  # noqa: E402
from voice.extensions import db  # noqa: E402
from voice.submissions import codes  # noqa: E402

STOPPED = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
LEFT_OUT = {
    ("user", "password_hash"),
    ("user", "session_token"),
    ("user", "mfa_secret"),
    ("user", "password_changed_at"),
    ("submission", "version"),
}


class StoppedClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return STOPPED if tz else STOPPED.replace(tzinfo=None)


def settings(folder, url):
    return {
        "INSTANCE_PATH": folder,
        "ENV": "testing",
        "TESTING": True,
        "SECRET_KEY": "demo dump secret key, not for use anywhere else",
        "REFERENCE_CODE_KEY": "demo dump reference code key, not for use anywhere else",
        "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{folder}/voice.sqlite3",
        "ARGON2_PARAMETERS": {"time_cost": 1, "memory_cost": 64, "parallelism": 1},
    }


def load(app, runs):
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *_: statements.append(1))
    for run in range(runs):
        statements.clear()
        started = time.process_time()
        result = app.test_cli_runner().invoke(args=["demo"])
        assert result.exit_code == 0, result.output
        cpu = time.process_time() - started
        print(f"load {run + 1}: {len(statements)} statements, {cpu:.2f} CPU s", file=sys.stderr)
        db.session.remove()


def dump(out):
    tables = MetaData()
    tables.reflect(db.engine)
    with open(out, "w") as file, db.engine.connect() as connection:
        for name in sorted(tables.tables):
            columns = [c for c in tables.tables[name].columns if (name, c.name) not in LEFT_OUT]
            rows = connection.execute(select(*columns)).all()
            file.write(f"== {name} ({len(rows)} rows) {[c.name for c in columns]}\n")
            for row in sorted(rows, key=lambda r: tuple((v is None, str(v)) for v in r)):
                file.write(repr(tuple(row)) + "\n")


def main(out, runs="1", url=None):
    clock.datetime = StoppedClock
    codes.new_code = lambda: "ABC-DEF-GHJ-KMN"
    app = create_app(settings(tempfile.mkdtemp(), url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        load(app, int(runs))
        dump(out)
        db.session.remove()
        db.drop_all()


if __name__ == "__main__":
    main(*sys.argv[1:])
