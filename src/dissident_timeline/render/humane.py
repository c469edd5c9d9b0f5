"""Dates as a person reads them: `25 Jan 2017`, `spring 2017`, `c. Mar 2017`, `1980s`,
`20th century`, `Mar 2017 – Apr 2017`.

English month names are spelled out here rather than taken from `strftime`, so that
output does not depend on the locale.
"""

from __future__ import annotations

from ..dates import SEASONS, parse_date

__all__ = ["human_date"]

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(text: str) -> str:
    """`2017-01-25` -> `25 Jan 2017`; `2017-01/2017-06` -> `Jan 2017 – Jun 2017`."""
    if "/" in text:
        first, last = text.split("/", 1)
        return f"{_single(first) if first != '..' else '…'} – {_single(last) if last != '..' else '…'}"
    return _single(text)


def _single(text: str) -> str:
    qualifier = text[-1] if text[-1] in "~?%" else ""
    core = text.rstrip("~?%")
    parsed = parse_date(core)
    year = core[:4]
    if parsed.precision == "decade":
        shown = f"{year[:3]}0s"
    elif parsed.precision == "century":
        shown = f"{_ordinal(int(year[:2]) + 1)} century"
    elif parsed.precision == "season":
        shown = f"{SEASONS[int(core[5:7])][0]} {year}"
    elif parsed.precision == "day":
        shown = f"{parsed.start.day} {MONTHS[parsed.start.month - 1]} {year}"
    elif parsed.precision == "month":
        shown = f"{MONTHS[parsed.start.month - 1]} {year}"
    else:
        shown = year
    if qualifier in ("~", "%"):
        shown = f"c. {shown}"
    if qualifier in ("?", "%"):
        shown = f"{shown}?"
    return shown


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
