"""`timeline show ID`: one event in full, then the events it points to and those that point
to it, grouped by relation type; as a terminal table, Markdown or JSON.

Author text is data: in the table it goes into rich `Text` objects (never read as markup),
in Markdown through `markdown.escape`, in JSON through the JSON encoder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..relations import RelationIndex, inverse_label, label
from ..safe import visible
from ..vocabulary import RELATION_TYPES
from . import text_console
from .humane import human_date
from .json import EVENT_KEYS, SCHEMA_VERSION, dumps

__all__ = ["Detail", "detail", "plain", "render_show"]


@dataclass(frozen=True)
class Detail:
    """An event and its neighbours: (type, label, [events]) groups, in vocabulary order."""

    event: dict[str, Any]
    outgoing: list[tuple[str, str, list[dict[str, Any]]]]
    incoming: list[tuple[str, str, list[dict[str, Any]]]]
    names: dict[str, str]  # actor id -> name, for quote speakers


def detail(index: RelationIndex, event_id: str, actors: list[dict[str, Any]]) -> Detail:
    """The event `event_id` (raises UnknownEvent) with its relations grouped by type."""
    event = index.event(event_id)
    names = {actor["id"]: actor["name"] for actor in actors}
    names.update({actor["id"]: actor["name"] for actor in event["actors"]})
    return Detail(
        event,
        _grouped(index, index.outgoing.get(event_id, ()), label),
        _grouped(index, index.incoming.get(event_id, ()), inverse_label),
        names,
    )


def _grouped(
    index: RelationIndex, edges: Iterable[tuple[str, str]], name: Callable[[str], str]
) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(type, label, events) for each relation type present, in the vocabulary's order."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for relation_type, other in edges:
        by_type.setdefault(relation_type, []).append(index.by_id[other])
    return [(kind, name(kind), by_type[kind]) for kind in RELATION_TYPES if kind in by_type]


def render_show(format_name: str, item: Detail, color: bool = False, width: int = 100) -> str:
    if format_name == "json":
        return _json(item)
    if format_name == "markdown":
        return _markdown(item)
    return _table(item, color, width)


# --- JSON -------------------------------------------------------------------------------


def _json(item: Detail) -> str:
    def edges(groups: list[tuple[str, str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
        return [
            {"type": kind, "label": name, "event": _brief(other)} for kind, name, others in groups for other in others
        ]

    return dumps(
        {
            "schema_version": SCHEMA_VERSION,
            "event": {key: item.event[key] for key in EVENT_KEYS},
            "outgoing": edges(item.outgoing),
            "incoming": edges(item.incoming),
        }
    )


def _brief(event: dict[str, Any]) -> dict[str, Any]:
    return {"id": event["id"], "date": event["date"], "kind": event["kind"], "title": event["title"]}


# --- the fields, as (name, lines of plain text), shared by the table and Markdown -------


def _source_text(source: dict[str, Any]) -> str:
    parts = [source[key] for key in ("outlet",) if source.get(key)]
    if source.get("date"):
        parts.append(human_date(source["date"]))
    parts.append(f"“{source['title']}”")
    if source.get("page"):
        parts.append(f"p. {source['page']}")
    if source.get("lang"):
        parts.append(f"[{source['lang']}]")
    if source.get("url"):
        parts.append(source["url"])
    text = ", ".join(parts)
    return text + (f" — quote: “{source['quote']}”" if source.get("quote") else "")


def _quote_text(quote: dict[str, Any], names: dict[str, str]) -> str:
    by = [names.get(quote["speaker"], quote["speaker"])] if quote.get("speaker") else []
    by += [f"[{quote['lang']}]"] if quote.get("lang") else []
    return f"“{quote['text']}”" + (f" — {' '.join(by)}" if by else "")


def _alternative_text(alternative: dict[str, Any]) -> str:
    text = f"{human_date(alternative['date'])} ({alternative['date']})"
    if alternative.get("note"):
        text += f": {alternative['note']}"
    source = alternative.get("source")
    if source:  # a source mapping (a plain string in files of earlier versions)
        text += f" — source: {_source_text(source) if isinstance(source, dict) else source}"
    return text


def _fields(item: Detail) -> list[tuple[str, list[str]]]:
    """Every field the author wrote, in the order of the format; empty ones left out."""
    event = item.event
    date = human_date(event["date"])
    fields: list[tuple[str, list[str]]] = [
        ("id", [event["id"]]),
        ("date", [date if date == event["date"] else f"{date} ({event['date']})"]),
        ("kind", [event["kind"]]),
        ("controversy", [event["controversy"]] if event["controversy"] else []),
        ("registers", [", ".join(event["registers"])] if event["registers"] else []),
        ("tags", [", ".join(event["tags"])] if event["tags"] else []),
        ("place", [event["place"]] if event["place"] else []),
        ("actors", [f"{a['name']} ({a['role']})" if a.get("role") else a["name"] for a in event["actors"]]),
        ("alternative dates", [_alternative_text(alt) for alt in event["alternative_dates"]]),
        ("legal", [f"{key}: {value}" for key, value in (event["legal"] or {}).items() if value]),
        ("summary", [" ".join(event["summary"].split())] if event["summary"] else []),
        ("quotes", [_quote_text(quote, item.names) for quote in event["quotes"]]),
        ("sources", [_source_text(source) for source in event["sources"]]),
        ("file", [f"{event['file']}:{event['line']}"]),
    ]
    return [(name, lines) for name, lines in fields if lines]


def _neighbour_text(event: dict[str, Any]) -> tuple[str, str, str]:
    return human_date(event["date"]), event["kind"], event["title"]


# --- table ------------------------------------------------------------------------------


def _table(item: Detail, color: bool, width: int) -> str:
    from rich.table import Table
    from rich.text import Text

    from .table import KIND_STYLES

    console, buffer = text_console(width, color)
    console.print(Text(visible(item.event["title"]), style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, lines in _fields(item):
        grid.add_row(Text(name), Text("\n".join(visible(line) for line in lines)))
    console.print(grid)
    for heading, groups in (("Points to", item.outgoing), ("Pointed to by", item.incoming)):
        console.print()
        console.print(Text(heading, style="bold underline"))
        if not groups:
            console.print(Text("(none)", style="dim"))
            continue
        table = Table.grid(padding=(0, 2))
        for column in ("Relation", "Date", "Kind"):
            table.add_column(column, no_wrap=True)
        table.add_column("Title", overflow="fold")
        for _kind, name, others in groups:
            for position, other in enumerate(others):
                date, kind, title = _neighbour_text(other)
                table.add_row(
                    Text(name if position == 0 else ""),
                    Text(date),
                    Text(kind, style=KIND_STYLES.get(kind, "")),
                    Text(f"{visible(title)} ({other['id']})"),
                )
        console.print(table)
    return buffer.getvalue() if color else plain(buffer.getvalue())


def plain(text: str) -> str:
    """Rich pads every line of a grid to its width: in a file or a pipe, drop the padding."""
    return "\n".join(line.rstrip() for line in text.split("\n"))


# --- Markdown ---------------------------------------------------------------------------


def _markdown(item: Detail) -> str:
    from .markdown import escape, safe_url, summary_text

    event = item.event
    lines = [f"# {escape(event['title'])}", ""]
    for name, values in _fields(item):
        if name == "summary":
            lines.append(f"- **{name}:** {summary_text(event['summary'])}")
        elif name == "sources":
            lines.append(f"- **{name}:**")
            lines += [f"  - {_markdown_source(source, escape, safe_url)}" for source in event["sources"]]
        elif name == "id":
            lines.append(f"- **{name}:** `{event['id']}`")
        elif len(values) == 1:
            lines.append(f"- **{name}:** {escape(values[0])}")
        else:
            lines.append(f"- **{name}:**")
            lines += [f"  - {escape(value)}" for value in values]
    for heading, groups in (("Points to", item.outgoing), ("Pointed to by", item.incoming)):
        lines += ["", f"## {heading}", ""]
        if not groups:
            lines.append("None.")
        for _kind, name, others in groups:
            lines.append(f"- {name}:")
            for other in others:
                date, kind, title = _neighbour_text(other)
                lines.append(f"  - **{date}** · *{kind}* · {escape(title)} (`{other['id']}`)")
    return "\n".join(lines) + "\n"


def _markdown_source(
    source: dict[str, Any], escape: Callable[[str], str], safe_url: Callable[[str | None], str | None]
) -> str:
    parts = [f"*{escape(source['outlet'])}*"] if source.get("outlet") else []
    if source.get("date"):
        parts.append(human_date(source["date"]))
    title = f"“{escape(source['title'])}”"
    url = safe_url(source.get("url"))
    parts.append(f"[{title}]({url})" if url else title)
    if source.get("page"):
        parts.append(f"p. {escape(source['page'])}")
    if source.get("lang"):
        parts.append(f"\\[{escape(source['lang'])}\\]")
    text = ", ".join(parts)
    return text + (f" — quote: “{escape(source['quote'])}”" if source.get("quote") else "")
