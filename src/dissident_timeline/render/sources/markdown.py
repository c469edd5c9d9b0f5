"""`sources --format markdown`: a reference list, one item per source, with the citing events.

Escaping is the chronology's (render/markdown.py): author text is never read as Markdown,
and a link is written only for an http(s) URL.
"""

from __future__ import annotations

from typing import Any

from ...bibliography import Entry
from ..markdown import citation, escape


def render(entries: list[Entry], title: str = "Sources", **_options: Any) -> str:
    count = len(entries)
    lines = [f"# {escape(title)}", "", f"{count} source{'s' if count != 1 else ''}.", ""]
    lines += [_item(entry) for entry in entries]
    return "\n".join(lines).rstrip("\n") + "\n"


def _item(entry: Entry) -> str:
    parts = citation(entry.source, page=False)  # pages differ from one citation to the next
    cited = ", ".join(f"`{event_id}`" for event_id in entry.events)  # ids are slugs: nothing to escape
    return f"- {', '.join(parts)}. Cited by {cited}."
