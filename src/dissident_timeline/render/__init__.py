"""Renderers of a chronology, one module per `--format`, registered by name.

Each renderer takes a `View` (the events to show, and the corpus they come from) and
returns the whole output as text: the CLI decides where it goes. Modules are imported only
when their format is asked for, so that `timeline --version` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any, Callable

__all__ = ["FORMATS", "View", "render"]

FORMATS = ("table", "markdown", "json")


@dataclass(frozen=True)
class View:
    events: list[dict[str, Any]]  # in corpus order
    actors: list[dict[str, Any]]  # the registry's (empty without one)
    title: str = "Chronology"
    color: bool = False  # table only: style for a terminal
    width: int | None = None  # table only: None lets rich pick


def render(format_name: str, view: View) -> str:
    module = import_module(f".{format_name}", __name__)
    renderer: Callable[[View], str] = module.render
    return renderer(view)
