"""`--format csv`: one row per event, for spreadsheets and for TimelineJS.

The first columns are TimelineJS's sheet template (`Year` … `Background`), filled as
TimelineJS reads them: dates in its numbering, only the parts written, `Headline` and
`Text` as HTML with author text escaped. The research columns follow (`id`, `date`,
`start`, `end` … `file`), as in the JSON output; lists are joined by `; `.

RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
a line break; UTF-8, with a byte-order mark under `--bom` (Excel needs it to read UTF-8).
A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`,
a tab or a carriage return) gets a leading `'`; the numeric columns (`Year`, `Month` …)
are never touched, so a year BC stays the number `-45`. Control and bidi characters in
text are written as `\\u001b`, as in every other output.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..safe import visible
from . import View
from .dateparts import date_range
from .humane import human_date
from .relations import both_ways
from .timelinejs import escape, slide_text, tl_dates

__all__ = ["COLUMNS", "neutralise", "render"]

TIMELINEJS_COLUMNS = (
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
)
RESEARCH_COLUMNS = (
    "id",
    "date",
    "start",
    "end",
    "precision",
    "approximate",
    "uncertain",
    "kind",
    "controversy",
    "registers",
    "tags",
    "actors",
    "sources",
    "relations",
    "file",
)
COLUMNS = TIMELINEJS_COLUMNS + RESEARCH_COLUMNS
NUMERIC = frozenset(("Year", "Month", "Day", "End Year", "End Month", "End Day"))
# What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def render(view: View) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # the csv module's default dialect is RFC 4180's
    writer.writerow(COLUMNS)
    related = both_ways(view.events)
    titles = {event["id"]: event["title"] for event in view.events}
    for event in view.events:
        row = _row(event, slide_text(event, related.get(event["id"], []), titles))
        writer.writerow(
            [cell if column in NUMERIC else neutralise(cell) for column, cell in zip(COLUMNS, row, strict=True)]
        )
    return (BOM if view.options.get("bom", False) else "") + out.getvalue()


def _row(event: dict[str, Any], text: str) -> list[Any]:
    start, end = tl_dates(date_range(event["date"]))
    end = end or {}
    return [
        start["year"],
        start.get("month", ""),
        start.get("day", ""),
        _time(start),
        end.get("year", ""),
        end.get("month", ""),
        end.get("day", ""),
        _time(end),
        human_date(event["date"]),
        escape(" ".join(event["title"].split())),
        text,
        "",
        "",
        "",
        "",
        "",
        event.get("controversy") or "",
        "",
        event["id"],
        event["date"],
        event["start"] or "",
        event["end"] or "",
        event["precision"],
        _bool(event["approximate"]),
        _bool(event["uncertain"]),
        event["kind"],
        event.get("controversy") or "",
        "; ".join(event["registers"]),
        "; ".join(event["tags"]),
        "; ".join(
            f"{actor['id']} ({actor['role']})" if actor.get("role") else actor["id"] for actor in event["actors"]
        ),
        "; ".join(_source(source) for source in event["sources"]),
        "; ".join(f"{relation['type']} {relation['event']}" for relation in event["relations"]),
        event["file"],
    ]


def _time(parts: dict[str, Any]) -> str:
    """`16:30` or `16:30:05`, as TimelineJS's `Time` column reads it; "" without a time."""
    if "hour" not in parts:
        return ""
    time = f"{parts['hour']:02d}:{parts['minute']:02d}"
    return f"{time}:{parts['second']:02d}" if "second" in parts else time


def _source(source: dict[str, Any]) -> str:
    """`Title, Outlet, 2017-01-30, https://…`: the parts a source has, in that order."""
    return ", ".join(
        " ".join(str(source[key]).split()) for key in ("title", "outlet", "date", "page", "url") if source.get(key)
    )


def _bool(value: bool) -> str:
    return "true" if value else "false"


def neutralise(cell: Any) -> str:
    """A text cell that no spreadsheet runs (a leading `'` before `= + - @`, tab or CR), and
    that cannot drive a terminal (control and bidi characters shown as `\\u001b`)."""
    text = str(cell)
    return ("'" if text.startswith(FORMULA_START) else "") + visible(text)
