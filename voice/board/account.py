"""The plain-English account of a period that Voice drafts for the board, from the suppressed
figures alone (never a young person's words), for a worker to edit and approve.

The same figures always give the same sentences: no outside service, nothing random. Each
sentence is short and uses everyday words, so the account reads at about age 12 or below
(tests/test_story_drafting.py measures it with textstat over many random sets of figures).
"""

from dataclasses import dataclass

from voice.board import headline as headlines
from voice.board import words
from voice.board.suppress import Count

DECIDED = ("do", "part", "cannot", "answer")  # not "looking into it": nothing decided yet
TOPICS_NAMED = 3  # the biggest topics a reader can hold in mind in one sentence


@dataclass(frozen=True)
class Topic:
    name: str
    now: Count
    before: Count


@dataclass(frozen=True)
class Story:
    """What the account is drafted from: suppressed figures and the periods' names."""

    now_label: str
    before_label: str
    headline: headlines.Headline
    topics: tuple  # Topic, biggest first: only those shown (at or above the threshold)
    small_topics: int  # how many more topics had fewer than the threshold each
    target_days: int
    waiting_late: Count  # messages waiting past their due date now: the council's, shown
    actions_late: Count  # actions overdue now: the council's, shown
    outcomes: dict  # {"do" | "part" | "cannot" | "answer": Count now}: what was decided


def from_summary(figures, target_days, changed=None):
    raised = figures["most_raised"] or {"named": [], "small": 0}
    return Story(
        now_label=figures["period"].label,
        before_label=figures["before"].label,
        headline=headlines.from_summary(figures, changed),
        topics=tuple(Topic(line.label, line.now, line.before) for line in raised["named"]),
        small_topics=raised["small"],
        target_days=target_days,
        waiting_late=figures["timing"].overdue.now,
        actions_late=figures["overdue"].now,
        outcomes={
            decision.value: line.now
            for decision, line in zip(words.DECISIONS, figures["outcomes"].lines)
            if decision is not None and decision.value in DECIDED
        },
    )


def _count(count, t):
    return count.shown(t)


def messages(story):
    t = story.headline.threshold
    now, before = story.headline.messages
    if now.hidden and now.why != "small":
        first = f"We do not show how many messages came in {story.now_label}."
    else:
        first = f"Young people sent {_count(now, t)} messages in {story.now_label}."
    return [first, f"In {story.before_label} they sent {_count(before, t)}."]


def movement(topic, t):
    if topic.before.hidden:
        return f"{topic.name} had {_count(topic.before, t)} the time before."
    if topic.now.value > topic.before.value:
        return f"{topic.name} went up from {topic.before.value}."
    if topic.now.value < topic.before.value:
        return f"{topic.name} went down from {topic.before.value}."
    return f"{topic.name} stayed the same."


def _listed(names):
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def topics(story):
    t = story.headline.threshold
    named = story.topics[:TOPICS_NAMED]
    if not named:
        lines = [f"No topic came up {t} times or more, so we name none."]
    else:
        listed = _listed([f"{topic.name} ({topic.now.value})" for topic in named])
        word = "topic was" if len(named) == 1 else "topics were"
        lines = [f"The biggest {word} {listed}."]
        lines += [movement(topic, t) for topic in named]
    bigger = len(story.topics) - len(named)
    if bigger:
        lines.append(f"{bigger} other {_plural(bigger, 'topic')} came up {t} times or more.")
    if story.small_topics:
        n = story.small_topics
        lines.append(f"{n} other {_plural(n, 'topic')} came up fewer than {t} times each.")
    return lines


def _plural(n, word):
    return word if n == 1 else word + "s"


def answers(story):
    now, before = story.headline.on_time
    if now is None:
        lines = [f"No message was answered in {story.now_label}."]
    else:
        lines = [f"{now}% of answers came within {story.target_days} working days."]
        if before is not None:
            lines.append(f"In {story.before_label} it was {before}%.")
    late = story.waiting_late.value
    if late:
        lines.append(f"{late} {_plural(late, 'message')} still wait past the due date.")
    else:
        lines.append("No message is waiting past its due date.")
    return lines


def actions(story):
    done = story.headline.done[0]
    promised = done.whole.value
    if not promised:
        return ["The council did not promise any new actions."]
    late = story.actions_late.value
    return [
        f"The council said it would take {promised} {_plural(promised, 'action')}.",
        f"{done.part.value} {'is' if done.part.value == 1 else 'are'} done so far.",
        f"{late} {'is' if late == 1 else 'are'} late." if late else "None of them are late.",
    ]


def views(story):
    t = story.headline.threshold
    rated = story.headline.satisfied[0]
    if rated.whole.hidden:
        lines = [f"Fewer than {t} answers got a rating, so we say no more."]
    elif not rated.whole.value:
        lines = ["No young person has rated an answer yet."]
    else:
        lines = [f"Young people rated {rated.whole.value} answers."]
        lines.append(f"They said {_count(rated.part, t)} of them fully answered what they asked.")
    if story.headline.changed is not None:
        lines += changed(story.headline.changed[0], t)
    return lines


def changed(share, t):
    if share.whole.hidden:
        return [f"Fewer than {t} young people told us if things changed."]
    if not share.whole.value:
        return ["No young person has told us yet if things changed."]
    asked = f"We asked {share.whole.value} young people if things changed."
    if share.part.hidden:
        return [asked, "We do not say how many said yes, so no one can be picked out."]
    return [asked, f"{share.part.value} said yes, or a bit."]


def draft(story):
    """The account as paragraphs (a blank line between), headed by nothing: the page heads it."""
    paragraphs = [
        messages(story) + topics(story),
        answers(story),
        actions(story),
        views(story),
    ]
    return "\n\n".join(" ".join(lines) for lines in paragraphs)
