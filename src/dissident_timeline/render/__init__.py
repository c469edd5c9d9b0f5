"""Renderers of a chronology, one module per `--format`, declared once in `FORMATS`.

Each renderer takes a `View` (the events to show, and the corpus they come from) and
returns the whole output as text: the CLI decides where it goes. The CLI's `--format`
choices, their help and any format-specific flags (`--bom`) come from `FORMATS`. Modules
are imported only when their format is asked for, so that `timeline --version` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Callable

__all__ = ["ACTOR_FORMATS", "FORMATS", "Flag", "Format", "View", "render"]


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


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("table", "a table for the terminal"),
    Format("markdown", "a Markdown document, grouped by year, sources as footnotes"),
    Format("json", "every field, for programs"),
    Format("html", "one self-contained page: filters, a time axis, deep links; readable without scripts"),
)}

# `timeline actors` has its own formats (render/actors.py).
ACTOR_FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "a table for the terminal"),
    Format("json", "every field, for programs"),
)}


@dataclass(frozen=True)
class View:
    events: list[dict[str, Any]]  # in corpus order
    actors: list[dict[str, Any]]  # the registry's (empty without one)
    title: str = "Chronology"
    color: bool = False  # table only: style for a terminal
    width: int | None = None  # table only: None lets rich pick
    options: dict[str, bool] = field(default_factory=dict)  # the formats' flags, by `Flag.name`


def render(format_name: str, view: View) -> str:
    module = import_module(f".{format_name}", __name__)
    renderer: Callable[[View], str] = module.render
    return renderer(view)
