"""Renderers of a chronology, one module per `--format`, declared once in `FORMATS`.

Each renderer takes a `View` (the events to show, and the corpus they come from) and
returns the whole output as text: the CLI decides where it goes. The CLI's `--format`
choices, their help and any format-specific flags (`--bom`) come from `FORMATS`. Modules
are imported only when their format is asked for, so that `timeline --version` stays fast.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

__all__ = [
    "ACTOR_FORMATS",
    "CHAIN_FORMATS",
    "FORMATS",
    "GRAPH_FORMATS",
    "SHOW_FORMATS",
    "STATS_FORMATS",
    "Flag",
    "Format",
    "View",
    "render",
]


@dataclass(frozen=True)
class Flag:
    """A boolean command-line flag that only some formats read (`--bom` for csv)."""

    name: str  # the key in `View.options`, and the flag `--name`
    help: str


@dataclass(frozen=True)
class Format:
    name: str  # the `--format` value and the module's name in this package
    help: str
    flags: tuple[Flag, ...] = ()


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "a table for the terminal"),
        Format("markdown", "a Markdown document, grouped by year, sources as footnotes"),
        Format("json", "every field, for programs"),
        Format("html", "one self-contained page: filters, a time axis, deep links; readable without scripts"),
        Format("timelinejs", "TimelineJS3 JSON: one slide per event, a row per controversy"),
        Format(
            "csv",
            "a spreadsheet: TimelineJS's sheet columns, then the research columns",
            (Flag("bom", "csv: start with a byte-order mark, for spreadsheet programs"),),
        ),
        Format("mermaid", "a Mermaid timeline diagram, for GitHub and GitLab Markdown"),
        Format("markwhen", "a markwhen document: a group per controversy, tags for kind and registers"),
    )
}

# `timeline actors` has its own formats (render/actors.py).
ACTOR_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "a table for the terminal"),
        Format("json", "every field, for programs"),
    )
}

# The controversy's structure (render/show.py, chain.py, graph.py, stats.py).
SHOW_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "the event and its relations, for the terminal"),
        Format("markdown", "a Markdown page"),
        Format("json", "the event as in build's JSON, with its outgoing and incoming relations"),
    )
}
CHAIN_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "a tree for the terminal"),
        Format("markdown", "a nested list"),
        Format("json", "nodes and edges, for programs"),
    )
}
GRAPH_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("dot", "Graphviz DOT (dot -Tsvg)"),
        Format("mermaid", "a Mermaid flowchart, for GitHub Markdown"),
        Format("json", "nodes and edges, for programs"),
    )
}
STATS_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "bar charts and tables for the terminal"),
        Format("json", "every figure, for programs"),
        Format("csv", "the counts of --by, one row per value"),
    )
}


@dataclass(frozen=True)
class View:
    events: list[dict[str, Any]]  # in corpus order
    actors: list[dict[str, Any]]  # the registry's (empty without one)
    title: str = "Chronology"
    color: bool = False  # table only: style for a terminal
    width: int | None = None  # table only: None lets rich pick
    options: dict[str, bool] = field(default_factory=dict)  # the formats' flags, by `Flag.name`


def text_console(width: int, color: bool) -> tuple[Any, io.StringIO]:
    """A rich console writing to a buffer, for which author text is inert: no markup, emoji
    codes or highlighting are read in it; styles only when `color`."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    return console, buffer


def render(format_name: str, view: View) -> str:
    module = import_module(f".{format_name}", __name__)
    renderer: Callable[[View], str] = module.render
    return renderer(view)
