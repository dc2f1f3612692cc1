"""`flask --app voice demo`: demo accounts and content, safe to run again and again."""
import secrets

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from voice.auth import services as accounts
from voice.auth.models import Role, User
from voice.extensions import db

DEMO_DOMAIN = "demo.voice.invalid"  # .invalid can never be a real address (RFC 2606)

DEMO_STAFF = [
    (Role.WORKER, "Sam Patel"),
    (Role.OFFICER, "Jordan Reid"),
    (Role.SAFEGUARDING, "Alex Morgan"),
    (Role.BOARD, "Cllr Chris Lee"),
    (Role.ADMIN, "Robin Shaw"),
]


def demo_email(role):
    return f"{role.value}@{DEMO_DOMAIN}"


def holds_real_data():
    """Real data means a staff account that the demo did not make."""
    return db.session.scalar(
        select(User.id).where(~User.email.endswith("@" + DEMO_DOMAIN)).limit(1)
    ) is not None


def load_demo_staff():
    """Create or refresh one account per role; a new password each run, as none is stored
    anywhere but as a hash. Returns (email, role, password) for printing."""
    sign_ins = []
    for role, name in DEMO_STAFF:
        password = secrets.token_urlsafe(12)
        user = accounts.find_user(demo_email(role))
        if user is None:
            accounts.create_user(demo_email(role), role, password, name=name)
        else:
            accounts.set_password(user, password)
            accounts.enable_user(user)
        sign_ins.append((demo_email(role), role, password))
    return sign_ins


@click.command(help="Load demo accounts and content (again and again is fine).")
@click.option("--force", is_flag=True, help="Load even though the database holds real data.")
@with_appcontext
def demo(force):
    if holds_real_data() and not force:
        raise click.ClickException(
            "This database holds real accounts, so the demo was not loaded. "
            "Use --force only if you are sure."
        )
    sign_ins = load_demo_staff()
    db.session.commit()
    click.echo("Demo sign-ins (new passwords each time `demo` runs):")
    for email, role, password in sign_ins:
        click.echo(f"  {role.label:20} {email:32} {password}")
