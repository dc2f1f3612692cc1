"""A young person shares a view, a question or an idea, and checks back with a code."""

from flask import Blueprint

bp = Blueprint("submissions", __name__)


@bp.app_template_filter("kind_name")
def kind_name(kind):
    """ "My view", "A question" or "An idea", in the page's language, as the share form says."""
    from voice.submissions.words import KINDS

    return next(str(name) for value, name, _hint in KINDS if value == kind)


@bp.app_template_global()
def audience_words():
    """What each group on "Who is it for?" is, for the share form and the worker's copy of it."""
    from voice.submissions.words import AUDIENCE_WORDS

    return AUDIENCE_WORDS


@bp.app_template_filter("feeling_words")
def feeling_words(feeling):
    """(face, name) of a short-form feeling, in the page's language, for the young person."""
    from voice.submissions.words import FEELINGS

    return next((face, str(name)) for value, name, face in FEELINGS if value == feeling.value)


@bp.app_template_filter("feeling_for_staff")
def feeling_for_staff(feeling):
    """ "worried": how staff pages say the face a young person picked."""
    from voice.submissions.words import FEELING_FOR_STAFF

    return FEELING_FOR_STAFF[feeling]


@bp.app_template_global()
def glossary(*texts):
    """[(term, meaning)]: staff shorthand in `texts` said in words a young person knows."""
    from voice.submissions.glossary import explained

    return explained(*texts)


@bp.app_template_global()
def open_worker_tasks():
    """For the workers' queue, which includes templates/submissions/_worker_tasks.html."""
    from voice.submissions.worker_tasks import open_tasks

    return open_tasks()


from voice.submissions import (  # noqa: E402,F401
    case_routes,
    not_safe_routes,
    offline_routes,
    routes,
    short_routes,
    task_routes,
)
