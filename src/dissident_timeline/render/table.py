"""`--format table`: a rich table for people, one row per event, a rule between years.

All text from event files goes in as `Text` objects with control characters made visible,
so rich never reads markup (`[bold]`), emoji codes (`:fire:`) or escape sequences in data.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..safe import visible
from . import View
from .humane import human_date, year_of

KIND_STYLES = {
    "decree": "bold red", "legislation": "magenta", "lawsuit": "yellow", "ruling": "bold yellow",
    "declaration": "cyan", "election": "bold blue", "mobilization": "green", "meeting": "blue",
    "report": "white", "measure": "bright_magenta",
}


def render(view: View) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=view.width or 100, force_terminal=view.color, no_color=not view.color,
                      markup=False, emoji=False, highlight=False, legacy_windows=False)
    table = Table(title=Text(visible(view.title)), show_lines=False, expand=False, header_style="bold")
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Title", ratio=3, overflow="fold")
    table.add_column("Actors", ratio=2, overflow="fold")
    previous_year = None
    for event in view.events:
        year = year_of(event["start"] or "")
        if previous_year is not None and year != previous_year:
            table.rows[-1].end_section = True
        previous_year = year
        table.add_row(
            Text(human_date(event["date"])),
            Text(event["kind"], style=KIND_STYLES[event["kind"]]),
            Text(visible(event["title"])),
            Text(", ".join(_actor(a) for a in event["actors"])),
        )
    console.print(table)
    count = len(view.events)
    console.print(Text(f"{count} event{'s' if count != 1 else ''}", style="dim"))
    return buffer.getvalue()


def _actor(actor: dict) -> str:
    name = visible(actor["name"])
    return f"{name} ({visible(actor['role'])})" if actor.get("role") else name
