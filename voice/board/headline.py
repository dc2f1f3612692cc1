"""The five figures that open /board and the pack, each beside the period before.

Everything here is read from voice.board.summary.summary, already suppressed, so the headline
can never show a number the tables below it hide. The council's own performance (answered on
time, actions done) is shown whatever the count; what young people said (satisfied, something
changed) keeps its "fewer than N".
"""

from dataclasses import dataclass

from voice.board.suppress import Count
from voice.board.words import RATINGS
from voice.responses.models import RatingAnswer


@dataclass(frozen=True)
class Share:
    """`part` of `whole`, both already suppressed."""

    part: Count
    whole: Count

    def percent(self):
        """A whole percentage, only when both counts are shown: a share of a hidden count
        would give the count away."""
        if self.part.hidden or self.whole.hidden or not self.whole.value:
            return None
        return round(100 * self.part.value / self.whole.value)

    def words(self, threshold):
        if not self.whole.hidden and self.whole.value == 0:
            return "none yet"
        if self.whole.hidden:  # "fewer than 5 of fewer than 5" says nothing twice
            return f"too few to show ({self.whole.shown(threshold)})"
        part, whole = self.part.shown(threshold), self.whole.shown(threshold)
        percent = self.percent()
        return f"{percent}% ({part} of {whole})" if percent is not None else f"{part} of {whole}"


@dataclass(frozen=True)
class Headline:
    threshold: int
    messages: tuple  # (Count now, Count before)
    on_time: tuple  # (% now, % before): None when nothing was answered
    done: tuple  # (Share now, Share before) of actions promised
    satisfied: tuple  # (Share now, Share before) of answers rated
    changed: tuple | None = None  # (Share now, Share before) of "has anything changed?"

    def rows(self):
        """(what, now, before) in words, in the order the board reads them."""
        t = self.threshold

        def percent(value):
            return "none answered" if value is None else f"{value}%"

        rows = [
            ("Messages from young people", *(c.shown(t) for c in self.messages)),
            ("Answered within the target", *(percent(v) for v in self.on_time)),
            ("Actions done", *(s.words(t) for s in self.done)),
            ("Happy with the answer", *(s.words(t) for s in self.satisfied)),
        ]
        if self.changed is not None:
            rows.append(("Say something changed", *(s.words(t) for s in self.changed)))
        return rows


def line_of(table, label):
    return next(line for line in table.lines if line.label == label)


def from_summary(figures, changed=None):
    """The Headline of one summary() result; `changed` is the influence answers' (Share now,
    Share before) once they are counted."""
    actions, ratings = figures["actions"], figures["ratings"]["overall"]
    done = line_of(actions, "Done")
    yes = ratings.lines[list(RATINGS).index(RatingAnswer.YES)]
    return Headline(
        threshold=figures["threshold"],
        messages=(figures["total"].now, figures["total"].before),
        on_time=tuple(figures["timing"].within),
        done=tuple(Share(getattr(done, w), getattr(actions.total, w)) for w in ("now", "before")),
        satisfied=tuple(
            Share(getattr(yes, w), getattr(ratings.total, w)) for w in ("now", "before")
        ),
        changed=changed,
    )
