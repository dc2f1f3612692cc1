"""Messages that say the same thing, found on the server from the shared (redacted) versions
alone, with nothing sent anywhere.

Each shared version is reduced to a set of terms (words folded to a stem, a few everyday
synonyms made one, common words dropped), kept in the similarity_term table so that finding
the messages that share terms with one is an indexed look-up, not a read of every message.
Candidates are then scored by the cosine of their terms weighted by rarity (IDF): two
messages that share "wifi" and "night" are closer than two that share "placement".
The threshold was chosen on the training pairs in tests/similar_pairs.py; the README gives
precision and recall on the held-out pairs.
"""

import math
import re
import unicodedata
from collections import Counter

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from voice.extensions import db
from voice.moderation.models import SimilarityTerm, SimilarityTermCount

THRESHOLD = 0.30
CANDIDATES = 50
# A term in more than this share of all messages says little and costs a long index scan.
COMMON = 0.05
MAX_TERMS = 40

_WORD = re.compile(r"[^\W_]+")
_PLACEHOLDER = re.compile(r"\[[a-z ]+\]")
STOP = frozenset(
    """a about after again all also am an and any are as at be because been before being
    but by can cant could did didnt do does dont doing even ever for from get gets getting
    got had has have having he her here him his how i id ill im ive if in into is isnt it its
    just like me more most my no not now of off on once only or other our out over own really
    said same say says she should so some still such than that thats the their them then
    there these they theyre this those through to too up us very was wasnt we were what when
    where which while who why will with wont would you your youre yeah also always never
    want wants wanted need needs think know feel feels felt things thing lot lots bit
    hai ke ki ka ko se mein main nahi hain tha thi aur bhi yeh woh kya""".split()
)
# Words young people use for one thing, made one term (after stemming).
SAME_THING = {
    "internet": "wifi",
    "wi": "wifi",
    "fi": "wifi",
    "broadband": "wifi",
    "data": "wifi",
    "allowance": "money",
    "cash": "money",
    "pocket": "money",
    "quid": "money",
    "sw": "socialwork",
    "social": "socialwork",
    "worker": "socialwork",
    "carer": "carer",
    "foster": "carer",
    "carers": "carer",
    "phone": "phone",
    "mobile": "phone",
    "mum": "family",
    "dad": "family",
    "brother": "family",
    "sister": "family",
    "sibling": "family",
    "nan": "family",
    "bus": "travel",
    "train": "travel",
    "fare": "travel",
    "transport": "travel",
    "home": "placement",
    "house": "placement",
    "placement": "placement",
    "school": "school",
    "college": "school",
    "teacher": "school",
    "job": "work",
    "apprenticeship": "work",
    "flat": "housing",
    "tenancy": "housing",
    "rent": "housing",
    "night": "night",
    "pm": "night",
    "evening": "night",
    "bedtime": "night",
    "homework": "schoolwork", "coursework": "schoolwork", "revision": "schoolwork",
    "revise": "schoolwork", "exam": "schoolwork",
    "damp": "damp", "mould": "damp", "mold": "damp",
    "fix": "repair", "repair": "repair", "mend": "repair",
}  # fmt: skip
# A time like 9pm or 10am: one term for every evening hour, one for every morning one.
_CLOCK = re.compile(r"\d{1,2}(pm|am)")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


def stem(word):
    """A crude stem that makes move, moves, moved and moving one term."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def terms(text):
    """The set of terms a message is compared on."""
    text = _PLACEHOLDER.sub(" ", unicodedata.normalize("NFKC", text or "").casefold())
    found = set()
    for word in _WORD.findall(text.replace("'", "")):
        if word in STOP or word.isdigit():
            continue
        if _CLOCK.fullmatch(word):
            word = "pm" if word.endswith("pm") else "am"
        found.add((SAME_THING.get(word) or SAME_THING.get(stem(word)) or stem(word))[:40])
    return sorted(found)[:MAX_TERMS]


def index(submission):
    """Keep the submission's terms in step with its shared version (none when it has none)."""
    if submission.id is None:
        db.session.flush()
    forget(submission)
    found = terms(submission.shared_text) if submission.shared_text else []
    if found:
        rows = [{"submission_id": submission.id, "term": term} for term in found]
        db.session.execute(insert(SimilarityTerm), rows)
        _count_up(Counter(found))


def index_new(submissions):
    """index() for many messages saved in this transaction, which have no terms yet (the
    demo's year of messages): one statement for all their terms and one for the counts."""
    rows = [
        {"submission_id": submission.id, "term": term}
        for submission in submissions
        for term in terms(submission.shared_text)
    ]
    if rows:
        db.session.execute(insert(SimilarityTerm), rows)
        _count_up(Counter(row["term"] for row in rows))


def forget(submission):
    had = db.session.scalars(
        select(SimilarityTerm.term).where(SimilarityTerm.submission_id == submission.id)
    ).all()
    if had:
        db.session.execute(
            update(SimilarityTermCount)
            .where(SimilarityTermCount.term.in_(had))
            .values(messages=SimilarityTermCount.messages - 1)
        )
        db.session.execute(
            delete(SimilarityTerm).where(SimilarityTerm.submission_id == submission.id)
        )
        # A term no message holds any more is a word from erased text: it goes too.
        db.session.execute(
            delete(SimilarityTermCount).where(
                SimilarityTermCount.term.in_(had), SimilarityTermCount.messages <= 0
            )
        )


def _count_up(found):
    """found: {term: how many more messages hold it}."""
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(SimilarityTermCount).values(
        [{"term": term, "messages": n} for term, n in sorted(found.items())]
    )
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["term"],
            set_={"messages": SimilarityTermCount.messages + statement.excluded.messages},
        )
    )


def similar_to(text, exclude_id=None, limit=5):
    """[(submission id, score)] of indexed messages most like `text`, best first."""
    mine = set(terms(text))
    if not mine:
        return []
    # How many messages rarity is counted over: the highest indexed id, read from the primary
    # key's index, stands in for the exact count, which would read every row on each look-up.
    total = db.session.scalar(select(func.max(SimilarityTerm.submission_id))) or 0
    df = _document_frequency(mine)
    useful = [t for t in mine if df.get(t, 0) <= max(COMMON * total, 20)]
    candidates = _candidates(useful, exclude_id)
    df.update(_document_frequency(set().union(*candidates.values()) - mine))

    weight = rarity(df, total)
    scored = [(other, cosine(mine, theirs, weight)) for other, theirs in candidates.items()]
    scored = [(other, score) for other, score in scored if score >= THRESHOLD]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0]))[:limit]


def _document_frequency(some_terms):
    if not some_terms:
        return {}
    return dict(
        db.session.execute(
            select(SimilarityTermCount.term, SimilarityTermCount.messages).where(
                SimilarityTermCount.term.in_(sorted(some_terms))
            )
        ).all()
    )


def _candidates(useful, exclude_id):
    """{submission id: its terms} for the messages sharing the most useful terms."""
    if not useful:
        return {}
    query = (
        select(SimilarityTerm.submission_id)
        .where(SimilarityTerm.term.in_(useful))
        .group_by(SimilarityTerm.submission_id)
        .order_by(func.count().desc(), SimilarityTerm.submission_id.desc())
        .limit(CANDIDATES)
    )
    if exclude_id is not None:
        query = query.where(SimilarityTerm.submission_id != exclude_id)
    found = {other: set() for other in db.session.scalars(query)}
    rows = select(SimilarityTerm.submission_id, SimilarityTerm.term).where(
        SimilarityTerm.submission_id.in_(list(found))
    )
    for other, term in db.session.execute(rows) if found else ():
        found[other].add(term)
    return found


def rarity(df, total):
    """A term's weight: higher the fewer messages have it (smoothed IDF)."""
    return lambda term: math.log((1 + total) / (1 + df.get(term, 0))) + 1


def cosine(mine, theirs, weight):
    """How alike two sets of terms are, from 0 to 1; 0 unless they share two terms or more,
    since one word in common (often the topic itself) says little about the point made."""
    common = mine & theirs
    if len(common) < 2:
        return 0.0
    both = sum(weight(t) ** 2 for t in common)
    norms = math.sqrt(sum(weight(t) ** 2 for t in mine) * sum(weight(t) ** 2 for t in theirs))
    return both / norms
