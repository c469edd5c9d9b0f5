"""`timeline chain ID`: the chain of decisions and responses around an event, as a tree on the
terminal, a nested list in Markdown, or nodes and edges in JSON.

The tree comes from `relations.chain_tree`: each event is expanded once, where it is
nearest to the root; every other edge to it is a reference, "(see above)" or "(see below)"
as it falls in reading order. Lines are drawn here rather than by rich's `Tree`, so that a
chain of 100,000 events prints in linear time; author text is made inert as everywhere.
"""

from __future__ import annotations

import io
from functools import lru_cache

from ..relations import ChainNode, step_phrase, walk_tree
from ..safe import visible
from .humane import human_date as _human_date
from .json import SCHEMA_VERSION

# Dates repeat across events: each is read once.
human_date = lru_cache(maxsize=65536)(_human_date)

__all__ = ["render_chain"]


def render_chain(
    format_name: str, root: ChainNode, direction: str, depth: int | None, color: bool = False, width: int = 100
) -> str:
    rows = walk_tree(root)
    if format_name == "json":
        return _json(rows, root, direction, depth)
    if format_name == "markdown":
        return _markdown(rows, root)
    return _tree(rows, color, width)


def _guides(rows: list[tuple[ChainNode, int, str]]) -> list[tuple[str, str]]:
    """For each row, the prefix of its first line (`│   ├── `) and of its continuation lines
    when wrapped on a terminal (`│   │     `)."""
    guides = [("", "")] * len(rows)
    heads = [""]  # heads[k - 1]: the guides above a row at level k, built once per parent
    last = _last_of_siblings(rows)
    for position, (_node, level, _where) in enumerate(rows):
        if level == 0:
            continue
        del heads[level:]
        head = heads[level - 1]
        guides[position] = (
            head + ("└── " if last[position] else "├── "),
            head + ("      " if last[position] else "│     "),
        )
        heads.append(head + ("    " if last[position] else "│   "))
    return guides


def _last_of_siblings(rows: list[tuple[ChainNode, int, str]]) -> list[bool]:
    """For each row, whether it is the last child of its parent (one backward pass)."""
    last = [True] * len(rows)
    seen_at_level: dict[int, bool] = {}  # level -> a sibling follows, scanning backwards
    for position in range(len(rows) - 1, -1, -1):
        level = rows[position][1]
        last[position] = not seen_at_level.get(level, False)
        seen_at_level[level] = True
        seen_at_level.pop(level + 1, None)  # the children of this row were not its siblings
    return last


def _line_parts(node: ChainNode, where: str) -> tuple[str, str, str, str, str]:
    """(relation, date, kind, title, end) of one row, in plain text made inert."""
    event = node.event
    relation = f"{step_phrase(node.step)}: " if node.step else ""
    end = f"  [{event['id']}]" + (f" (see {where})" if where else "")
    return relation, human_date(event["date"]), event["kind"], visible(event["title"]), end


def _tree(rows: list[tuple[ChainNode, int, str]], color: bool, width: int) -> str:
    guides = _guides(rows)
    if not color:
        lines = [
            f"{prefix}{relation}{date} · {kind} · {title}{end}"
            for (prefix, _more), (node, _level, where) in zip(guides, rows, strict=True)
            for relation, date, kind, title, end in (_line_parts(node, where),)
        ]
        return "\n".join(lines) + "\n" + _count(rows) + "\n"
    from rich.console import Console
    from rich.text import Text

    from .table import KIND_STYLES

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=True, markup=False, emoji=False, highlight=False, legacy_windows=False
    )
    for (prefix, more), (node, level, where) in zip(guides, rows, strict=True):
        relation, date, kind, title, end = _line_parts(node, where)
        line = Text()
        line.append(relation, style="italic")
        line.append(f"{date} · ", style="bold" if level == 0 else "")
        line.append(kind, style=KIND_STYLES.get(kind, ""))
        line.append(f" · {title}", style="bold" if level == 0 else ("dim" if where else ""))
        line.append(end, style="dim")
        # Wrapped here, each continuation line under its own guides (rich would not draw them).
        for number, part in enumerate(line.wrap(console, max(width - len(prefix), 20))):
            guided = Text()
            guided.append(prefix if number == 0 else more, style="dim")
            guided.append_text(part)
            console.print(guided, no_wrap=True, crop=False)
    console.print(Text(_count(rows), style="dim"))
    return buffer.getvalue()


def _count(rows: list[tuple[ChainNode, int, str]]) -> str:
    count = sum(1 for node, _level, _where in rows if not node.repeat)
    return f"{count} event{'s' if count != 1 else ''}"


def _markdown(rows: list[tuple[ChainNode, int, str]], root: ChainNode) -> str:
    from .markdown import escape

    lines = [f"# Chain: {escape(root.event['title'])}", "", _count(rows) + ".", ""]
    for node, level, where in rows:
        event = node.event
        relation = f"{step_phrase(node.step)}: " if node.step else ""
        see = f" (see {where})" if where else ""
        lines.append(
            f"{'  ' * level}- {relation}**{human_date(event['date'])}** · *{event['kind']}* · "
            f"{escape(event['title'])} (`{event['id']}`){see}"
        )
    return "\n".join(lines) + "\n"


def _json(rows: list[tuple[ChainNode, int, str]], root: ChainNode, direction: str, depth: int | None) -> str:
    from ..safe import json_visible
    from .graph import _q, node_json

    nodes: list[str] = []
    edges: list[str] = []
    seen_edges: set[tuple[str, str, str]] = set()
    for node, level, _where in rows:
        if not node.repeat:
            nodes.append(node_json(node.event, distance=level, side=node.step.direction if node.step else "root"))
        if node.step:
            step = node.step
            source, target = (step.source, step.target) if step.direction == "up" else (step.target, step.source)
            if (source, step.type, target) not in seen_edges:
                seen_edges.add((source, step.type, target))
                edges.append(f'{{"source": {_q(source)}, "target": {_q(target)}, "type": {_q(step.type)}}}')
    head = (
        f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "root": {_q(root.event["id"])},\n'
        f'  "direction": "{direction}",\n  "depth": {"null" if depth is None else depth},\n'
    )
    return json_visible(head + f'  "nodes": {_rows(nodes)},\n  "edges": {_rows(edges)}\n}}\n')


def _rows(items: list[str]) -> str:
    return "[\n    " + ",\n    ".join(items) + "\n  ]" if items else "[]"
