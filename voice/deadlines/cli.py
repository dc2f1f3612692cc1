"""`flask --app voice tick`, run by cron. See docs/clock.md for the crontab line."""

import click
from flask.cli import with_appcontext

from voice import clock
from voice.deadlines import services
from voice.extensions import db

HELP = """Tell the participation workers and the safeguarding lead, once each working day,
about messages nobody has opened since the last working day ended; send reminders before
replies are due, escalate late ones to the service area lead and the participation workers,
remind officers of actions on their due date, close answered cases with no follow-up,
chase advocacy referrals not passed on within a working day, and chase news for a young
person who hears back through their worker that nobody has passed on within a working day.
Safe to run as often as you like: each reminder and notice is sent once. Run it every morning from cron, for example:

\b
  0 7 * * 1-5  cd /srv/voice && .venv/bin/flask --app voice tick >> /var/log/voice-tick.log 2>&1
"""


@click.command(help=HELP)
@with_appcontext
def tick():
    today = clock.utcnow().date()
    done = 0
    # One commit per thing done: a crash half way loses nothing already sent, and a second
    # tick running at the same moment skips what this one has recorded.
    for line in services.tick(today):
        db.session.commit()
        click.echo(line)
        done += 1
    db.session.commit()
    click.echo(f"Tick for {today:%a %d %b %Y}: {done or 'nothing'} done.")
