"""Agendas: workers put young people's messages and themes in front of the Children in Care
Council or the board, then record what was decided, which the young person sees on /check."""

from flask import Blueprint

bp = Blueprint("agendas", __name__, url_prefix="/agendas")


@bp.app_template_global()
def agenda_items_for(submission):
    """For the young person's page, which includes templates/agendas/_discussed.html."""
    from voice.agendas.services import for_young_person

    return for_young_person(submission)


from voice.agendas import routes  # noqa: E402,F401
