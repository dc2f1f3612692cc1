"""Views gathered by staff: a worker types in what a young person said at a meeting, an
event, on paper or on the phone. Each goes through the same service as /share."""

from flask import Blueprint

bp = Blueprint("gathered", __name__, url_prefix="/gathered")


@bp.app_context_processor
def source_labels():
    """The review page (moderation) names a gathered view's source in these words."""
    from voice.gathered.words import SOURCE_LABELS

    return {"source_labels": SOURCE_LABELS}


from voice.gathered import routes  # noqa: E402,F401
