"""`timeline actors`: the registry as a table, most active actors first."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..safe import visible


def render_actors(format_name: str, rows: list[dict[str, Any]], color: bool, width: int) -> str:
    """The rows of `Corpus.activity()` in one of `ACTOR_FORMATS`."""
    if format_name == "json":
        from .json import dumps

        return dumps(rows)
    return actors_table(rows, color, width)


def actors_table(rows: list[dict[str, Any]], color: bool, width: int = 120) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, markup=False, emoji=False, highlight=False
    )
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
