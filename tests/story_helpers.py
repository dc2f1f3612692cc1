"""Random sets of the board's suppressed figures, for testing the drafted accounts
(tests/test_story_drafting.py): every shape the figures can take, hidden or shown."""

from hypothesis import strategies as st

from voice.board.account import Story, Topic
from voice.board.headline import Headline, Share
from voice.board.suppress import POOLED, SECONDARY, SMALL, Count

T = 5
OUTCOMES = ("do", "part", "cannot", "answer")
TOPIC_NAMES = (
    "Where I live",
    "School and learning",
    "Health and feelings",
    "Family and friends",
    "My social worker",
    "Money",
    "Leaving care and housing",
    "Jobs and training",
    "Hobbies and culture",
    "Feeling safe",
)
LABELS = (
    ("July to September 2026", "April to June 2026"),
    ("October to December 2026 (so far)", "July to September 2026"),
    ("2025", "2024"),
    ("October 2025 to September 2026", "October 2024 to September 2025"),
)


@st.composite
def young_count(draw, low=0, high=400):
    """A count about young people: hidden when small, and sometimes hidden for another's
    sake (secondary) or because one of its quarters was small (pooled)."""
    value = draw(st.integers(low, high))
    if value < T:
        return Count(value, SMALL)
    return Count(value, draw(st.sampled_from((None, None, None, SECONDARY, POOLED))))


@st.composite
def council_count(draw, high=400):
    return Count(draw(st.integers(0, high)))


@st.composite
def share(draw, young=True):
    whole = draw(young_count() if young else council_count())
    part = draw(st.integers(0, whole.value))
    if young:
        part = Count(part, SMALL if part < T else draw(st.sampled_from((None, SECONDARY))))
    else:
        part = Count(part)
    return Share(part, whole)


@st.composite
def topic(draw, name):
    now = draw(young_count(low=T))
    now = Count(now.value)  # only topics shown are named
    return Topic(name, now, draw(young_count()))


@st.composite
def story(draw, with_changed=None):
    now_label, before_label = draw(st.sampled_from(LABELS))
    names = draw(st.lists(st.sampled_from(TOPIC_NAMES), unique=True, max_size=len(TOPIC_NAMES)))
    topics = sorted((draw(topic(name)) for name in names), key=lambda t: -t.now.value)
    percent = st.one_of(st.none(), st.integers(0, 100))
    changed = draw(st.booleans()) if with_changed is None else with_changed
    headline = Headline(
        threshold=T,
        messages=(draw(young_count()), draw(young_count())),
        on_time=(draw(percent), draw(percent)),
        done=(draw(share(young=False)), draw(share(young=False))),
        satisfied=(draw(share()), draw(share())),
        changed=(draw(share()), draw(share())) if changed else None,
    )
    return Story(
        now_label=now_label,
        before_label=before_label,
        headline=headline,
        topics=tuple(topics),
        small_topics=draw(st.integers(0, 10 - len(topics))),
        target_days=draw(st.sampled_from((10, 15, 20))),
        waiting_late=draw(council_count(high=60)),
        actions_late=draw(council_count(high=60)),
        outcomes=draw(st.dictionaries(st.sampled_from(OUTCOMES), young_count())),
    )
