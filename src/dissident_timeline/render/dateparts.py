"""Dates as the export formats need them: at each end, only the parts the author wrote.

TimelineJS, spreadsheets and markwhen know plain dates (a year, a month, a day, a time),
not EDTF's seasons, unspecified digits, qualifiers or open ends. `date_range` reads a date
as written (already validated by `dates.parse_date`) into a `DateRange`: its first and
last `Point`, each with only the parts written, and whether that pair says exactly what
was written (`exact`). A format that cannot say more puts the rest in its display text or
a property.

Each export converts a `DateRange` with one function of its own (`timelinejs.tl_date`,
`markwhen.markwhen_date`...), so that a new kind of date is handled here once, then in
one function per format. This module already reads times (`T16:30:00Z`), years before
1 (`-0044`, astronomical numbering: `0000` is 1 BC), `Y`-years and unknown ends (`1985/`),
as SPEC §7 writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .humane import human_year

__all__ = ["DateRange", "Point", "date_range", "start_month", "year_heading"]

# One end of a date, as EDTF writes it (the text is already valid: this only takes it apart).
_PART = re.compile(
    r"(?P<year>Y-?\d+|-?[\dX]{4})"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?"
    r"(?:T(?P<time>\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(?P<zone>Z|[+-]\d\d(?::?\d\d)?)?)?"
    r"(?P<qualifier>[~?%])?",
    re.ASCII,
)
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}  # first and last month


@dataclass(frozen=True)
class Point:
    """One end of a date: only the parts written (None for the others)."""

    year: int  # astronomical numbering, as EDTF: 0 is 1 BC, -44 is 45 BC
    month: int | None = None
    day: int | None = None
    time: str | None = None  # "16:30:00" or "16:30", as written, without its zone
    zone: str | None = None  # "Z", "+01:00", "-05"


@dataclass(frozen=True)
class DateRange:
    """A date as its first and last point; None at an end that is open (`..`) or unknown."""

    text: str  # the date as written
    first: Point | None
    last: Point | None
    first_bound: str = "known"  # known, open or unknown
    last_bound: str = "known"
    exact: bool = True  # plain dates at both ends, no qualifier: first..last says all that was written

    @property
    def single(self) -> bool:
        """One point in time (a day, a month, a year, a moment): first and last are the same."""
        return self.first is not None and self.first == self.last


def date_range(text: str) -> DateRange:
    """The first and last points of `text`, a valid EDTF date of the format (levels 0 and 1)."""
    if "/" not in text:
        single_first, single_last, exact = _ends(text)
        return DateRange(text, single_first, single_last, exact=exact)
    start_text, end_text = text.split("/", 1)
    first: Point | None = None
    last: Point | None = None
    first_exact = last_exact = False
    if _bound(start_text) == "known":
        first, _, first_exact = _ends(start_text)
    if _bound(end_text) == "known":
        _, last, last_exact = _ends(end_text)
    return DateRange(text, first, last, _bound(start_text), _bound(end_text), exact=first_exact and last_exact)


def _bound(text: str) -> str:
    return {"..": "open", "": "unknown"}.get(text, "known")


def _ends(text: str) -> tuple[Point, Point, bool]:
    """First and last point of one EDTF date (no `/`), and whether they say it exactly."""
    match = _PART.fullmatch(text)
    if not match:
        raise ValueError(f"not an EDTF date: {text!r}")
    year_text, month_text, day_text, time, zone, qualifier = match.group(
        "year", "month", "day", "time", "zone", "qualifier"
    )
    exact = qualifier is None
    if "X" in year_text:  # 198X: the decade; 19XX: the century (month and day are XX, if written)
        low, high = int(year_text.replace("X", "0")), int(year_text.replace("X", "9"))
        return Point(min(low, high)), Point(max(low, high)), False
    year = int(year_text.lstrip("Y"))
    if month_text in (None, "XX"):
        return Point(year), Point(year), exact and month_text is None
    month = int(month_text)
    if month in _SEASON_MONTHS:
        first_month, last_month = _SEASON_MONTHS[month]
        return Point(year, first_month), Point(year + (last_month < first_month), last_month), False
    if day_text in (None, "XX"):
        return Point(year, month), Point(year, month), exact and day_text is None
    point = Point(year, month, int(day_text), time, zone)
    return point, point, exact


def year_heading(text: str) -> str:
    """The year where a date starts, as a person reads it (`2017`, `45 BC`): Markdown and
    Mermaid file each event under it. An open start (`../2016`) is `Until 2016`; an unknown
    start (`/2016`) is placed, as the corpus order places it, by its known end's span. Events
    come in corpus order, so each heading comes once, in one run."""
    span = date_range(text)
    if span.first is not None:
        return human_year(span.first.year)
    end_text = text.split("/", 1)[1]
    if span.first_bound == "unknown":
        return human_year(_ends(end_text)[0].year)
    return f"Until {human_year(_ends(end_text)[0].year)}"


def start_month(text: str) -> int | None:
    """The month the author wrote at the start of a date (`2017-03`, `2017-03-05/2017-06`),
    or None (a year, a season, a decade, an open start)."""
    match = _PART.match(text.split("/", 1)[0])
    month = match.group("month") if match else None
    return int(month) if month and month != "XX" and int(month) <= 12 else None
