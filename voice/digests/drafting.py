"""The period's story in young people's words: what you told us, what the council decided,
what changed. Drafted from the same suppressed figures as the board's account
(voice.board.account.Story), in the language in force: call it inside
flask_babel.force_locale("ur") for the Urdu. Every sentence is a catalogue entry, so the Urdu
is a translator's, not a machine's. Short sentences, everyday words: about age 11 or below.
"""

from flask_babel import gettext, ngettext

from voice.i18n import translated

TOPICS_NAMED = 3


def count_words(count, t):
    """A young people's count as a young person reads it: the number, or words that hide it."""
    if not count.hidden:
        return str(count.value)
    if count.why == "small":
        return gettext("fewer than %(num)s", num=t)
    return gettext("some")


def about_part(share, t, sentence):
    """The sentence about a share's part of its whole, as a list of one, or none when the whole
    is hidden or nothing (a sentence about part of nothing, or of a hidden number, says nothing).
    sentence takes all= and yes=; it is a lambda so that the catalogue sees its literal words."""
    if share.whole.hidden or not share.whole.value:
        return []
    return [sentence(all=share.whole.value, yes=count_words(share.part, t))]


def listed(names):
    if len(names) == 1:
        return names[0]
    return gettext("%(some)s and %(last)s", some=gettext(", ").join(names[:-1]), last=names[-1])


def told_us(story):
    t, now = story.headline.threshold, story.headline.messages[0]
    if not now.hidden:
        lines = [
            ngettext("You sent us %(num)s message.", "You sent us %(num)s messages.", now.value)
        ]
    elif now.why == "small":
        lines = [gettext("You sent us fewer than %(num)s messages.", num=t)]
    else:
        lines = [gettext("We can't show how many messages you sent. This keeps you safe.")]
    named = [translated(topic.name) for topic in story.topics[:TOPICS_NAMED]]
    if named:
        lines.append(gettext("Most were about %(topics)s.", topics=listed(named)))
    lines += about_part(
        story.headline.satisfied[0],
        t,
        lambda **said: gettext(
            "You rated %(all)s of our answers. You said %(yes)s of them answered you fully.", **said
        ),
    )
    return lines


# One sentence per outcome the council gave, in the board's order; an outcome with no count
# (none, or hidden to keep someone safe) has no sentence.
OUTCOME_SENTENCES = (
    (
        "do",
        lambda n: ngettext(
            "The council said yes to %(num)s thing.", "The council said yes to %(num)s things.", n
        ),
    ),
    (
        "part",
        lambda n: ngettext(
            "It said yes to part of %(num)s thing.", "It said yes to part of %(num)s things.", n
        ),
    ),
    (
        "cannot",
        lambda n: ngettext(
            "It said no to %(num)s thing, and told you why.",
            "It said no to %(num)s things, and told you why.",
            n,
        ),
    ),
    (
        "answer",
        lambda n: ngettext("It answered %(num)s question.", "It answered %(num)s questions.", n),
    ),
)


def decided(story):
    said = {key: count.value for key, count in story.outcomes.items() if not count.hidden}
    lines = [sentence(said[key]) for key, sentence in OUTCOME_SENTENCES if said.get(key)]
    if not lines:
        lines.append(gettext("There were too few answers to count them here."))
    on_time = story.headline.on_time[0]
    if on_time is not None:
        lines.append(gettext("%(num)s out of every 100 answers came on time.", num=on_time))
    return lines


def what_changed(story):
    t, done = story.headline.threshold, story.headline.done[0]
    promised, late = done.whole.value, story.actions_late.value
    if not promised:
        lines = [gettext("The council did not say it would do anything new.")]
    else:
        lines = [
            ngettext(
                "The council said it would do %(num)s thing.",
                "The council said it would do %(num)s things.",
                promised,
            ),
            ngettext("%(num)s is done.", "%(num)s are done.", done.part.value),
        ]
        if late:
            lines.append(
                ngettext(
                    "%(num)s is late. We are chasing it.",
                    "%(num)s are late. We are chasing them.",
                    late,
                )
            )
    if story.headline.changed is not None:
        lines += about_part(
            story.headline.changed[0],
            t,
            lambda **said: gettext(
                "We asked %(all)s of you if things changed. Of these, %(yes)s said yes, or a bit.",
                **said,
            ),
        )
    return lines


def draft(story):
    """Headings and paragraphs, a blank line between: a heading is a line with no full stop."""
    parts = [
        gettext("What you told us"),
        " ".join(told_us(story)),
        gettext("What the council decided"),
        " ".join(decided(story)),
        gettext("What changed"),
        " ".join(what_changed(story)),
    ]
    return "\n\n".join(parts)
