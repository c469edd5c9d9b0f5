"""`sources --format table`: one row per source, with the events that cite it."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from ...bibliography import Entry
from ...safe import visible
from .. import text_console
from ..humane import human_date


def render(entries: list[Entry], title: str = "Sources", width: int | None = None, **_options: Any) -> str:
    console, buffer = text_console(width or 120, False)
    table = Table(title=Text(visible(title)), header_style="bold")
    table.add_column("Outlet", ratio=1, overflow="fold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Cited by", ratio=2, overflow="fold")
    for entry in entries:
        source = entry.source
        table.add_row(
            Text(visible(source.get("outlet") or "")),
            Text(human_date(source["date"]) if source.get("date") else ""),
            Text(visible(source["title"])),
            Text(", ".join(entry.events)),
        )
    console.print(table)
    citations = sum(len(entry.events) for entry in entries)
    console.print(
        Text(
            f"{len(entries)} source{'s' if len(entries) != 1 else ''}, cited by "
            f"{citations} event{'s' if citations != 1 else ''} in all"
        )
    )
    return buffer.getvalue()
