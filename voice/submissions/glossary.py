"""Staff shorthand a young person may not know, explained where they meet it: an officer writes
"Raise at her next PEP", and the young person reads underneath what a PEP is. Only whole
words in capitals count ("pa" in "page" is not one); the officer's words are never changed."""

import re

from flask_babel import lazy_gettext as _l

TERMS = {
    "PEP": _l("a Personal Education Plan meeting, about your school"),
    "PA": _l("your personal adviser, who helps you when you leave care"),
    "IRO": _l("the person who checks your care plan is working for you"),
    "CAMHS": _l("the NHS team that helps with feelings and worries"),
    "EHCP": _l("a plan for extra help at school"),
    "SENCO": _l("the teacher in charge of extra help at school"),
    "LAC": _l("children in care"),
    "CLA": _l("children in care"),
    "CPB": _l("the people in charge at the council who check we look after you well"),
    "CICC": _l("the Children in Care Council, young people in care who meet to make things better"),
}
WORD = re.compile(r"\b(" + "|".join(sorted(TERMS, key=len, reverse=True)) + r")s?\b")


def explained(*texts):
    """[(term, what it means)] for each known term in `texts`, once, in the order met."""
    found = []
    for text in texts:
        for term in WORD.findall(text or ""):
            if term not in found:
                found.append(term)
    return [(term, TERMS[term]) for term in found]
