"""`--format table`: a rich table for people, one row per event, a rule between years.

All text from event files goes in as `Text` objects with control characters made visible,
so rich never reads markup (`[bold]`), emoji codes (`:fire:`) or escape sequences in data.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..safe import visible
from . import View, text_console
from .humane import human_date, year_of

KIND_STYLES = {
    "decree": "bold red",
    "legislation": "magenta",
    "lawsuit": "yellow",
    "ruling": "bold yellow",
    "declaration": "cyan",
    "election": "bold blue",
    "mobilization": "green",
    "meeting": "blue",
    "report": "white",
    "measure": "bright_magenta",
}


# Below this width the title gets at least TITLE_SHARE of it (dates and kinds wrap); below
# STACKED_BELOW, columns are too narrow to read and each event becomes a block of lines.
COMPACT_BELOW = 100
STACKED_BELOW = 70
TITLE_SHARE = 0.4
DATE_WIDTH = 11  # `spring 2017`, `c. Jan 2017`; longer dates wrap between words
KIND_WIDTH = 8  # the longest short kind
_BORDERS = 13  # five vertical rules and one space each side of four cells
SHORT_KINDS = {"legislation": "legisl.", "declaration": "declar.", "mobilization": "mobiliz."}


def render(view: View) -> str:
    width = view.width or 100
    console, buffer = text_console(width, view.color)
    if width < STACKED_BELOW:
        _stacked(console, view)
    else:
        console.print(_table(view, width))
    count = len(view.events)
    console.print(Text(f"{count} event{'s' if count != 1 else ''}", style="dim"))
    return buffer.getvalue()


def _table(view: View, width: int) -> Table:
    compact = width < COMPACT_BELOW
    table = Table(title=Text(visible(view.title)), show_lines=False, expand=False, header_style="bold")
    if compact:  # fixed widths: dates wrap, kinds shorten, the title keeps at least TITLE_SHARE of the width
        flexible = width - DATE_WIDTH - KIND_WIDTH - _BORDERS
        title_width = max(int(width * TITLE_SHARE), flexible * 3 // 5)
        table.add_column("Date", width=DATE_WIDTH, overflow="fold")
        table.add_column("Kind", width=KIND_WIDTH, overflow="fold")
        table.add_column("Title", width=title_width, overflow="fold")
        table.add_column("Actors", width=flexible - title_width, overflow="fold")
    else:
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
        kind = SHORT_KINDS.get(event["kind"], event["kind"]) if compact else event["kind"]
        table.add_row(
            Text(human_date(event["date"])),
            Text(kind, style=KIND_STYLES[event["kind"]]),
            Text(visible(event["title"])),
            Text(", ".join(_actor(a) for a in event["actors"])),
        )
    return table


def _stacked(console: Console, view: View) -> None:
    """One block per event: date and kind, then the title and the actors indented; a rule between years."""
    console.print(Text(visible(view.title), style="bold"), justify="center")
    previous_year = None
    for event in view.events:
        year = year_of(event["start"] or "")
        if previous_year is not None and year != previous_year:
            console.rule(style="dim")
        elif previous_year is not None:
            console.print()
        previous_year = year
        heading = Text(human_date(event["date"]), style="bold")
        heading.append(" \u00b7 ")
        heading.append(event["kind"], style=KIND_STYLES[event["kind"]])
        console.print(heading, overflow="fold")
        _indented(console, Text(visible(event["title"])))
        if event["actors"]:
            _indented(console, Text(", ".join(_actor(a) for a in event["actors"]), style="dim"))


def _indented(console: Console, text: Text, indent: int = 2) -> None:
    """`text` wrapped to the console's width less `indent`, each line indented (no padding to the right)."""
    for line in text.wrap(console, console.width - indent, overflow="fold"):
        line.rstrip()
        console.print(Text(" " * indent) + line, overflow="fold", crop=False)


def _actor(actor: dict) -> str:
    name = visible(actor["name"])
    return f"{name} ({visible(actor['role'])})" if actor.get("role") else name
