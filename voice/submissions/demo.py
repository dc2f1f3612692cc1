"""Demo submissions: a believable year of what young people send, for the staff and board
pages to show. Deterministic (a fixed seed), and idempotent (each has a `demo-` form token)."""

import random
from datetime import timedelta

from sqlalchemy import func, insert, select

from voice.audit.models import AuditEvent
from voice.clock import utcnow
from voice.extensions import db
from voice.moderation import similar
from voice.safeguarding.models import SafeguardingAction, SafeguardingRecord
from voice.submissions import codes, life_cycle
from voice.submissions.models import (
    AgeBand,
    Audience,
    CareStatus,
    DeclineReason,
    Kind,
    ReplyBy,
    Status,
    StatusChange,
    Submission,
)
from voice.themes.models import Theme

HOW_MANY = 180
DEMO_TOKEN = "demo-"

# Written for the demo in the voice of young people; none is from a real person.
MESSAGES = {
    "home": [
        (Kind.VIEW, "The wifi at my placement goes off at 9pm and I can't finish my homework."),
        (
            Kind.QUESTION,
            "Why do I have to ask permission to stay at my friend's house when my mates don't?",
        ),
        (Kind.VIEW, "I have moved 4 times in 2 years. Every time I have to start again."),
        (Kind.IDEA, "New foster carers should get a welcome pack about what young people like."),
    ],
    "school": [
        (
            Kind.VIEW,
            "My teachers keep asking about my care in front of the class. It's embarrassing.",
        ),
        (Kind.QUESTION, "Can I get a tutor for maths before my GCSEs?"),
        (Kind.IDEA, "A homework club just for young people in care, with snacks."),
        (Kind.VIEW, "My PEP meeting was moved 3 times and nobody told me why."),
    ],
    "health": [
        (Kind.QUESTION, "How long is the waiting list for CAMHS? I've been waiting 8 months."),
        (Kind.VIEW, "I want to choose if my carer comes to the doctor with me."),
        (Kind.IDEA, "A leaflet about health checks written by young people."),
    ],
    "family": [
        (Kind.VIEW, "I only see my little brother once a month and it's not enough."),
        (
            Kind.QUESTION,
            "Why can't contact with my nan happen at her house instead of a contact centre?",
        ),
        (Kind.IDEA, "Video calls with brothers and sisters in between visits."),
        (Kind.VIEW, "Contact got cancelled again because there was no driver."),
    ],
    "social-worker": [
        (Kind.VIEW, "I've had 5 social workers this year. I stopped telling them things."),
        (Kind.QUESTION, "Can my new social worker meet me with my old one first?"),
        (Kind.VIEW, "My social worker never calls back when I leave a message."),
    ],
    "money": [
        (
            Kind.QUESTION,
            "How much pocket money should I get at 15? My friend in another placement gets more.",
        ),
        (Kind.QUESTION, "What happens to my savings when I turn 18?"),
        (Kind.IDEA, "Teach us about bank accounts and budgets before we leave care."),
    ],
    "leaving-care": [
        (Kind.VIEW, "The flat I was offered was damp and far from college."),
        (Kind.QUESTION, "Can I stay with my foster carers after I'm 18?"),
        (Kind.IDEA, "A starter pack for your first flat: pans, bedding, a kettle."),
        (Kind.VIEW, "My PA is great but I only see her every 8 weeks."),
    ],
    "jobs": [
        (Kind.QUESTION, "Does the council do apprenticeships for care leavers?"),
        (Kind.IDEA, "Work experience at the council for young people in care."),
        (Kind.VIEW, "I need help paying for my bus pass to get to my course."),
    ],
    "hobbies": [
        (Kind.QUESTION, "Can the council pay for my football club? It's £15 a month."),
        (Kind.IDEA, "Free gym passes for care leavers."),
        (Kind.VIEW, "I had to stop dance when I moved placement."),
    ],
    "safety": [
        (Kind.VIEW, "The bus stop near my placement has no light and I walk home in the dark."),
        (Kind.IDEA, "Lessons about staying safe online that aren't boring."),
    ],
    "having-a-say": [
        (Kind.VIEW, "Nobody asked me before they changed my care plan."),
        (Kind.IDEA, "Young people should help interview new social workers."),
        (Kind.QUESTION, "How do I join the Children in Care Council?"),
    ],
    "privacy": [
        (Kind.VIEW, "My whole school found out I'm in care because of a letter."),
        (Kind.QUESTION, "Who can read my file? Can I read it?"),
    ],
    "fairness": [
        (Kind.VIEW, "I can't go on the school trip abroad because of the forms. Others can."),
        (Kind.VIEW, "I need permission for a haircut. Nobody else does."),
    ],
    "something-else": [
        (Kind.IDEA, "Birthday cards from the council would be nice, even after 18."),
        (Kind.QUESTION, "Can we get tickets to the football like the motion said?"),
    ],
}
# Held for the safeguarding lead; never shown to officers or the board.
WORRYING = "I don't feel safe at home, he hits me when I'm late back."

FIRST_NAMES = ["Jay", "Mia", "Kai", "Ruby", "Leo", "Amira", "Tyler", "Chloe", "Zain", "Ellie"]


def holds_real_submissions():
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Submission)
            .where(~Submission.form_token.startswith(DEMO_TOKEN))
        )
        > 0
    )


def load_demo_submissions(key, worker=None, officer=None, areas=(), lead=None):
    """Add the demo submissions that are missing, moved along their life cycle as a real year
    would have them (by the demo worker, to the demo officer). Returns codes to try.
    Each is made as it ends up, so all are saved in one go; their history follows
    (write_history) once they have ids."""
    themes = {t.slug: t for t in db.session.scalars(select(Theme))}
    existing = set(
        db.session.scalars(
            select(Submission.form_token).where(Submission.form_token.startswith(DEMO_TOKEN))
        )
    )
    now, sample_codes, shared = utcnow(), [], []
    for number in range(HOW_MANY):
        rng = random.Random(f"voice-demo-{number}")  # one per row: the same row every run
        code = "".join(rng.choice(codes.ALPHABET) for _ in range(12))
        code = "-".join(code[i : i + 3] for i in range(0, 12, 3))
        token = f"{DEMO_TOKEN}{number:04d}"
        if number < 3:
            sample_codes.append(code)
        if token in existing:
            continue
        sent_at = now - timedelta(days=rng.randint(0, 364), hours=rng.randint(0, 23))
        submission = _demo_submission(rng, number, token, code, key, sent_at, themes)
        db.session.add(submission)
        _move_along(submission, rng, number, worker, officer, areas, lead)
        if submission.shared_text:
            shared.append(submission)
    db.session.flush()
    similar.index_new(shared)
    write_history()
    return sample_codes


def _demo_submission(rng, number, token, code, key, sent_at, themes):
    slug = rng.choice(list(MESSAGES))
    kind, message = rng.choice(MESSAGES[slug])
    worrying = number % 60 == 59
    submission = Submission(
        code_hash=codes.code_hash(code, key),
        form_token=token,
        kind=kind,
        message=WORRYING if worrying else message,
        themes=[themes[slug]],
        audience=rng.choice(list(Audience)),
        name=rng.choice(FIRST_NAMES) if rng.random() < 0.4 else None,
        age_band=rng.choice([None, *AgeBand]),
        care_status=rng.choice([None, *CareStatus]),
        reply_by=ReplyBy.CODE if rng.random() < 0.8 else ReplyBy.WORKER,
        consent_publish=rng.random() < 0.5,
        consent_quote=rng.random() < 0.4,
        wants_advocate=rng.random() < 0.15,
        created_at=sent_at,
        due_on=life_cycle.due_date(sent_at.date()),
        safeguarding=worrying,
    )
    step_at(submission, Status.NEW, None, sent_at)
    return submission


def _move_along(submission, rng, number, worker, officer, areas, lead=None):
    """Walk it through the life cycle with past dates, leaving the audit trail a real one
    would have."""
    sent_at, age = submission.created_at, (utcnow() - submission.created_at).days
    read_at = sent_at + timedelta(days=rng.randint(1, 3), hours=rng.randint(1, 6))
    if submission.safeguarding:
        step_at(
            submission,
            Status.SAFEGUARDING,
            None,
            sent_at,
            "Signs of possible harm found when it was sent.",
        )
        if age >= 2 and lead is not None:  # the lead acts the same day
            handled = sent_at + timedelta(hours=3)
            submission.first_read_at = sent_at + timedelta(hours=1)
            _later(
                SafeguardingRecord,
                submission,
                by_id=lead.id,
                at=handled,
                action=SafeguardingAction.SOCIAL_WORKER,
                note="Social worker visited.",
            )
            audit_at("safeguarding_record", lead, submission, handled, "social_worker")
            step_at(submission, Status.CLOSED, lead, handled, "Closed by safeguarding.")
    elif number % 45 == 44:
        step_at(
            submission,
            Status.WITHDRAWN,
            None,
            sent_at + timedelta(days=1),
            "Taken back by the young person.",
        )
    elif age >= 5 and worker is not None:
        audit_at("read_original", worker, submission, read_at)
        submission.first_read_at = read_at
        if number % 25 == 24:
            submission.decline_reason = DeclineReason.CANNOT_ACT
            submission.decline_note = "This is decided by the government, not the council."
            step_at(submission, Status.DECLINED, worker, read_at, "cannot_act")
            return
        submission.shared_text = submission.message  # indexed for "similar" once saved
        submission.moderated_by_id, submission.moderated_at = worker.id, read_at
        step_at(submission, Status.MODERATED, worker, read_at)
        if age >= 10 and officer is not None and areas:
            area = areas[number % len(areas)]
            submission.service_area_id, submission.officer_id = area.id, officer.id
            submission.routed_at = read_at + timedelta(hours=1)
            step_at(
                submission,
                Status.WITH_OFFICER,
                worker,
                submission.routed_at,
                f"To {officer.display_name}, {area.name}",
            )
            audit_at("routing", worker, submission, submission.routed_at, area.name)


def step_at(submission, to, by, at, note=""):
    """A move of the life cycle on a past date, for the demos (transition() stamps now):
    recorded, and audited when staff made it, as transition() does."""
    _later(
        StatusChange,
        submission,
        from_status=submission.status,
        to_status=to,
        by_id=by.id if by else None,
        note=note,
        at=at,
    )
    if by is not None:
        audit_at("transition", by, submission, at, f"{submission.status.value} → {to.value}")
    submission.status = to


def audit_at(action, by, submission, at, detail=""):
    """An audit event on a past date, for the demos (audit.services.record stamps now); by
    None: the young person, who has no account."""
    _later(
        AuditEvent,
        submission,
        action=action,
        user_id=by.id if by else None,
        role=by.role.value if by else None,
        detail=detail,
        at=at,
    )


# A year of history is thousands of rows that nothing reads while the demo makes them: they
# wait here (with their message, which may have no id yet) and go in one statement a table.
HISTORY = "demo_history"


def _later(model, submission, **values):
    db.session.info.setdefault(HISTORY, []).append((model, submission, values))


def write_history():
    """Save the status changes, audit events and safeguarding records made since the last
    call, in the order they were made (so their ids are in that order too)."""
    waiting = db.session.info.pop(HISTORY, [])
    if not waiting:
        return
    db.session.flush()  # the messages' ids
    tables = {}
    for model, submission, values in waiting:
        tables.setdefault(model, []).append({**values, "submission_id": submission.id})
    for model, rows in tables.items():
        # NULLs written as such, so that every row of a table goes in the same statement
        db.session.execute(insert(model).execution_options(render_nulls=True), rows)
    for submission in {id(s): s for _model, s, _values in waiting}.values():
        db.session.expire(submission, ["changes"])  # read again with what was just added
