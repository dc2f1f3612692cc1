"""A quick first look for each phrase of the list: letters that any match must contain.

Python's regular expressions try a pattern at every letter of a message, so a list of
patterns on a long message is slow. Most patterns cannot match without some plain text
("hits", "knife", one of "cut" or "cutting"); looking for that text first with `in`, which
is fast, means the pattern itself runs only on the few messages that have it. The text is
worked out from each pattern's own parse, so it stays right when the list changes; a pattern
with no such text (rare) is always run.
"""

try:  # Python's own pattern parser: private, so a later Python may move it
    import re._compiler as compiler
    import re._constants as codes
    import re._parser as parser
except ImportError:  # then every phrase is simply tried on every message: the same verdicts
    compiler = codes = parser = None

# Shorter text than this is in nearly every message and would not save any work.
_SHORTEST = 3


def _usable(candidates):
    return [c for c in candidates if c and min(map(len, c)) >= _SHORTEST]


def _best(candidates):
    """Of several sets that each must be met, the one that rules out most: longest shortest."""
    candidates = _usable(candidates)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _needs(items):
    """Sets of texts, each of which any match of this parsed sequence meets (contains at
    least one text of the set)."""
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
            candidates += _needs(value[3])
        elif op is codes.BRANCH:
            branches = [_best(_needs(branch)) for branch in value[1]]
            if all(branches):
                candidates.append(set().union(*branches))
        elif op in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT) and value[0]:
            candidates += _needs(value[2])
    close_run()
    return _usable(candidates)


def _ordered(candidates):
    found = [tuple(sorted({part.casefold() for part in c})) for c in candidates]
    found.sort(key=lambda c: (-min(map(len, c)), len(c)))
    return tuple(found) or None


def needs(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """Sets of texts, each of which any match of `pattern` (on plain, lower-case text) has
    one of, the surest to rule a message out first; None when there are none (or when
    Python's parser cannot be asked: then the pattern is always tried)."""
    try:
        return _ordered(_needs(parser.parse(pattern)))
    except (AttributeError, TypeError, ValueError):
        return None


def needs_one_of(pattern: str) -> tuple[tuple[tuple[str, ...], ...], ...] | None:
    """For a pattern that is a choice ("a|b|c"), what each choice needs (as `needs` gives
    it): a match is one of the choices, so it has all that one of them needs. That rules out
    more than `needs`, which can only ask for a text of any choice ("feel" for "dont feel
    safe|feel unsafe"). None for a pattern that is not a choice, or has a choice that needs
    nothing."""
    try:
        return _choices(parser.parse(pattern))
    except (AttributeError, TypeError, ValueError):
        return None


def _choices(items):
    while len(items) == 1 and items[0][0] is codes.SUBPATTERN and not any(items[0][1][1:3]):
        items = items[0][1][3]
    if len(items) != 1 or items[0][0] is not codes.BRANCH:
        return None
    choices = tuple(_ordered(_needs(choice)) for choice in items[0][1][1])
    return None if None in choices else choices


def may_match_one(choices, text, seen):
    """Whether `text` has all that one of the choices needs (`needs_one_of`; a pattern that
    is no choice is given as the one choice of `needs`)."""
    for gate in choices:
        if may_match(gate, text, seen):
            return True
    return False


def may_match(gate, text, seen):
    """Whether `text` has a text of each of the gate's sets; `seen` remembers, for one
    message, which texts were looked for and found, as several phrases share them."""
    if gate is None:
        return True
    for texts in gate:
        for part in texts:
            found = seen.get(part)
            if found is None:
                found = seen[part] = part in text
            if found:
                break
        else:
            return False
    return True


def starts_with_letters(pattern: str) -> bool:
    """Whether Python's regular expressions can skip straight to where a match of `pattern`
    may start (it begins with given letters, or with one of a set of letters), rather than
    trying it at every letter of a message. Asks the compiler as it decides this itself; if
    it ever cannot tell, says yes, so the pattern is looked for in the usual way."""
    try:
        parsed = parser.parse(pattern)
        prefix = compiler._get_literal_prefix(parsed, 0)[0]
        return bool(prefix) or compiler._get_charset_prefix(parsed, 0) is not None
    except (AttributeError, TypeError, ValueError):
        return True
