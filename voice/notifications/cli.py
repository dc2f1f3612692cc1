"""`flask --app voice outbox ...`: the worker that sends notifications, and a look at how
the outbox is doing. Run `outbox run` as a service, or `outbox run --once` from cron."""

import logging
import signal
import threading

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError

from voice import clock
from voice.extensions import db
from voice.notifications import sender
from voice.notifications.backends import NotConfigured, from_config
from voice.notifications.models import Notification

log = logging.getLogger("voice.notifications")


@click.group(help="Send the notifications waiting in the outbox.")
def outbox():
    pass


@outbox.command("run")
@click.option("--once", is_flag=True, help="Send what is due now and stop (for cron).")
@with_appcontext
def run(once):
    """Send notifications until stopped with SIGTERM or Ctrl+C (or once, with --once)."""
    backend = _backend()
    if once:
        outcomes = sender.run_once(backend)
        click.echo(_summary(outcomes))
        return
    poll = float(current_app.config["OUTBOX_POLL_SECONDS"])
    click.echo(f"Sending through the {backend.name} backend, looking every {poll:g} seconds.")
    stop = _stop_on_signals()
    while not stop.is_set():
        _run_quietly(backend, stop)
        stop.wait(poll)
    click.echo("Stopped.")


def _backend():
    # Flask gives the "voice" logger a handler when app.logger is first made; a worker
    # should say what it sends (INFO), where the web app logs only warnings.
    current_app.logger  # noqa: B018
    log.setLevel(logging.INFO)
    config = current_app.config
    if config["NOTIFY_BACKEND"] != "log" and not config["PUBLIC_URL"]:
        raise click.ClickException("Set PUBLIC_URL so that messages can link to Voice.")
    try:
        return from_config(config)
    except NotConfigured as missing:
        raise click.ClickException(str(missing))


def _stop_on_signals():
    """SIGTERM (systemd, docker) and SIGINT (Ctrl+C) let the message being sent finish, then
    stop; claimed messages not yet tried are handed back."""
    stop = threading.Event()

    def handle(signum, _frame):
        log.info("stopping after the message being sent (%s)", signal.Signals(signum).name)
        stop.set()

    signal.signal(signal.SIGTERM, handle)
    signal.signal(signal.SIGINT, handle)
    return stop


def _run_quietly(backend, stop):
    """One pass; a database that is down for a moment must not end the worker."""
    try:
        outcomes = sender.run_once(backend, stop)
    except OperationalError as error:
        db.session.rollback()
        log.warning(
            "the database could not be reached (%s); trying again", type(error.orig).__name__
        )
        return
    if outcomes:
        log.info(_summary(outcomes))


OUTCOMES = {
    "sent": "sent",
    "split": "shared out, one per person",
    "retry": "to try again later",
    "failed": "given up",
    "skipped": "not needed",
    "lost": "taken over by another worker",
}


def _summary(outcomes):
    if not outcomes:
        return "Nothing to send."
    return (
        "Outbox: "
        + ", ".join(f"{outcomes[key]} {label}" for key, label in OUTCOMES.items() if outcomes[key])
        + "."
    )


@outbox.command("status")
@with_appcontext
def status():
    """How many notifications are waiting, sent, not needed or given up."""
    n = Notification
    counts = db.session.execute(
        select(
            func.count(n.next_attempt_at),
            func.count(n.sent_at),
            func.count(n.skipped_at),
            func.count(n.failed_at),
            func.min(n.created_at).filter(n.next_attempt_at.is_not(None)),
        )
    ).one()
    waiting, sent, skipped, failed, oldest = counts
    click.echo(f"waiting: {waiting}  sent: {sent}  not needed: {skipped}  given up: {failed}")
    if oldest:
        minutes = int((clock.utcnow() - oldest).total_seconds() // 60)
        click.echo(f"The oldest waiting notification was queued {minutes} minutes ago.")


@outbox.command("retry-failed")
@with_appcontext
def retry_failed():
    """Try the given-up notifications again (after mending the settings, say)."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.failed_at.is_not(None))
        .values(failed_at=None, attempts=0, next_attempt_at=clock.utcnow()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    click.echo(f"{result.rowcount} given-up notifications will be tried again.")
