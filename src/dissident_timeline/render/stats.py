"""`timeline stats`: the figures of `stats.statistics` as bar charts and tables for the
terminal, as JSON, or (the counts of `--by`) as CSV.

Names come from event files: on the terminal they go into rich `Text` (never markup), in
CSV a cell that a spreadsheet would read as a formula is prefixed with `'`.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..safe import visible
from . import text_console
from .json import dumps

__all__ = ["render_stats"]

BAR = "█"
TOP_PAIRS = 20  # author → target pairs shown on the terminal (JSON has them all)


def render_stats(format_name: str, figures: dict[str, Any], color: bool = False, width: int = 100) -> str:
    if format_name == "json":
        return dumps(figures)
    if format_name == "csv":
        return _csv(figures)
    return _table(figures, color, width)


def _csv(figures: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if figures["by"] == "actor":
        writer.writerow(["actor_id", "actor", "events"])
        writer.writerows([row["key"], _cell(row["label"]), row["events"]] for row in figures["counts"])
    else:
        writer.writerow([figures["by"], "events"])
        writer.writerows([_cell(row["label"]), row["events"]] for row in figures["counts"])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """A cell a spreadsheet shows as text: no leading `= + - @` (or tab, CR) starts a formula."""
    text = visible(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _table(figures: dict[str, Any], color: bool, width: int) -> str:
    from rich.table import Table
    from rich.text import Text

    console, buffer = text_console(width, color)

    def heading(text: str) -> None:
        console.print()
        console.print(Text(text, style="bold underline"))

    total = figures["events"]
    console.print(Text(f"{total} event{'s' if total != 1 else ''}, by {figures['by']}", style="bold"))
    rows = figures["counts"]
    labels = [visible(row["label"]) for row in rows]
    label_width = min(max((len(label) for label in labels), default=0), max(width // 3, 10))
    count_width = len(str(max((row["events"] for row in rows), default=0)))
    bar_width = max(width - label_width - count_width - 4, 10)
    top = max((row["events"] for row in rows), default=1)
    chart = Table.grid(padding=(0, 1))
    chart.add_column(max_width=label_width, overflow="fold")
    chart.add_column(justify="right")
    chart.add_column(no_wrap=True)
    for label, row in zip(labels, rows, strict=True):
        length = max(1, round(row["events"] / top * bar_width))
        chart.add_row(Text(label), Text(str(row["events"])), Text(BAR * length, style="cyan"))
    console.print(chart)

    heading("Slugs in use")
    for name, entries in figures["slugs"].items():
        line = Text(f"{name} ({len(entries)}): ", style="bold")
        line.append(", ".join(f"{entry['slug']} ({entry['events']})" for entry in entries) or "none")
        console.print(line)

    heading("Who acts on whom (author → target, events)")
    pairs = figures["actor_pairs"]
    if pairs:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right")
        grid.add_column(overflow="fold")
        for pair in pairs[:TOP_PAIRS]:
            grid.add_row(
                Text(str(pair["events"])),
                Text(f"{visible(pair['author']['name'])} → {visible(pair['target']['name'])}"),
            )
        console.print(grid)
        if len(pairs) > TOP_PAIRS:
            console.print(
                Text(f"… and {len(pairs) - TOP_PAIRS} more pairs (--format json lists them all)", style="dim")
            )
    else:
        console.print(Text("no event has both an author and a target", style="dim"))

    heading("Response delays (days from an event to each event that responds to it)")
    delays = figures["response_delays"]
    table = Table(box=None, padding=(0, 1), header_style="bold", show_edge=False)
    for column in ("controversy", "pairs", "in days", "not computable", "min", "q1", "median", "q3", "max"):
        table.add_column(column, justify="left" if column == "controversy" else "right", overflow="fold")
    for group in [{"controversy": "all", **delays}, *delays["by_controversy"]]:
        table.add_row(
            Text(visible(group["controversy"])),
            *(
                Text("n/a" if group[key] is None else str(group[key]))
                for key in ("pairs", "computable", "not_computable", "min", "q1", "median", "q3", "max")
            ),
        )
    console.print(table)
    console.print(
        Text(
            "A delay is computed only between two events dated to the day; other pairs are counted as not computable.",
            style="dim",
        )
    )
    text = buffer.getvalue()
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))
