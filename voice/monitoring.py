"""`flask --app voice monitor`: what the council's IT should watch, in one command that
exits 1 when something needs a person (for a systemd timer, cron or a monitoring agent).

It checks the promise that every message is read by a person within one working day, and
that no notification has been given up. /healthz (is the database there?) is for the load
balancer; this is for people.
"""

from datetime import datetime, time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from voice import clock
from voice.extensions import db
from voice.notifications.models import Notification
from voice.submissions.models import Status, Submission

# Nobody has read these yet: a worker (new) or the safeguarding lead (held).
WAITING = {
    Status.NEW: "messages no worker has read",
    Status.SAFEGUARDING: "held messages the safeguarding lead has not finished with",
}


def read_by(moment, ends_at):
    """When a message sent at `moment` (UTC) must have been read: the end of the office day
    (WORKING_DAY_ENDS_AT, council's clock) on the next working day after the day it came."""
    day = clock.add_working_days(clock.local_time(moment).date(), 1)
    return datetime.combine(day, time(ends_at), clock.LOCAL_ZONE)


def waiting_too_long(status, now):
    """(count, oldest sent) of messages still in `status` after they must have been read.
    Unread messages are few, so each is judged on the council's calendar here, not in SQL."""
    ends_at = current_app.config["WORKING_DAY_ENDS_AT"]
    sent = db.session.scalars(
        select(Submission.created_at).where(Submission.status == status)
    ).all()
    local_now = clock.local_time(now)
    late = [moment for moment in sent if read_by(moment, ends_at) < local_now]
    return len(late), min(late, default=None)


def given_up():
    return db.session.scalar(select(func.count(Notification.failed_at)))


@click.command(
    help="Check what needs a person: unread messages older than a working day, "
    "notifications given up. Exits 1 when there is any."
)
@with_appcontext
def monitor():
    try:
        now, problems = clock.utcnow(), 0
        for status, what in WAITING.items():
            count, oldest = waiting_too_long(status, now)
            click.echo(
                f"{what}, sent more than a working day ago: {count}"
                + (f" (oldest sent {oldest:%d %b %Y %H:%M} UTC)" if count else "")
            )
            problems += count
        failed = given_up()
        click.echo(
            f"notifications given up: {failed}"
            + (" (see `outbox status`; `outbox retry-failed` once mended)" if failed else "")
        )
        problems += failed
    except SQLAlchemyError as error:
        current_app.logger.error("monitor: the database could not be reached: %s", error)
        click.echo("database: cannot be reached")
        raise SystemExit(2)
    if problems:
        raise SystemExit(1)
