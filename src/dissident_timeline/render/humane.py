"""Dates as a person reads them: `25 Jan 2017`, `25 Jan 2017, 16:30 UTC−5`, `spring 2017`,
`c. Mar 2017`, `1980s`, `20th century`, `15 Mar 45 BC`, `1985 – ?`, `Mar 2017 – Apr 2017`.

Years before 1 are written BC: ISO 8601 counts astronomically, so `0000` is 1 BC and `-0044`
is 45 BC. Years before AD 1000 get `AD` (`15 Mar AD 44`), years beyond four digits their
thousands separated (`170,000,002`). English month names are spelled out here rather than
taken from `strftime`, and numbers are grouped by hand, so output does not depend on the locale.
"""

from __future__ import annotations

from ..dates import SEASONS, PartialDate, parse_date

__all__ = ["human_date", "human_year", "year_of"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MINUS = "\u2212"  # a real minus sign in `UTC−5`, as in print


def human_date(text: str) -> str:
    """`2017-01-25` -> `25 Jan 2017`; `2017-01/2017-06` -> `Jan 2017 – Jun 2017`; `1985/` -> `1985 – ?`."""
    if "/" in text:
        first, last = text.split("/", 1)
        return f"{_end(first)} – {_end(last)}"
    return _single(text)


def year_of(day: str) -> str:
    """The year part of an ISO day of a record (`-0044-03-15` -> `-0044`)."""
    return day.rsplit("-", 2)[0]


def human_year(year: int) -> str:
    """`2017`, `AD 44`, `45 BC` (for -0044), `170,000,002`."""
    if year <= 0:
        return f"{_grouped(1 - year)} BC"
    if year < 1000:
        return f"AD {year}"
    return _grouped(year)


def _end(part: str) -> str:
    if part == "..":
        return "…"
    return _single(part) if part else "?"


def _single(text: str) -> str:
    qualifier = text[-1] if text[-1] in "~?%" else ""
    core = text[:-1] if qualifier else text
    parsed = parse_date(core)
    shown = _shown(core, parsed)
    if qualifier in ("~", "%"):
        shown = f"c. {shown}"
    if qualifier in ("?", "%"):
        shown = f"{shown}?"
    return shown


def _shown(core: str, parsed: PartialDate) -> str:
    assert parsed.start is not None and parsed.end is not None
    start, year = parsed.start, parsed.start.year
    if parsed.precision in ("decade", "century"):
        if year < 0 or parsed.end.year <= 0:
            return f"{human_year(year)} – {human_year(parsed.end.year)}"
        if parsed.precision == "decade":
            return f"{year}s"
        return f"{_ordinal(year // 100 + 1)} century"
    if parsed.precision == "season":
        return f"{SEASONS[int(core[-2:])][0]} {human_year(year)}"
    if parsed.precision == "month":
        return f"{MONTHS[start.month - 1]} {human_year(year)}"
    if parsed.precision == "day":
        day = f"{start.day} {MONTHS[start.month - 1]} {human_year(year)}"
        return f"{day}, {_time(parsed.start_time)}" if parsed.start_time else day
    return human_year(year)


def _time(text: str) -> str:
    """`16:30:00-05:00` -> `16:30 UTC−5`; `16:30:05Z` -> `16:30:05 UTC`; `09:00:00` -> `09:00`."""
    clock, zone = text[:8], text[8:]
    shown = clock[:5] if clock.endswith(":00") else clock
    if not zone:
        return shown
    if zone == "Z":
        return f"{shown} UTC"
    hours, minutes = int(zone[1:3]), zone[4:6]
    if hours == 0 and minutes == "00":
        return f"{shown} UTC"
    sign = MINUS if zone[0] == "-" else "+"
    return f"{shown} UTC{sign}{hours}" + (f":{minutes}" if minutes != "00" else "")


def _grouped(number: int) -> str:
    """`170000002` -> `170,000,002`; four digits stay as they are (`2017`)."""
    digits = str(number)
    if len(digits) <= 4:
        return digits
    head = len(digits) % 3 or 3
    return ",".join([digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)])


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
