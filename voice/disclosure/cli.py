"""`flask --app voice disclosure train`, `... disclosure crossval` and `... disclosure report`."""

import click
from flask.cli import AppGroup

from voice.disclosure.models import VERDICT_LABELS
from voice.submissions.disclosure_kinds import label

disclosure = AppGroup("disclosure", help="The disclosure check: retrain it, and what readers said.")

TRAINING_PART = click.option(
    "--corpus",
    default="tests/disclosure_corpus",
    show_default=True,
    type=click.Path(exists=True),
    help="A training part of the corpus, or a folder: every train*.tsv in it (never held out).",
)


def needs_scikit_learn(what):
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise click.ClickException(f"{what} needs scikit-learn: pip install -e '.[train]'")


def _read(corpus):
    from voice.disclosure import training

    try:
        return training.read_corpus(corpus)
    except ValueError as error:
        raise click.ClickException(str(error))


@disclosure.command("train")
@TRAINING_PART
def train(corpus):
    """Retrain the model from the corpus and write voice/submissions/disclosure_model.json.
    Needs the `train` extra (scikit-learn); the same corpus always gives the same file."""
    rows = _read(corpus)  # a held-out part is refused first, with or without scikit-learn
    needs_scikit_learn("Training")
    from voice.disclosure import training

    model = training.train(rows)
    training.write(model)
    thresholds = model["thresholds"]
    click.echo(
        f"Wrote {training.WEIGHTS.name}: {len(model['risk']['weights'])} features; "
        f"weak from {thresholds['weak']}, strong from {thresholds['strong']}."
    )


@disclosure.command("crossval")
@TRAINING_PART
@click.option("--folds", default=5, show_default=True, help="How many folds for k-fold.")
@click.option("--styles/--no-styles", default=True, help="Also leave each unseen style out.")
@click.option("--wordings/--no-wordings", default=True, help="Also leave similar wordings out.")
@click.option("--parts/--no-parts", default=True, help="Also leave each training part out.")
def crossval(corpus, folds, styles, wordings, parts):
    """Cross-validated recall per kind and language, and false alarms per language, measured
    on the training part only (see voice/disclosure/crossval.py). Needs the `train` extra."""
    rows = _read(corpus)
    needs_scikit_learn("Cross-validation")
    from voice.disclosure import crossval as cv

    click.echo(f"## {folds}-fold cross-validation, stratified by kind and language\n")
    click.echo(cv.table(cv.kfold(rows, folds)))
    if styles:
        click.echo("\n## Leave one style out (" + ", ".join(cv.UNSEEN_STYLES) + ")\n")
        click.echo(cv.table(cv.leave_style_out(rows)))
    if wordings:
        click.echo(f"\n## Leave similar wordings out ({folds} folds of whole groups)\n")
        click.echo(cv.table(cv.leave_wordings_out(rows, folds)))
    if parts and len({row["part"] for row in rows}) > 1:
        click.echo("\n## Leave each training part out (each written by someone else)\n")
        click.echo(cv.table(cv.leave_part_out(rows)))


@disclosure.command("report")
def report():
    """Count what readers said about the check, by month, verdict and kind."""
    from voice.disclosure import services

    counts = services.report()
    if not counts:
        click.echo("Nobody has told the check anything yet.")
        return
    month = None
    for (period, verdict, kind), number in counts.items():
        if period != month:
            month = period
            click.echo(period)
        click.echo(f"  {VERDICT_LABELS[verdict]}: {label(kind) or 'kind not known'}: {number}")
