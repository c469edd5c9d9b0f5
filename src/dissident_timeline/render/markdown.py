"""`--format markdown`: a document for GitHub, grouped by year (and month in busy years),
with every source as a footnote.

Each event is filed under the year where it starts (`Until 2016` for an open start), so no
year heading appears twice, and carries a fixed anchor, `<a id="event-id"></a>` (ids are
slugs: this is the only HTML in the document, and never author text), so that `#event-id`
links to it on GitHub, GitLab or any Markdown renderer. An entry shows all the author wrote:
actors, place, legal details, alternative dates with their notes and sources, relations
both ways ("responds to X", "answered by Y", as links), the summary, and quotes in their
original language (named after the quote).

Event files are untrusted: titles and names are escaped so that no character is read as
Markdown, summaries keep inline emphasis and code but lose links, images and raw HTML,
and a link is written only for an http(s) URL, percent-encoding what could end it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from ..dates import MONTH_NAMES
from ..safe import visible
from . import View
from .dateparts import start_month, year_heading
from .humane import human_date
from .relations import both_ways, by_label

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
# A year with more events than this is split into months.
MONTHS_FROM = 12

# What Markdown (and GitHub: `~` strikes, `$` starts maths) could read as syntax inside a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_SUMMARY_SPECIAL = re.compile(r"([\\\[\]()<>!|&^])")
# A list number keeps its digits: the escape goes before its `.` or `)` (`1\.`, not `\1.`).
_BLOCK_START = re.compile(r"^(\s*\d*)((?<=\d)[.)]|(?<!\d)[#>+\-=])", re.MULTILINE)


def render(view: View) -> str:
    count = len(view.events)
    lines = [f"# {escape(view.title)}", "", f"{count} event{'s' if count != 1 else ''}.", ""]
    notes: list[str] = []
    context = _Context(both_ways(view.events), {event.get("id", ""): event["title"] for event in view.events}, notes)
    for year, events in _by_year(view.events):
        lines += [f"## {year}", ""]
        if len(events) > MONTHS_FROM:
            for month, in_month in _by_month(events):
                lines += [f"### {month}", ""]
                lines += [_entry(event, context) for event in in_month]
                lines.append("")
        else:
            lines += [_entry(event, context) for event in events]
            lines.append("")
    if notes:
        lines += [*notes, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


@dataclass
class _Context:
    """What an entry needs from the rest of the document."""

    related: dict[str, list[tuple[str, str]]]  # event id -> (relation label, other event id), both ways
    titles: dict[str, str]  # the titles of the events in the document, by id
    notes: list[str]  # the footnotes so far


def _by_year(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Events by the year where they start (`Until 2016` for an open start): one heading per year."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups[year_heading(event["date"])].append(event)
    return list(groups.items())


def _by_month(events: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """A busy year's events by the month where they start, if the author wrote one."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        month = start_month(event["date"])
        groups[MONTH_NAMES[month - 1] if month else "Over the year"].append(event)
    return list(groups.items())


def _entry(event: dict[str, Any], context: _Context) -> str:
    """One list item: the headline line, then what the author wrote, each on its own line."""
    event_id = event.get("id", "")
    head = f"- {_anchor(event_id)}**{human_date(event['date'])}** · *{event['kind']}* · **{escape(event['title'])}**"
    body = [head + "".join(_footnote(source, context.notes) for source in event["sources"])]
    if event["actors"]:
        body.append("  Actors: " + ", ".join(_actor(actor) for actor in event["actors"]))
    if event.get("place"):
        body.append(f"  Place: {escape(event['place'])}")
    if event.get("legal"):
        body.append("  " + _legal(event["legal"]))
    for alternative in event.get("alternative_dates") or []:
        body.append("  " + _alternative(alternative, context.notes))
    if context.related.get(event_id):
        body.append("  " + _relations(context.related[event_id], context.titles))
    if event.get("summary"):
        body.append("  " + summary_text(event["summary"]))
    entry = "  \n".join(body)
    quotes = [_quote(quote, event["actors"]) for quote in event.get("quotes") or []]
    return entry + "".join(f"\n  > {quote}" if i == 0 else f"\n  >\n  > {quote}" for i, quote in enumerate(quotes))


def _anchor(event_id: str) -> str:
    """Our own fixed anchor, so that `#event-id` links here in any renderer. Ids are slugs
    (checked when the file is read); anything else gets no anchor rather than raw HTML."""
    return f'<a id="{event_id}"></a>' if _SLUG.fullmatch(event_id) else ""


def _legal(legal: dict[str, Any]) -> str:
    parts = [
        f"{label}: {escape(legal[key])}"
        for key, label in (("case", "Case"), ("court", "Court"), ("docket", "Docket"), ("outcome", "Outcome"))
        if legal.get(key)
    ]
    return " · ".join(parts)


def _alternative(alternative: dict[str, Any], notes: list[str]) -> str:
    note = f": {escape(alternative['note'])}" if alternative.get("note") else ""
    source = _footnote(alternative["source"], notes) if alternative.get("source") else ""
    return f"Also dated **{human_date(alternative['date'])}**{note}{source}"


def _relations(related: list[tuple[str, str]], titles: dict[str, str]) -> str:
    """`Responds to [X](#x) · answered by [Y](#y)`: a link to each event in the document, the
    id (`` `x` ``) of an event that the filters left out."""
    text = " · ".join(
        f"{label} {', '.join(_target(other, titles) for other in others)}" for label, others in by_label(related)
    )
    return text[:1].upper() + text[1:]


def _target(other: str, titles: dict[str, str]) -> str:
    if not _SLUG.fullmatch(other):
        return escape(other)
    if other in titles:
        return f"[{escape(titles[other])}](#{other})"
    return f"`{other}`"  # filtered out of this document: its id, which finds it in the files


def _quote(quote: dict[str, Any], actors: list[dict[str, Any]]) -> str:
    """`“What was said” — Speaker (fr)`: the quote in its original language, which is named."""
    names = {actor["id"]: actor["name"] for actor in actors}
    speaker = quote.get("speaker")
    by = f" — {escape(names.get(speaker, speaker))}" if speaker else ""
    lang = f" ({escape(quote['lang'])})" if quote.get("lang") else ""
    return f"“{escape(quote['text'])}”{by}{lang}"


def _actor(actor: dict[str, Any]) -> str:
    name = escape(actor["name"])
    return f"{name} ({escape(actor['role'])})" if actor.get("role") else name


def _footnote(source: dict[str, Any], notes: list[str]) -> str:
    number = len(notes) + 1
    notes.append(f"[^{number}]: " + ", ".join(citation(source)) + ".")
    return f"[^{number}]"


def citation(source: dict[str, Any], page: bool = True) -> list[str]:
    """The parts of a source as Markdown: outlet, date, title (linked), archived copy, page, accessed."""
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
    if page and source.get("page"):
        parts.append(f"p. {escape(source['page'])}")
    if source.get("accessed"):
        parts.append(f"accessed {human_date(source['accessed'])}")
    return parts


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
