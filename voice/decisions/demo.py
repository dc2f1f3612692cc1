"""Demo council decisions, written for the demo in plain words (none is a real council's),
and one question a young person asked about one of them. Safe to run again."""

from datetime import date

from sqlalchemy import select

from voice.decisions import services
from voice.decisions.models import CouncilDecision
from voice.extensions import db
from voice.submissions import codes
from voice.submissions import life_cycle as submissions
from voice.submissions.models import Audience, Kind, ReplyBy
from voice.themes.models import Theme

DECISIONS = [
    (
        "More pocket money from April",
        date(2026, 2, 12),
        "The Corporate Parenting Board agreed to raise pocket money for every child in the "
        "council's care by £3 a week from 1 April 2026. The Children in Care Council will look "
        "at the amount with the board every year.",
        "If you are in care, you should get £3 more each week from April. Your carer or key "
        "worker gives it to you. If yours hasn't gone up, tell your social worker or send us a "
        "message on Voice.",
    ),
    (
        "Wi-Fi in every placement until 10pm",
        date(2026, 6, 18),
        "Every foster carer and children's home the council pays must let young people use the "
        "Wi-Fi until at least 10pm on school nights and 11pm at weekends. A young person's own "
        "plan can change this, but only if they helped write it.",
        "You should be able to get online for homework and to talk to your friends. If the "
        "Wi-Fi goes off earlier where you live, ask your carer why, or tell us.",
    ),
    (
        "No council tax for care leavers up to 25",
        date(2026, 9, 9),
        "Care leavers aged 18 to 25 who live in the borough will not pay council tax. The "
        "council pays it for them, from the day they move into their own place.",
        "If you have left care and you pay council tax, you don't have to until your 25th "
        "birthday. Your personal adviser (PA) can fill in the form with you. You only do it "
        "once.",
    ),
    (
        "Free swimming and gym for young people in care",
        date(2026, 10, 2),
        "Children in care and care leavers up to 25 get free entry to the council's leisure "
        "centres and pools. The council has also asked the local football club for match "
        "tickets for young people and their carers.",
        "Ask your social worker or PA for a leisure card. Show it at any council pool or gym "
        "and you get in free. We'll say here when football tickets are ready.",
    ),
    (
        "Birthday and Christmas cards after you leave care",
        date(2026, 11, 5),
        "The council will send a birthday card and a Christmas card to every young person who "
        "was in its care, until they are 25, if they want one.",
        "If you have left care, you'll get a card on your birthday and at Christmas. If you "
        "don't want them, or you've moved, tell your PA.",
    ),
]
QUESTION = (
    "Does the council tax one count if I share a flat with my partner who isn't a care leaver?"
)
QUESTION_TOKEN = "demo-decision-question-1"


def load_demo_decisions(worker):
    """Add the demo decisions that are missing, and the question asked about one."""
    have = set(db.session.scalars(select(CouncilDecision.title)))
    for title, decided_on, decided, means in DECISIONS:
        if title not in have:
            services.post(
                worker,
                title=title,
                decided_on=decided_on,
                what_was_decided=decided,
                what_it_means=means,
            )
    council_tax = db.session.scalar(
        select(CouncilDecision).where(CouncilDecision.title == DECISIONS[2][0])
    )
    money = db.session.scalar(select(Theme.id).where(Theme.slug == "money"))
    submissions.create_submission(
        {
            "kind": Kind.QUESTION,
            "theme_ids": [money] if money else [],
            "message": QUESTION,
            "audience": Audience.CARE_LEAVERS_FORUM,
            "reply_by": ReplyBy.CODE,
            "consent_publish": True,
            "consent_quote": False,
            "wants_advocate": False,
            "council_decision_id": council_tax.id,
        },
        QUESTION_TOKEN,
        codes.new_code(),
    )
    db.session.flush()
