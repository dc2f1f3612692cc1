"""Suggests themes for a message from keywords, so the worker starts from a good guess.
Small and explainable on purpose: a worker can see why a theme was suggested."""

import re

from voice.themes.models import Theme

KEYWORDS = {
    "home": "placement foster carer carers home house room bedroom move moved moving "
    "wifi curfew kids home residential staff",
    "school": "school college teacher teachers homework exam exams gcse gcses tutor pep "
    "class lessons excluded exclusion uni university",
    "health": "doctor dentist camhs health mental anxiety sleep ill medicine nurse "
    "counselling counsellor therapy feelings",
    "family": "family mum dad nan brother brothers sister sisters siblings contact visit "
    "visits grandad",
    "social-worker": "social worker workers sw pa personal adviser review reviews",
    "money": "money pocket savings allowance grant bank pay paid cost costs bursary",
    "leaving-care": "flat leaving 18 tenancy housing rent council tax independent staying put",
    "jobs": "job jobs work apprenticeship apprenticeships career careers training cv interview",
    "hobbies": "club clubs football dance music gym sport trip trips hobby hobbies swimming drama",
    "safety": "safe unsafe bullying bullied scared dark online police",
    "having-a-say": "listen listened say meeting meetings decision decisions asked consulted plan",
    "privacy": "privacy private file letter told found out share shared information",
    "fairness": "fair unfair same permission treated different normal",
}
WORD = re.compile(r"[a-z0-9']+")


def suggest(text, themes: list[Theme], limit=3):
    """Themes whose keywords appear in the text, best first (at most `limit`)."""
    words = set(WORD.findall(text.lower()))
    scored = []
    for theme in themes:
        keywords = set(KEYWORDS.get(theme.slug, "").split())
        keywords |= set(WORD.findall(theme.description.lower())) - {"and", "the", "your", "you"}
        score = len(words & keywords)
        if score:
            scored.append((score, -theme.position, theme))
    scored.sort(key=lambda item: item[:2], reverse=True)
    return [theme for _, _, theme in scored[:limit]]
