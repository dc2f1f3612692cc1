"""Copies of the whole database: SQLite's online backup API, or pg_dump for PostgreSQL."""

import glob
import os
import shutil
import sqlite3
import subprocess

from voice.extensions import db


class BackupFailed(Exception):
    """Said to the person at the command line, as it is."""


def backup(path):
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(url.database, path)
    else:
        _run("pg_dump", "--format=custom", "--no-owner", f"--file={path}", *_pg_args(url))


def restore(path):
    if not os.path.exists(path):
        raise BackupFailed(f"There is no backup at {path}.")
    url = db.engine.url
    db.session.remove()
    db.engine.dispose()  # no pooled connection may hold the old file open
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(path, url.database)
    else:
        _run(
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *_pg_args(url),
            path,
        )


def _sqlite_copy(source_path, target_path):
    """One step of the backup API copies a consistent snapshot, even while others write."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()


def _pg_args(url):
    args = [f"--dbname={url.database}"]
    if url.host:
        args.append(f"--host={url.host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    return args


def _run(program, *args):
    url = db.engine.url
    env = dict(os.environ, PGPASSWORD=url.password or "")
    result = subprocess.run([_find(program), *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupFailed(f"{program} failed: {result.stderr.strip()}")


def _find(program):
    """The newest installed PostgreSQL's own copy first (matching the server's version is
    what matters most), then whatever is on PATH."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{program}"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if found:
        return found[-1]
    on_path = shutil.which(program)
    if on_path is None:
        raise BackupFailed(f"{program} is not installed (apt-get install postgresql-client).")
    return on_path
