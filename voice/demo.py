"""`flask --app voice demo`: demo accounts and content, safe to run again and again."""

import secrets

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from voice.actions.demo import load_demo_progress
from voice.agendas.demo import load_demo_agendas
from voice.areas.services import ensure_area
from voice.auth import mfa, passwords
from voice.auth import services as accounts
from voice.auth.models import Role, User
from voice.decisions.demo import load_demo_decisions
from voice.extensions import db
from voice.promises.services import ensure_demo_promises
from voice.published.demo import load_demo_publications
from voice.responses.demo import load_demo_responses
from voice.submissions.demo import holds_real_submissions, load_demo_submissions
from voice.themes.services import ensure_default_themes

DEMO_DOMAIN = "demo.voice.invalid"  # .invalid can never be a real address (RFC 2606)

DEMO_STAFF = [
    (Role.WORKER, "Sam Patel"),
    (Role.OFFICER, "Jordan Reid"),
    (Role.SAFEGUARDING, "Alex Morgan"),
    (Role.BOARD, "Cllr Chris Lee"),
    (Role.CHAMPION, "Cllr Priya Shah"),
    (Role.ADMIN, "Robin Shaw"),
]


def demo_email(role):
    return f"{role.value}@{DEMO_DOMAIN}"


def holds_real_data():
    """Real data means a staff account or a submission that the demo did not make."""
    real_staff = db.session.scalar(
        select(User.id).where(~User.email.endswith("@" + DEMO_DOMAIN)).limit(1)
    )
    return real_staff is not None or holds_real_submissions()


def demo_password(email, name):
    """A random password, checked like anyone's (16 random characters always pass)."""
    while True:
        password = secrets.token_urlsafe(12)
        try:
            passwords.check_new_password(password, email, name)
            return password
        except passwords.PasswordRefused:
            continue


def load_demo_staff():
    """Create or refresh one account per role; a new password each run, as none is stored
    anywhere but as a hash. Two-step sign-in comes set up, with the same key run after run,
    so a tester adds each account to an authenticator app once.
    Returns (email, role, password, setup key) for printing."""
    sign_ins = []
    for role, name in DEMO_STAFF:
        password = demo_password(demo_email(role), name)
        user = accounts.find_user(demo_email(role))
        if user is None:
            user = accounts.create_user(demo_email(role), role, password, name=name)
        else:
            accounts.set_password(user, password)
            accounts.enable_user(user)
        if not user.mfa_enrolled:
            mfa.enrol(user)
        sign_ins.append((demo_email(role), role, password, mfa.spaced(user.mfa_secret)))
    return sign_ins


def echo_sign_ins(sign_ins):
    click.echo(
        "Demo sign-ins (new passwords each run; add each setup key to an authenticator "
        "app once, as it stays the same):"
    )
    for email, role, password, setup_key in sign_ins:
        click.echo(f"  {role.label:28} {email:32} {password}")
        click.echo(f"  {'':28} setup key: {setup_key}")
    click.echo(
        "No authenticator app? For a demo account only: "
        ".venv/bin/flask --app voice demo code EMAIL prints its code now."
    )


@click.group(
    help="Load demo accounts and content (again and again is fine).",
    invoke_without_command=True,
)
@click.option("--force", is_flag=True, help="Load even though the database holds real data.")
@click.pass_context
@with_appcontext
def demo(ctx, force):
    if ctx.invoked_subcommand is None:
        load_demo(force)


def load_demo(force):
    if holds_real_data() and not force:
        raise click.ClickException(
            "This database holds real accounts, so the demo was not loaded. "
            "Use --force only if you are sure."
        )
    sign_ins = load_demo_staff()
    sample_codes = load_demo_content()
    # Last, once the demo's responses are released: their actions' progress.
    load_demo_progress()
    worker = accounts.find_user(demo_email(Role.WORKER))
    load_demo_decisions(worker)
    published = load_demo_publications(worker)  # needs the released responses above
    db.session.commit()
    echo_sign_ins(sign_ins)
    click.echo(f"On “You said, we did”: {published} answered messages.")
    click.echo("Reference codes to try at /check: " + ", ".join(sample_codes))


NOT_A_DEMO_ACCOUNT = (
    "{email} is not one of the demo accounts `flask demo` makes, so its code stays in its "
    "owner's authenticator app."
)


def demo_account(email):
    """The demo's own account for this address, or None. Only the five addresses the demo
    makes qualify: they are at an .invalid domain, which can never be anyone's mailbox, so no
    real person's second step can be read from the command line."""
    wanted = accounts.normalise_email(email)
    if wanted not in {demo_email(role) for role, _name in DEMO_STAFF}:
        return None
    return accounts.find_user(wanted)


@demo.command("code", help="Print a demo account's current two-step code (demo accounts only).")
@click.argument("email")
@with_appcontext
def code(email):
    user = demo_account(email)
    if user is None or not user.mfa_enrolled:
        raise click.ClickException(NOT_A_DEMO_ACCOUNT.format(email=email))
    click.echo(mfa.current_code(user))


DEMO_AREAS = [
    "Children's social care",
    "Leaving care service",
    "Virtual School (education)",
    "Placements and fostering",
    "Health and wellbeing",
    "Participation and rights",
]


def load_demo_content():
    """Themes, promises, service areas and a year of submissions moved along by the demo
    worker to the demo officer."""
    ensure_default_themes()
    ensure_demo_promises()
    worker = accounts.find_user(demo_email(Role.WORKER))
    officer = accounts.find_user(demo_email(Role.OFFICER))
    areas = [ensure_area(name, lead=officer, officers=[officer]) for name in DEMO_AREAS]
    lead = accounts.find_user(demo_email(Role.SAFEGUARDING))
    codes = load_demo_submissions(
        current_app.config["REFERENCE_CODE_KEY"], worker, officer, areas, lead
    )
    load_demo_responses(worker, officer)  # before anything that reads released answers
    load_demo_agendas(worker)
    return codes
