"""`timeline actors`: the registry as a table, most active actors first."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ..safe import visible
from . import text_console


def render_actors(format_name: str, rows: list[dict[str, Any]], color: bool, width: int) -> str:
    """The rows of `Corpus.activity()` in one of `ACTOR_FORMATS`."""
    if format_name == "json":
        from .json import dumps

        return dumps(rows)
    return actors_table(rows, color, width)


def actors_table(rows: list[dict[str, Any]], color: bool, width: int = 120) -> str:
    console, buffer = text_console(width, color)
    table = Table(header_style="bold")
    table.add_column("Actor")
    table.add_column("Id", style="dim", overflow="fold")  # an id is typed: wrapped, never cut short
    table.add_column("Type")
    table.add_column("Aliases", overflow="fold")
    table.add_column("Events", justify="right")
    for row in rows:
        table.add_row(
            Text(visible(row["name"])),
            Text(row["id"]),
            Text(row["type"] or ""),
            Text(visible(", ".join(row["aliases"]))),
            Text(str(row["events"])),
        )
    console.print(table)
    return buffer.getvalue()
