"""`timeline graph`: the relation graph of the (filtered) corpus as Graphviz DOT, a Mermaid
flowchart or JSON.

Nodes are events (date, kind, title), grouped by controversy; edges are relations between
two of the events shown. In DOT and Mermaid each arrow goes forward in time, from an event
to one that points to it, labelled with the relation read that way (`answered by`,
`blocked by`), so that with left-to-right ranks the chronology reads from left to right.
JSON keeps the direction of the files: `source` holds the relation to `target`.

Titles are data: DOT gets quoted strings with `\\` and `"` escaped (never HTML labels),
Mermaid gets generated node ids and labels where every character but letters, digits and
spaces is written as a Mermaid entity code (`#35;`), so no title can end a label, start a
directive or inject markup.
"""

from __future__ import annotations

import textwrap
from functools import lru_cache
from json.encoder import encode_basestring
from typing import Any

from ..relations import inverse_label, label
from ..safe import json_visible, visible
from .humane import human_date as _human_date
from .json import SCHEMA_VERSION

# Dates repeat across events: each is read once.
human_date = lru_cache(maxsize=65536)(_human_date)

__all__ = ["dot_string", "graph_edges", "json_string", "mermaid_text", "node_json", "render_graph"]

WRAP = 36  # characters per line of a title in DOT and Mermaid boxes

Edge = tuple[dict[str, Any], str, dict[str, Any]]  # (source event, type, target event)


def graph_edges(events: list[dict[str, Any]]) -> list[Edge]:
    """The relations between two of `events`, sources in corpus order, relations as written."""
    by_id = {event["id"]: event for event in events}
    return [
        (event, relation["type"], by_id[relation["event"]])
        for event in events
        for relation in event["relations"]
        if relation["event"] in by_id
    ]


def render_graph(format_name: str, events: list[dict[str, Any]]) -> str:
    edges = graph_edges(events)
    if format_name == "dot":
        return _dot(events, edges)
    if format_name == "mermaid":
        return _mermaid(events, edges)
    return _json(events, edges)


def _clusters(events: list[dict[str, Any]]) -> tuple[list[tuple[str, list[dict[str, Any]]]], list[dict[str, Any]]]:
    """Events by controversy (controversies sorted), and those without one."""
    groups: dict[str, list[dict[str, Any]]] = {}
    loose = []
    for event in events:
        if event["controversy"]:
            groups.setdefault(event["controversy"], []).append(event)
        else:
            loose.append(event)
    return sorted(groups.items()), loose


def _node_lines(event: dict[str, Any]) -> list[str]:
    """The lines of a node's label: date and kind, then the title wrapped."""
    title = visible(" ".join(event["title"].split()))
    return [f"{human_date(event['date'])} · {event['kind']}", *textwrap.wrap(title, WRAP, break_on_hyphens=False)]


# --- DOT --------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A DOT quoted string showing `text` as written: `\\` and `"` escaped, controls visible."""
    return '"' + visible(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot_label(lines: list[str]) -> str:
    # Each line escaped on its own, then joined with DOT's own line break `\n`.
    return '"' + "\\n".join(dot_string(line)[1:-1] for line in lines) + '"'


def _dot(events: list[dict[str, Any]], edges: list[Edge]) -> str:
    out = [
        "// timeline graph: arrows go forward in time, from an event to each event that points to it,",
        '// labelled with the relation read that way ("answered by"); dot -Tsvg draws it.',
        "digraph timeline {",
        '  graph [rankdir=LR, fontname="Helvetica", newrank=true];',
        '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    groups, loose = _clusters(events)
    for number, (controversy, members) in enumerate(groups, 1):
        out += [f'  subgraph "cluster_{number}" {{', f"    label={dot_string(controversy)};"]
        out += [f"    {dot_string(event['id'])} [label={_dot_label(_node_lines(event))}];" for event in members]
        out.append("  }")
    out += [f"  {dot_string(event['id'])} [label={_dot_label(_node_lines(event))}];" for event in loose]
    out += [
        f"  {dot_string(target['id'])} -> {dot_string(source['id'])} [label={dot_string(inverse_label(kind))}];"
        for source, kind, target in edges
    ]
    out.append("}")
    return "\n".join(out) + "\n"


# --- Mermaid ----------------------------------------------------------------------------


def mermaid_text(text: str) -> str:
    """`text` for a quoted Mermaid label: letters, digits and spaces as they are, every other
    character as an entity code (`#39;`), which Mermaid turns into the character itself."""
    return "".join(char if char.isalnum() or char == " " else f"#{ord(char)};" for char in visible(text))


def _mermaid(events: list[dict[str, Any]], edges: list[Edge]) -> str:
    # Node ids are generated (`n1`, `n2`...): an event id such as `end` is a Mermaid keyword.
    ids = {event["id"]: f"n{number}" for number, event in enumerate(events, 1)}
    out = ["flowchart LR"]

    def node(event: dict[str, Any], indent: str) -> str:
        lines = "<br/>".join(mermaid_text(line) for line in _node_lines(event))
        return f'{indent}{ids[event["id"]]}["{lines}"]'

    groups, loose = _clusters(events)
    for number, (controversy, members) in enumerate(groups, 1):
        out.append(f'  subgraph c{number} ["{mermaid_text(controversy)}"]')
        out += [node(event, "    ") for event in members]
        out.append("  end")
    out += [node(event, "  ") for event in loose]
    out += [
        f'  {ids[target["id"]]} -->|"{mermaid_text(inverse_label(kind))}"| {ids[source["id"]]}'
        for source, kind, target in edges
    ]
    return "\n".join(out) + "\n"


# --- JSON -------------------------------------------------------------------------------


def _json(events: list[dict[str, Any]], edges: list[Edge]) -> str:
    nodes = [node_json(event) for event in events]
    links = [
        f'{{"source": {_q(source["id"])}, "target": {_q(target["id"])}, "type": {_q(kind)}, '
        f'"label": {_q(label(kind))}}}'
        for source, kind, target in edges
    ]
    return json_visible(
        f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "nodes": {_rows(nodes)},\n  "edges": {_rows(links)}\n}}\n'
    )


def json_string(value: str | None) -> str:
    """A JSON string (or null), not ASCII-escaped, by the C encoder."""
    return "null" if value is None else encode_basestring(value)


_q = json_string


def node_json(event: dict[str, Any], **extra: str | int) -> str:
    """An event as a graph node, one JSON object on one line: a hundred thousand nodes are
    written string by string, as `json.dumps` per node would take several times longer."""
    text = (
        f'{{"id": {_q(event["id"])}, "date": {_q(event["date"])}, "start": {_q(event["start"])}, '
        f'"end": {_q(event["end"])}, "kind": {_q(event["kind"])}, "title": {_q(event["title"])}, '
        f'"controversy": {_q(event["controversy"])}'
    )
    for key, value in extra.items():
        text += f', "{key}": {value if isinstance(value, int) else _q(value)}'
    return text + "}"


def _rows(items: list[str]) -> str:
    return "[\n    " + ",\n    ".join(items) + "\n  ]" if items else "[]"
