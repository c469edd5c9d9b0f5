"""`--format mermaid`: a Mermaid `timeline` diagram, for GitHub and GitLab Markdown.

One `section` per year, the year where events start (as in the Markdown output: an event
spanning 2016 to 2018 is in 2016; an open start, `../2016`, is in "Until 2016"). Within it,
one period per date, as a person reads it (`25 Jan 2017`, `spring 2017`, `c. 1985`), with
the events of that date under it, in corpus order. Sections by year keep the diagram in
time order; the controversy is not shown (the HTML, TimelineJS and markwhen formats
group by controversy).

Mermaid's timeline grammar reads `:` as the start of an event, `#` as a comment, `%%` as a
comment or directive, and `#name;` as an entity; a line break ends a statement. Every
character of text that could matter (`# : ; % < > & " ' \\ { } [ ] ( )` and backticks) is written as
a Mermaid entity code (`#58;`), which Mermaid shows as the character: no title can end its
event, start another, or become markup.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from . import View
from .dateparts import year_heading
from .humane import human_date

__all__ = ["escape", "render"]

# Characters written as `#<code>;`: the grammar's own, and what could become HTML or markdown in a label.
_SPECIAL = re.compile(r"[#:;%<>&\"'`\\{}\[\]()|*_~=]")


def render(view: View) -> str:
    lines = ["timeline", f"    title {escape(view.title)}"]
    sections: dict[str, list[dict[str, Any]]] = defaultdict(list)  # a section's events stay together
    for event in view.events:
        sections[year_heading(event["date"])].append(event)
    for section, events in sections.items():
        lines.append(f"    section {escape(section)}")
        period = None
        for event in events:
            label = human_date(event["date"])
            if label != period:
                period = label
                lines.append(f"        {escape(label)} : {escape(event['title'])}")
            else:
                lines.append(f"        : {escape(event['title'])}")  # another event of the same period
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """One line of text that Mermaid shows as written: special characters as entity codes."""
    flat = " ".join(str(text).split()) or "-"
    return _SPECIAL.sub(lambda match: f"#{ord(match.group())};", flat)
