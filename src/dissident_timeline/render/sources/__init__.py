"""Renderers of the bibliography (`timeline sources`), one module per `--format`.

Each renderer takes the distinct sources (`bibliography.Entry`, in bibliography order)
and returns the whole output as text. Modules are imported only when their format is
asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from .. import Format

if TYPE_CHECKING:
    from ...bibliography import Entry

__all__ = ["SOURCE_FORMATS", "render_sources"]

SOURCE_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", "a table for the terminal"),
        Format("markdown", "a Markdown reference list"),
        Format("json", "every source with the events citing it, for programs"),
        Format("csl-json", "CSL-JSON for Zotero, citeproc and pandoc"),
        Format("bibtex", "BibTeX for LaTeX and reference managers"),
    )
}


def render_sources(format_name: str, entries: list[Entry], title: str = "Sources", width: int | None = None) -> str:
    module = import_module(f".{format_name.replace('-', '_')}", __name__)
    renderer: Callable[..., str] = module.render
    return renderer(entries, title=title, width=width)
