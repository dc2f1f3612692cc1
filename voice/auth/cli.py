"""`flask --app voice users ...`: accounts from the command line, for the first admin and for
servers with no admin pages yet."""
import click
from flask.cli import with_appcontext

from voice.auth import services
from voice.auth.models import Role
from voice.extensions import db

MIN_PASSWORD = 12


@click.group(help="Create, list and switch off staff accounts.")
def users():
    pass


@users.command("create")
@click.option("--email", required=True, help="The person's work e-mail address.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--name", default="", help="Their name, as colleagues know it.")
@click.option("--password", help="Leave out to be asked for it (it is then not echoed).")
@with_appcontext
def create(email, role, name, password):
    if password is None:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"The password needs at least {MIN_PASSWORD} characters.")
    try:
        user = services.create_user(email, role, password, name=name)
    except ValueError as exists:
        raise click.ClickException(str(exists))
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role.label}).")


@users.command("list")
@with_appcontext
def list_users():
    for user in services.all_users():
        state = "active" if user.active else "switched off"
        click.echo(f"{user.email:40} {user.role.value:13} {state}")


@users.command("disable")
@click.option("--email", required=True)
@with_appcontext
def disable(email):
    user = services.find_user(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    services.disable_user(user)
    db.session.commit()
    click.echo(f"Switched off {user.email}; their sessions have ended.")
