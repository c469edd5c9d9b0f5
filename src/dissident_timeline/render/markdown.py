"""`--format markdown`: a document for GitHub, grouped by year (and month in busy years),
with every source as a footnote.

Event files are untrusted: titles and names are escaped so that no character is read as
Markdown, summaries keep inline emphasis and code but lose links, images and raw HTML,
and a link is written only for an http(s) URL, percent-encoding what could end it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any
from urllib.parse import quote, urlsplit

from ..safe import visible
from . import View
from .humane import human_date, human_year, year_of

# A year with more events than this is split into months.
MONTHS_FROM = 12
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")

# What Markdown (and GitHub: `~` strikes, `$` starts maths) could read as syntax inside a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_SUMMARY_SPECIAL = re.compile(r"([\\\[\]()<>!|&^])")
# A list number keeps its digits: the escape goes before its `.` or `)` (`1\.`, not `\1.`).
_BLOCK_START = re.compile(r"^(\s*\d*)((?<=\d)[.)]|(?<!\d)[#>+\-=])", re.MULTILINE)


def render(view: View) -> str:
    count = len(view.events)
    lines = [f"# {escape(view.title)}", "", f"{count} event{'s' if count != 1 else ''}.", ""]
    notes: list[str] = []
    for period, events in _by_period(view.events):
        lines += [f"## {period}", ""]
        if len(events) > MONTHS_FROM:
            for month, in_month in _by_month(events):
                lines += [f"### {month}", ""]
                lines += [_entry(event, notes) for event in in_month]
                lines.append("")
        else:
            lines += [_entry(event, notes) for event in events]
            lines.append("")
    if notes:
        lines += notes + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _by_period(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Runs of events under one heading: their year, or their own span when it is wider
    (`1980s`, `20th century`, `… – 2016`), so that no heading claims more than it knows."""
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for event in events:
        start, end = event["start"] or "", event["end"] or ""
        same_year = start and year_of(start) == year_of(end)
        period = human_year(int(year_of(start))) if same_year else human_date(event["date"])
        if groups and groups[-1][0] == period:
            groups[-1][1].append(event)
        else:
            groups.append((period, [event]))
    return groups


def _by_month(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        month = event["start"].rsplit("-", 1)[0]  # `-0044-03` of `-0044-03-15`
        precise = event["precision"] in ("day", "month") and month == (event["end"] or "").rsplit("-", 1)[0]
        groups[MONTH_NAMES[int(month[-2:]) - 1] if precise else "Over the year"].append(event)
    return list(groups.items())


def _entry(event: dict[str, Any], notes: list[str]) -> str:
    head = f"- **{human_date(event['date'])}** · *{event['kind']}* · **{escape(event['title'])}**"
    refs = "".join(_footnote(source, notes) for source in event["sources"])
    body = [head + refs]
    if event["actors"]:
        body.append("  " + "Actors: " + ", ".join(_actor(actor) for actor in event["actors"]))
    if event.get("summary"):
        body.append("  " + summary_text(event["summary"]))
    return "  \n".join(body)


def _actor(actor: dict[str, Any]) -> str:
    name = escape(actor["name"])
    return f"{name} ({escape(actor['role'])})" if actor.get("role") else name


def _footnote(source: dict[str, Any], notes: list[str]) -> str:
    number = len(notes) + 1
    parts = []
    if source.get("outlet"):
        parts.append(f"*{escape(source['outlet'])}*")
    if source.get("date"):
        parts.append(human_date(source["date"]))
    title = f"“{escape(source['title'])}”"
    url = safe_url(source.get("url"))
    parts.append(f"[{title}]({url})" if url else title)
    archived = safe_url(source.get("archive_url"))
    if archived:  # beside the original: the copy to follow when the original link has died
        parts.append(f"[archived]({archived})")
    if source.get("page"):
        parts.append(f"p. {escape(source['page'])}")
    if source.get("accessed"):
        parts.append(f"accessed {human_date(source['accessed'])}")
    notes.append(f"[^{number}]: " + ", ".join(parts) + ".")
    return f"[^{number}]"


def escape(text: str) -> str:
    """Text that Markdown shows as written: every special character backslash-escaped, on one line."""
    flat = visible(" ".join(text.split()))  # split first: `visible` would spell line breaks `\u000a`
    return _INLINE_SPECIAL.sub(r"\\\1", flat)


def summary_text(text: str) -> str:
    """A summary kept on its list item: inline emphasis and code survive; links, images, HTML
    and block syntax (headings, quotes, lists, tables) do not."""
    flat = visible(" ".join(text.split()))  # a multi-line summary (`summary: |`) joins into one line
    flat = _SUMMARY_SPECIAL.sub(r"\\\1", flat)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def safe_url(url: str | None) -> str | None:
    """The URL if its parsed scheme is http or https, with `( ) < >` and spaces percent-encoded."""
    if not url or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")
