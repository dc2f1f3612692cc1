"""`flask --app voice users ...`: accounts from the command line, for the first admin and for
servers with no admin pages yet. Only someone with access to the server can run these, which
is what makes the two resets admin-only."""

import click
from flask.cli import with_appcontext

from voice.auth import mfa, services
from voice.auth.models import Role
from voice.errors import Refused
from voice.extensions import db


@click.group(help="Create, list and switch off staff accounts; reset passwords and MFA.")
def users():
    pass


def ask_for_password():
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


def existing_user(email):
    user = services.find_user(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    return user


@users.command("create")
@click.option("--email", required=True, help="The person's work e-mail address.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--name", default="", help="Their name, as colleagues know it.")
@click.option("--password", help="Leave out to be asked for it (it is then not echoed).")
@with_appcontext
def create(email, role, name, password):
    if password is None:
        password = ask_for_password()
    try:
        user = services.create_user(email, role, password, name=name)
    except Refused as refused:  # an existing account, or a password too easy to guess
        raise click.ClickException(str(refused))
    db.session.commit()
    click.echo(
        f"Created {user.email} ({user.role.label}). They set up two-step sign-in "
        "the first time they sign in."
    )


@users.command("list")
@with_appcontext
def list_users():
    for user in services.all_users():
        state = "active" if user.active else "switched off"
        two_step = "two-step on" if user.mfa_enrolled else "two-step not set up"
        click.echo(f"{user.email:40} {user.role.value:13} {state:13} {two_step}")


@users.command("disable")
@click.option("--email", required=True)
@with_appcontext
def disable(email):
    user = existing_user(email)
    services.disable_user(user)
    db.session.commit()
    click.echo(f"Switched off {user.email}; their sessions have ended.")


@users.command("reset-password")
@click.option("--email", required=True)
@click.option("--password", help="Leave out to be asked for it (it is then not echoed).")
@with_appcontext
def reset_password(email, password):
    user = existing_user(email)
    if password is None:
        password = ask_for_password()
    try:
        services.set_password(user, password)
    except Refused as refused:
        raise click.ClickException(str(refused))
    db.session.commit()
    click.echo(
        f"New password set for {user.email}; their sessions have ended and any pause "
        "on signing in is lifted."
    )


@users.command("reset-mfa")
@click.option("--email", required=True)
@with_appcontext
def reset_mfa(email):
    user = existing_user(email)
    mfa.reset(user)
    db.session.commit()
    click.echo(
        f"Reset two-step sign-in for {user.email}; their sessions have ended. They set "
        "it up again the next time they sign in, and their old recovery codes no "
        "longer work."
    )
