"""Drafting, saving and approving the story of a period. Plain functions taking `by=`; the
route commits. Every version is kept; every save and approval is in the audit log."""

from flask import current_app
from flask_babel import force_locale
from sqlalchemy import select

from voice.audit import services as audit
from voice.board import account, suppress
from voice.board.headline import Share
from voice.board.summary import pooled_sum, summary, threshold
from voice.clock import utcnow
from voice.digests import drafting, groups
from voice.digests.models import DIGESTS, Kind, StoryVersion, paragraphs
from voice.digests.words import period_words
from voice.errors import Refused
from voice.extensions import db
from voice.influence import figures as influence
from voice.influence.models import Changed

LONGEST = 6000  # characters: a page or two, not a report


class StoryRefused(Refused, ValueError):
    """The words cannot be saved as they are; the message says why."""


def story_of(period, today, figures=None, kind=Kind.BOARD):
    """The facts an account is drafted from: the board's suppressed figures for the period
    (`figures`, when the page has them already), or for a group's digest the same figures
    of that group's messages only (voice.digests.groups)."""
    target = int(current_app.config["RESPONSE_TARGET_DAYS"])
    if kind in DIGESTS:
        scope = groups.GroupScope(period, kind)
        figures = summary(period, today, scope=scope)
        return account.from_summary(figures, target, changed_counts(period, kind))
    figures = figures if figures is not None else summary(period, today)
    return account.from_summary(figures, target, changed_counts(period))


def for_board(period, today, figures):
    """What /board and the pack open with: the headline, and the approved account or, until
    a worker approves one, Voice's draft (marked as a draft)."""
    story = story_of(period, today, figures)
    version = approved(Kind.BOARD, period)
    text = version.text if version is not None else account.draft(story)
    return {"headline": story.headline, "version": version, "paragraphs": paragraphs(text)}


def changed_counts(period, kind=None):
    """Young people's answers to "has anything changed because of what you said?" as
    (Share now, Share before) of "yes" or "a bit" among all answers. Figures about young
    people: each hidden under the threshold, and the two parts checked against their total
    so "changed" beside "all" never gives a small "not changed" away."""
    condition = groups.condition(kind) if kind in DIGESTS else None
    return tuple(
        _changed_share(found)
        for found in (
            influence.counts(period, condition=condition),
            influence.counts_before(period, condition=condition),
        )
    )


def _changed_share(found):
    said = pooled_sum(found[answer] for answer in (Changed.YES, Changed.A_BIT))
    rest = pooled_sum(found[answer] for answer in (Changed.NOT_YET, Changed.DONT_KNOW))
    total = pooled_sum([said, rest])
    cells, whole = suppress.group({"changed": said, "rest": rest}, total, threshold())
    return Share(cells["changed"], whole)


def voice_draft(kind, period, today):
    """Voice's own draft from today's figures: (English, Urdu or "")."""
    story = story_of(period, today, kind=kind)
    if kind == Kind.BOARD:
        return account.draft(story), ""
    with force_locale("en"):
        english = drafting.draft(story)
    with force_locale("ur"):
        urdu = drafting.draft(story)
    return english, urdu


def _of_period(kind, period):
    return (
        StoryVersion.kind == kind,
        StoryVersion.period_start == period.start,
        StoryVersion.period_end == period.end,
    )


def versions(kind, period):
    """Every saved version, newest first."""
    query = select(StoryVersion).where(*_of_period(kind, period))
    return db.session.scalars(query.order_by(StoryVersion.number.desc())).all()


def approved(kind, period):
    """The newest approved version, which is what the board or young people read."""
    query = select(StoryVersion).where(
        *_of_period(kind, period), StoryVersion.approved_at.is_not(None)
    )
    return db.session.scalars(query.order_by(StoryVersion.number.desc()).limit(1)).first()


def latest_digest(kind):
    """The group's newest approved digest of any period, for "You said, we did"."""
    query = (
        select(StoryVersion)
        .where(StoryVersion.kind == kind, StoryVersion.approved_at.is_not(None))
        .order_by(StoryVersion.period_end.desc(), StoryVersion.number.desc())
        .limit(1)
    )
    return db.session.scalars(query).first()


def on_the_page():
    """What "You said, we did" shows: each group's newest approved digest, with its period
    in the reader's words (a group with none approved: nothing)."""
    found = (latest_digest(kind) for kind in DIGESTS)
    return {"digests": [(digest, period_words(digest)) for digest in found if digest]}


def shown_digest(version_id):
    """An approved digest version by its id, or None: drafts are never public."""
    version = db.session.get(StoryVersion, version_id)
    if version is None or version.kind == Kind.BOARD or not version.approved:
        return None
    return version


def _checked(text, name):
    text = (text or "").strip()
    if not text:
        raise StoryRefused(
            f"The {name} is empty. Write the account, or start again from Voice's draft."
        )
    if len(text) > LONGEST:
        raise StoryRefused(f"The {name} is too long: keep it under {LONGEST:,} characters.")
    return text


def save(kind, period, text, text_ur="", *, by, approve=False):
    """Keep the words as a new version (unless they are the newest version's, unchanged),
    and approve it if asked. Returns (the version, whether the words changed)."""
    text = _checked(text, "account")
    text_ur = _checked(text_ur, "Urdu") if kind in DIGESTS else ""
    found = versions(kind, period)
    newest = found[0] if found else None
    changed = True
    if newest is None or (newest.text, newest.text_ur) != (text, text_ur):
        newest = StoryVersion(
            kind=kind,
            period_start=period.start,
            period_end=period.end,
            period_label=period.label,
            number=(newest.number + 1) if newest else 1,
            text=text,
            text_ur=text_ur,
            written_by_id=by.id,
        )
        db.session.add(newest)
        db.session.flush()
        audit.record("story_saved", by=by, detail=_detail(newest))
    else:
        changed = False
    if approve and not newest.approved:
        newest.approved_at, newest.approved_by_id = utcnow(), by.id
        db.session.flush()
        audit.record("story_approved", by=by, detail=_detail(newest))
    return newest, changed


WHAT = {
    Kind.BOARD: "board account",
    Kind.CICC: "Children in Care Council's digest",
    Kind.FORUM: "Care Leavers' Forum's digest",
    Kind.DIGEST: "young people's digest",
}


def _detail(version):
    return f"{WHAT[version.kind]} for {version.period_label}, version {version.number}"
