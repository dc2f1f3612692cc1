"""bench/RESULTS.md is written by several scripts: each owns a section between
`<!-- NAME -->` and `<!-- /NAME -->` and replaces only that (bench/run.py keeps them all)."""

import os
import re

PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
SECTIONS = (
    "lighthouse",
    "analysis",
    "disclosure",
    "disclosure-training",
    "board17",
    "similar",
    "suite",
)


def write_section(name, body):
    """Put `body` (without the markers) in place of the section `name`, or at the end."""
    section = f"<!-- {name} -->\n{body.strip()}\n<!-- /{name} -->\n"
    old = open(PATH, encoding="utf-8").read() if os.path.exists(PATH) else ""
    pattern = re.compile(rf"<!-- {name} -->.*?<!-- /{name} -->\n", re.S)
    new = pattern.sub(lambda _: section, old) if pattern.search(old) else old + "\n" + section
    with open(PATH, "w", encoding="utf-8") as f:
        f.write(new)
    return section


def kept_sections(text):
    """Every script-owned section in `text`, for bench/run.py to carry over."""
    names = "|".join(SECTIONS)
    return [m.group(0) for m in re.finditer(rf"<!-- ({names}) -->.*?<!-- /\1 -->\n", text, re.S)]
