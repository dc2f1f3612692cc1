"""A quick first look for each phrase of the list: letters that any match must contain.

Python's regular expressions try a pattern at every letter of a message, so a list of
patterns on a long message is slow. Most patterns cannot match without some plain text
("hits", "knife", one of "cut" or "cutting"); looking for that text first with `in`, which
is fast, means the pattern itself runs only on the few messages that have it. The text is
worked out from each pattern's own parse, so it stays right when the list changes; a pattern
with no such text (rare) is always run.
"""

import re._constants as codes
import re._parser as parser

# Shorter text than this is in nearly every message and would not save any work.
_SHORTEST = 3


def _best(candidates):
    """Of several sets that each must be met, the one that rules out most: longest shortest."""
    candidates = [c for c in candidates if c and min(map(len, c)) >= _SHORTEST]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _needs(items):
    """A set of texts of which any match of this parsed sequence contains at least one."""
    candidates, run = [], []

    def close_run():
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, value in items:
        if op is codes.LITERAL:
            run.append(chr(value))
            continue
        close_run()
        if op is codes.SUBPATTERN:
            candidates.append(_needs(value[3]))
        elif op is codes.BRANCH:
            branches = [_needs(branch) for branch in value[1]]
            if all(branches):
                candidates.append(set().union(*branches))
        elif op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT) and value[0]:
            candidates.append(_needs(value[2]))
    close_run()
    return _best(candidates)


def needs(pattern: str) -> tuple[str, ...] | None:
    """Texts of which any match of `pattern` (on plain, lower-case text) has one, or None."""
    found = _needs(parser.parse(pattern))
    return tuple(sorted({part.casefold() for part in found})) if found else None


def may_match(gate, text):
    return gate is None or any(part in text for part in gate)
