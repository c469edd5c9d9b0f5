"""`--format markwhen`: a markwhen document (https://markwhen.com), as @markwhen/parser reads it.

A header (`title`, `description`), then events without a controversy, then one `# group`
heading per controversy, in order of first appearance. Each event is one line,
`DATE: title #kind #register...`, followed by its properties: `id` (so that markwhen can
refer to it) and, when markwhen's date is not exactly what the author wrote, `edtf`.

Markwhen dates are EDTF's plain dates: `2017`, `2017-01`, `2017-01-25`, `2017-01-25 16:30`,
and ranges `A/B`; years BC are `45 BC` (years only). What markwhen cannot say becomes the
nearest range, with the date as written kept in the `edtf` property:

| written | markwhen | why |
|---|---|---|
| `2017-21` (spring) | `2017-03/2017-05` | no seasons |
| `198X`, `19XX` | `1980/1989`, `1900/1999` | no unspecified digits |
| `2017-03~`, `2017?` | `2017-03`, `2017` | no qualifiers |
| `2017-06/..`, `1985/` | `2017-06` | no open or unknown end: the known end's span |
| `-0044-03-15` | `45 BC` | years BC (and after 9999) are years only, up to 99999 |
| `2017-01-25T16:30:05+01:00` | `2017-01-25 16:30` | no seconds; the zone is in `edtf` |

Titles are markwhen (Markdown) text: `#` would start a tag, `[ ]` a checkbox, `!id` or
`.start` a reference to another event, `*`, `_`, `<`... markup. Every such character is
backslash-escaped (`!` and that `.` as HTML entities, `&#33;`, which markwhen cannot take for
a reference), so a title reads as written and adds no tag.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from . import View
from .dateparts import DateRange, Point, date_range

__all__ = ["escape", "markwhen_date", "render"]

MAX_ERA_YEAR = 99999  # markwhen's `45 BC` notation takes up to five digits
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&${}()])")
# `!id`, `.start` and `.end` refer to events in markwhen, even after a backslash: written as
# HTML entities (`&#33;`), which markwhen's Markdown shows as the character.
_REFERENCE = re.compile(r"!|(?<!\w)\.(?=start|end)", re.ASCII)


def render(view: View) -> str:
    count = len(view.events)
    lines = [
        "---",
        f"title: {_yaml_string(view.title)}",
        f"description: {_yaml_string(f'{count} event' + ('s' if count != 1 else ''))}",
        "---",
        "",
    ]
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in view.events:
        groups[event.get("controversy") or ""].append(event)
    for event in groups.pop("", []):
        lines += _event(event)
    for controversy, events in groups.items():
        lines += [f"# {controversy}", ""]
        for event in events:
            lines += _event(event)
    return "\n".join(lines).rstrip("\n") + "\n"


def _event(event: dict[str, Any]) -> list[str]:
    when, exact = markwhen_date(date_range(event["date"]))
    tags = "".join(f" #{tag}" for tag in (event["kind"], *event["registers"]))
    lines = [f"{when}: {escape(event['title'])}{tags}", f"id: {event['id']}"]
    if not exact:
        lines.append(f"edtf: {_yaml_string(event['date'])}")
    return [*lines, ""]


def markwhen_date(span: DateRange) -> tuple[str, bool]:
    """Markwhen's date for a range, and whether it says exactly what was written."""
    first, last = span.first or span.last, span.last or span.first
    assert first is not None and last is not None  # a date has at least one known end
    if not (1 <= first.year <= 9999 and 1 <= last.year <= 9999):
        return _bc_years(first.year, last.year), False
    exact = span.exact and all(_exact(point) for point in (first, last))
    if first == last:
        return _point(first), exact
    return f"{_point(first)}/{_point(last)}", exact


def _point(point: Point) -> str:
    text = f"{point.year:04d}"
    if point.month is not None:
        text += f"-{point.month:02d}"
        if point.day is not None:
            text += f"-{point.day:02d}"
            if point.time is not None:
                text += " " + point.time[:5]
    return text


def _exact(point: Point) -> bool:
    """Whether markwhen's text for the point keeps all of it (no seconds, no zone, 4-digit year)."""
    return point.year <= 9999 and point.zone is None and (point.time is None or len(point.time) == 5)


def _bc_years(first: int, last: int) -> str:
    """`45 BC`, `45 BC-44 BC`, `45 BC-10 AD`, `12000 AD`: markwhen's era notation, for years
    its dates cannot write (before 1, after 9999). It has years only, up to five digits:
    a year beyond is written as the nearest it has (99999 BC or AD)."""

    def year(value: int) -> str:
        return f"{min(1 - value, MAX_ERA_YEAR)} BC" if value < 1 else f"{min(value, MAX_ERA_YEAR)} AD"

    return year(first) if first == last else f"{year(first)}-{year(last)}"


def escape(text: str) -> str:
    """A title on one line, with markwhen's and Markdown's special characters backslash-escaped
    (`!` and the `.` of `.start` as entities: markwhen reads them as references even escaped)."""
    escaped = _SPECIAL.sub(r"\\\1", " ".join(str(text).split())) or "-"
    return _REFERENCE.sub(lambda match: f"&#{ord(match.group())};", escaped)


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string (JSON's syntax is YAML's), with `#` spelled `\\u0023`:
    @markwhen/parser rewrites `#word` in header lines before YAML reads them."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False).replace("#", "\\u0023")
