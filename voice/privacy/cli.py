"""`flask --app voice purge`, `backup PATH` and `restore PATH`."""

import click

from voice.extensions import db
from voice.privacy import backup as copies
from voice.privacy import services


@click.command("purge")
@click.option("--dry-run", is_flag=True, help="Say what would go; change nothing.")
def purge(dry_run):
    """Clear the words and contact details of finished submissions past RETENTION_DAYS."""
    counts = services.purge(dry_run=dry_run)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    prefix = "Would have: " if dry_run else ""
    click.echo(prefix + ", ".join(f"{number} {kind}" for kind, number in counts.items()))


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
def backup(path):
    """Copy the whole database to PATH while Voice keeps running."""
    try:
        copies.backup(path)
    except copies.BackupFailed as error:
        raise click.ClickException(str(error))
    click.echo(f"Backed up to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Really replace the PostgreSQL database.")
def restore(path, yes):
    """Put a backup back into the configured database, replacing what is there."""
    if db.engine.url.get_backend_name() != "sqlite" and not yes:
        raise click.ClickException(
            "This replaces everything in the database. "
            "Stop Voice first, then run it again with --yes."
        )
    try:
        copies.restore(path)
    except copies.BackupFailed as error:
        raise click.ClickException(str(error))
    click.echo(f"Restored from {path}.")
