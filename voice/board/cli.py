"""`flask board rebuild`: the board's running totals worked out afresh from the raw tables,
after rows were changed outside the app (a bulk load, a hand-made fix in SQL)."""

import click
from flask.cli import AppGroup

from voice.board import rollup
from voice.extensions import db

board = AppGroup("board", help="The board's figures.")


@board.command("rebuild")
def rebuild():
    """Build the board's running totals again from the raw tables."""
    rollup.rebuild(db.session)
    db.session.commit()
    click.echo("The board's totals were built again from every message.")
