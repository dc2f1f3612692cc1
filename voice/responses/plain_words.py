"""Staff words a young person may not know, each with a plainer way to say it. One list: the
server flags them when an officer saves, and the same list goes to the officer's page as data
so static/staff.js flags them while they type (never a second copy in the script)."""

import re

# Acronyms match only in capitals ("PA", not "pa"); words and phrases in any case.
PLAIN_WORDS = {
    "PEP": "your school plan meeting (Personal Education Plan)",
    "LAC": "children in care",
    "CLA": "children in care",
    "CiC": "children in care",
    "CICC": "the Children in Care Council (a group of young people in care)",
    "IRO": "the person who checks your care plan is working",
    "PA": "your personal adviser (the worker who helps you after care)",
    "SW": "social worker",
    "LA": "the council",
    "CAMHS": "the mental health service for young people",
    "EHCP": "your plan for extra help at school",
    "SENCO": "the teacher who organises extra help at school",
    "DT": "the school's teacher for children in care",
    "UASC": "young people who came to the UK alone",
    "Corporate Parenting Board": "the council's group that checks it looks after you well",
    "pathway plan": "your plan for leaving care",
    "placement": "where you live",
    "statutory": "the law says we must",
    "commissioning": "choosing and paying for services",
    "commissioned": "paid for",
    "stakeholders": "the people involved",
    "facilitate": "help",
    "utilise": "use",
    "implement": "start doing",
    "escalate": "pass it to a manager",
    "threshold": "the level we use to decide",
    "allocate": "give",
    "allocated": "given",
    "signpost": "point you to",
    "remit": "job",
    "prior to": "before",
    "in accordance with": "following",
    "with regard to": "about",
    "going forward": "from now on",
}


def is_acronym(term):
    """One word with two capitals or more ("PA", "CiC"): matched only as written."""
    return " " not in term and sum(c.isupper() for c in term) >= 2


def _pattern(term):
    flags = 0 if is_acronym(term) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", flags)


PATTERNS = {term: _pattern(term) for term in PLAIN_WORDS}


def found_in(text):
    """[(term, plainer words)] for each listed term in `text`, in the list's order, once."""
    if not text:
        return []
    return [(term, PLAIN_WORDS[term]) for term, pattern in PATTERNS.items() if pattern.search(text)]


def for_the_page():
    """The list as the page's script reads it: [[term, plain, case-sensitive?], ...]."""
    return [[term, plain, is_acronym(term)] for term, plain in PLAIN_WORDS.items()]
