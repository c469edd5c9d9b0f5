"""The date parser as it was before EDTF levels 0/1 in full (commit 9fac262), kept verbatim
as the baseline of `date_parsing.py`: the new parser must stay within 1.2x of it on the forms
it read. Benchmark code only; nothing in the tool imports it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# Season codes of EDTF level 1, northern hemisphere: (first month, number of months).
SEASONS = {21: ("spring", 3), 22: ("summer", 6), 23: ("autumn", 9), 24: ("winter", 12)}

_SINGLE = re.compile(
    r"(?P<year>\d{2}(?:\d\d|\dX|XX))"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?"
    r"(?P<qualifier>[~?%])?",
    re.ASCII,  # `\d` would also accept Arabic-Indic or fullwidth digits
)


class DateError(ValueError):
    """The text is not a date of the supported EDTF subset, or names no real day."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as written, with its span of days (None for an open end)."""

    text: str
    start: date | None
    end: date | None
    precision: str  # day, month, season, year, decade, century or interval
    approximate: bool = False
    uncertain: bool = False

    def __str__(self) -> str:
        return self.text

    @property
    def sort_start(self) -> str:
        """ISO first day, or "" for an open start: sorts before every real day."""
        return self.start.isoformat() if self.start else ""

    @property
    def sort_end(self) -> str:
        """ISO last day, or "~" for an open end: sorts after every real day."""
        return self.end.isoformat() if self.end else "~"


def parse_date(text: str) -> PartialDate:
    """Parse `text` (as written in an event file) into a `PartialDate`.

    Raises `DateError` with a message that says what is accepted.
    """
    text = text.strip()
    if "/" in text:
        return _parse_interval(text)
    return _parse_single(text)


def _parse_interval(text: str) -> PartialDate:
    first, _sep, last = text.partition("/")
    if "/" in last:
        raise DateError("an interval has exactly one `/` (`2017-01/2017-06`)")
    if first == ".." and last == "..":
        raise DateError("an interval needs at least one known end (`../2017` or `2017/..`)")
    start = None if first == ".." else _parse_single(first)
    end = None if last == ".." else _parse_single(last)
    if start and end and end.end < start.start:
        raise DateError(f"the interval ends ({last}) before it starts ({first})")
    parts = [p for p in (start, end) if p]
    return PartialDate(
        text=text,
        start=start.start if start else None,
        end=end.end if end else None,
        precision="interval",
        approximate=any(p.approximate for p in parts),
        uncertain=any(p.uncertain for p in parts),
    )


def _parse_single(part: str) -> PartialDate:
    match = _SINGLE.fullmatch(part)
    if not match:
        raise DateError(
            "not a date: write `2017-01-25`, `2017-01`, `2017`, a season (`2017-21` for "
            "spring 2017), `198X`, an interval (`2017-01/2017-06`), optionally with `~` or `?`"
        )
    year_text, month_text, day_text, qualifier = match.group("year", "month", "day", "qualifier")
    flags = {"approximate": qualifier in ("~", "%"), "uncertain": qualifier in ("?", "%")}
    if "X" in year_text:
        if (month_text or day_text) and (month_text != "XX" or day_text not in (None, "XX")):
            raise DateError("when the year has unspecified digits, month and day must be `XX` too")
        width = 10 if year_text.endswith("X") and not year_text.endswith("XX") else 100
        first_year = int(year_text.replace("X", "0"))
        _check_year(first_year)
        precision = "decade" if width == 10 else "century"
        return PartialDate(part, date(first_year, 1, 1), date(first_year + width - 1, 12, 31), precision, **flags)
    year = int(year_text)
    _check_year(year)
    if month_text is None:
        return PartialDate(part, date(year, 1, 1), date(year, 12, 31), "year", **flags)
    if month_text == "XX":
        if day_text not in (None, "XX"):
            raise DateError("a day cannot be given when the month is `XX`")
        return PartialDate(part, date(year, 1, 1), date(year, 12, 31), "year", **flags)
    month = int(month_text)
    if month in SEASONS:
        if day_text is not None:
            raise DateError("a season (21–24) takes no day")
        _name, first_month = SEASONS[month]
        start = date(year, first_month, 1)
        end_year, end_month = (year + 1, 2) if month == 24 else (year, first_month + 2)
        if end_year > 9999:
            raise DateError("years after 9999 are not supported")
        end = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        return PartialDate(part, start, end, "season", **flags)
    if not 1 <= month <= 12:
        raise DateError(f"month {month_text} does not exist (01–12, or 21–24 for seasons)")
    last_day = calendar.monthrange(year, month)[1]
    if day_text is None or day_text == "XX":
        return PartialDate(part, date(year, month, 1), date(year, month, last_day), "month", **flags)
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise DateError(f"day {day_text} does not exist in {calendar.month_name[month]} {year}")
    return PartialDate(part, date(year, month, day), date(year, month, day), "day", **flags)


def _check_year(year: int) -> None:
    if year < 1:
        raise DateError("year 0 and earlier are not supported")
