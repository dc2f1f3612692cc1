"""The ceilings, served by the same gunicorn settings as Voice: a bare Flask "hello world"
(GET /), and the least a saved message can cost (POST /save: one form field read and inserted
with hand-written SQL in its own committed transaction, then a 303 as Voice answers), into the
table bench_floor (made by bench/run.py) of the database named by BENCH_FLOOR_DATABASE (a
SQLite path or a PostgreSQL URL)."""

import os
import threading

from flask import Flask, redirect, request

app = Flask(__name__)
DATABASE = os.environ.get("BENCH_FLOOR_DATABASE", "")
connections = threading.local()  # one per gunicorn thread, as a connection pool would give


def connection():
    if not hasattr(connections, "one"):
        if DATABASE.startswith("postgresql"):
            import psycopg

            connections.one = psycopg.connect(DATABASE.replace("+psycopg", "", 1))
        else:
            import sqlite3

            # Voice's own settings for SQLite (voice/extensions.py).
            connections.one = sqlite3.connect(DATABASE, timeout=5)
            connections.one.execute("PRAGMA journal_mode=WAL")
            connections.one.execute("PRAGMA synchronous=NORMAL")
    return connections.one


@app.route("/")
def hello():
    return "Hello, World!"


@app.route("/save", methods=["POST"])
def save():
    db = connection()
    marker = "%s" if DATABASE.startswith("postgresql") else "?"
    db.execute(f"INSERT INTO bench_floor (message) VALUES ({marker})", (request.form["message"],))
    db.commit()
    return redirect("/", code=303)
