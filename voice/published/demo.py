"""Demo "You said, we did": the demo worker publishes answered, consented demo messages with
a summary in plain words, and other young people have said "me too". Needs released demo
responses (voice/responses' demo); with none, it publishes nothing. Safe to run again."""

import hashlib
import random
from datetime import timedelta

from voice.clock import utcnow
from voice.extensions import db
from voice.published import services
from voice.published.models import MeToo
from voice.responses import services as answering
from voice.responses.models import ActionStatus, Decision

HOW_MANY = 26
# What the council did, for the demo messages in voice/submissions/demo.py (keyed by their
# first words), written for the demo; used when the answer was "we'll do it" or "part".
DID = {
    "The wifi at my placement": "We asked every placement to keep the Wi-Fi on until at "
    "least 10pm on school nights. The council agreed it for all.",
    "I have moved 4 times": "Social workers now have to talk to you before any move, and "
    "we're finding more carers nearby so fewer young people move.",
    "New foster carers should": "Young people on the Children in Care Council wrote a "
    "welcome pack for new carers. Every new carer gets one.",
    "My teachers keep asking": "The Virtual School reminded every school: talk about care "
    "only in private, and only if the young person wants to.",
    "Can I get a tutor": "Young people in care can ask for a tutor before exams. The "
    "Virtual School pays for it. Ask at your next PEP meeting.",
    "A homework club": "A homework club with snacks started at the central library on "
    "Wednesdays, for young people in care.",
    "My PEP meeting was moved": "Schools now have to tell you why a PEP meeting moves and "
    "give you the new date within a week.",
    "I want to choose if my carer": "You can choose who comes with you to the doctor. "
    "Carers and nurses have been told.",
    "A leaflet about health checks": "Young people wrote the new health check leaflet "
    "with the nurses.",
    "I only see my little brother": "Brothers and sisters can now ask for contact every "
    "two weeks, and social workers must say why if not.",
    "Video calls with brothers": "Video calls between visits are now part of contact plans "
    "if you want them.",
    "Contact got cancelled": "There are two more drivers for contact, so visits are not "
    "cancelled for lack of one.",
    "I've had 5 social workers": "New social workers now meet you with your old one first, "
    "so you don't have to start your story again.",
    "My social worker never calls": "Social workers now reply to messages within two "
    "working days. Managers check this every month.",
    "Teach us about bank accounts": "Money lessons for 15 to 18 year olds have started, run "
    "by care leavers and the credit union.",
    "A starter pack for your first": "Every care leaver moving into their own place now gets "
    "a starter pack: pans, bedding and a kettle.",
    "Work experience at the council": "The council offers ten work experience places a "
    "year for young people in care.",
    "I need help paying for my bus": "Care leavers at college or training get a free bus "
    "pass. Your PA can order it.",
    "Can the council pay for my football": "Clubs and hobbies up to £20 a month can be "
    "paid for. Ask your social worker.",
    "Free gym passes": "Care leavers up to 25 now get in free at council gyms and pools.",
    "Young people should help interview": "Young people now sit on the interview panel for "
    "new social workers.",
    "My whole school found out": "Letters to schools now go to one named teacher only, in "
    "a sealed envelope.",
    "I need permission for a haircut": "Carers can now say yes to haircuts and sleepovers "
    "themselves. No forms.",
    "Birthday cards from the council": "The council now sends birthday and Christmas cards "
    "to care leavers up to 25.",
}
OTHERWISE = {
    Decision.DO: "The council agreed to this. The team wrote back with the details.",
    Decision.PART: "The council is doing part of this, and explained which part and why.",
    Decision.CANNOT: "The council looked at this carefully but can't change it. The team "
    "explained why, and what help there is instead.",
    Decision.ANSWER: "The team answered the question, and said who to ask for more help.",
    Decision.LOOKING_INTO: "The team is finding out more before deciding, and said when "
    "the full answer will come.",
}
# A summary may say what the council did (DID) only once every action it promised is done.
UNDER_WAY = {
    Decision.DO: "The council agreed to this and work has started. It isn't finished yet.",
    Decision.PART: "The council is doing part of this, and explained which part and why. "
    "Work has started but isn't finished yet.",
}
NOT_GOING_AHEAD = (
    "The council said yes, but {what} can't go ahead after all. The team "
    "explained why, and what happens instead."
)


def summary_for(submission, response):
    """The worker's summary: never one that says something happened when an action behind it
    is not done, or not going ahead."""
    statuses = {action.status for action in response.actions}
    if ActionStatus.NOT_GOING_AHEAD in statuses:
        return NOT_GOING_AHEAD.format(
            what="it" if statuses == {ActionStatus.NOT_GOING_AHEAD} else "part of it"
        )
    if response.decision in UNDER_WAY and statuses - {ActionStatus.DONE}:
        return UNDER_WAY[response.decision]
    if response.decision in (Decision.DO, Decision.PART):
        for start, did in DID.items():
            if (submission.shared_text or "").startswith(start):
                return did
    return OTHERWISE[response.decision]


def load_demo_publications(worker):
    """Publish up to HOW_MANY that may be; returns how many are published now."""
    rows, _ = services.publishable()
    published = []
    for submission, publication in rows[:HOW_MANY]:
        response = answering.released(submission)
        if publication is not None:
            # An action may have moved since the last run: the summary follows it.
            publication.summary = summary_for(submission, response)
            continue
        publication = services.publish(submission, worker, summary_for(submission, response))
        published.append((submission, publication, response))
    # Dated back, with their "me too"s, once all are published: publish() flushes, so done
    # in the loop above these would be saved one publication at a time.
    for submission, publication, response in published:
        publication.published_at = response.released_at or utcnow()
        _me_toos(submission, publication.published_at)
    db.session.flush()
    return min(len(rows), HOW_MANY)


def _me_toos(submission, since):
    """Some young people said "me too", on days after it went up."""
    rng = random.Random(f"voice-demo-me-too-{submission.id}")
    days = max((utcnow() - since).days, 1)
    for number in range(rng.choice([0, 1, 2, 3, 5, 8, 13, 21])):
        digest = hashlib.sha256(f"demo-{submission.id}-{number}".encode()).hexdigest()
        at = since + timedelta(days=rng.randint(0, days), hours=rng.randint(0, 23))
        db.session.add(
            MeToo(submission_id=submission.id, browser_hash=digest, at=min(at, utcnow()))
        )
