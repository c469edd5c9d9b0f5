"""`sources --format markdown`: a reference list, one item per source, with the citing events.

Escaping is the chronology's (render/markdown.py): author text is never read as Markdown,
and a link is written only for an http(s) URL.
"""

from __future__ import annotations

from typing import Any

from ...bibliography import Entry
from ..humane import human_date
from ..markdown import escape, safe_url


def render(entries: list[Entry], title: str = "Sources", **_options: Any) -> str:
    count = len(entries)
    lines = [f"# {escape(title)}", "", f"{count} source{'s' if count != 1 else ''}.", ""]
    lines += [_item(entry) for entry in entries]
    return "\n".join(lines).rstrip("\n") + "\n"


def _item(entry: Entry) -> str:
    source = entry.source
    parts = []
    if source.get("outlet"):
        parts.append(f"*{escape(source['outlet'])}*")
    if source.get("date"):
        parts.append(human_date(source["date"]))
    quoted = f"“{escape(source['title'])}”"
    url = safe_url(source.get("url"))
    parts.append(f"[{quoted}]({url})" if url else quoted)
    archived = safe_url(source.get("archive_url"))
    if archived:
        parts.append(f"[archived]({archived})")
    if source.get("accessed"):
        parts.append(f"accessed {human_date(source['accessed'])}")
    cited = ", ".join(f"`{event_id}`" for event_id in entry.events)  # ids are slugs: nothing to escape
    return f"- {', '.join(parts)}. Cited by {cited}."
