"""Dates as people type them in queries (`--since`, `--until`).

Everything an event file accepts (EDTF levels 0 and 1), and plain English where it is
unambiguous: `Jan 2017`, `25 January 2017`, `25 January 2017 4pm`, `autumn 2017`,
`44 BC`, `15 March 44 BC`. The result is always a `PartialDate` with the precision the user
wrote: `April 2017` spans the whole month. A numeric day such as `01/10/2017` (1 October in
Europe, 10 January in America) is refused with both unambiguous spellings, as in files.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .dates import MONTH_NAMES, SEASONS, DateError, PartialDate, days_in_month, parse_date

__all__ = ["parse_query_date"]

_EDTF_LIKE = re.compile(r"[0-9.X~?%/+:TZY-]+", re.ASCII)
_NUMERIC_DAY = re.compile(r"(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}(?![0-9])", re.ASCII)
_SEASON = re.compile(r"(spring|summer|autumn|fall|winter)\s+(-?[0-9]{4})", re.IGNORECASE | re.ASCII)
_BC = re.compile(
    r"(?:(?P<day>[0-9]{1,2})\s+)?(?:(?P<month>[a-z]+)\.?\s+(?:(?P<day_after>[0-9]{1,2}),?\s+)?)?"
    r"(?P<year>[0-9]{1,9})\s*(?:BC|BCE|B\.C\.|B\.C\.E\.)",
    re.IGNORECASE | re.ASCII,
)
_MONTHS = {
    name.lower(): number
    for number, full in enumerate(MONTH_NAMES, 1)
    for name in (full, full[:3], "sept" if full == "September" else full)
}
_SEASON_CODES = {name: code for code, (name, _month) in SEASONS.items()} | {"fall": 23}
_HELP = "write `2017-04`, `April 2017`, `25 April 2017`, `25 April 2017 4pm`, `autumn 2017` or `44 BC`"


def parse_query_date(text: str) -> PartialDate:
    """`text` as a partial date; raises `DateError` with a message that says what to write."""
    text = " ".join(text.split())
    if _EDTF_LIKE.fullmatch(text):
        return parse_date(text)
    numeric = _NUMERIC_DAY.search(text)
    if numeric:
        return parse_date(numeric.group())  # raises, showing the unambiguous spellings
    season = _SEASON.fullmatch(text)
    if season:
        name, year = season.groups()
        return parse_date(f"{year}-{_SEASON_CODES[name.lower()]}")
    before_christ = _BC.fullmatch(text)
    if before_christ:
        return _before_christ(text, before_christ)
    return _english(text)


def _before_christ(text: str, match: re.Match[str]) -> PartialDate:
    """`44 BC` is the astronomical year -0043 (there is no year 0 between 1 BC and AD 1)."""
    year = 1 - int(match.group("year"))
    if year > 0:
        raise DateError("there is no year 0 BC: 1 BC is the year before AD 1")
    written = f"-{-year:04d}" if year < 0 else "0000"
    month_name, day = match.group("month"), match.group("day") or match.group("day_after")
    if month_name is None:
        if day:
            raise DateError(f"it has a day but no month; {_HELP}")
        return parse_date(written)
    month = _MONTHS.get(month_name.lower())
    if month is None:
        raise DateError(f"`{month_name}` is not a month; {_HELP}")
    if day is None:
        return parse_date(f"{written}-{month:02d}")
    if not 1 <= int(day) <= days_in_month(year, month):
        raise DateError(f"day {day} does not exist in {MONTH_NAMES[month - 1]} {match.group('year')} BC")
    return parse_date(f"{written}-{month:02d}-{int(day):02d}")


def _english(text: str) -> PartialDate:
    """dateutil fills missing parts from a default date; parsing with two different defaults
    shows which parts the user really wrote, so `April 2017` spans the whole month and
    `25 April 2017 4pm` is a moment (4pm being 16:00, whatever the default minute)."""
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime(2000, 1, 1, 0, 0, 0))
        second = parser.parse(text, default=datetime(2001, 2, 2, 1, 1, 1))
    except (ValueError, OverflowError, parser.ParserError):
        raise DateError(_HELP) from None
    if first.year != second.year:
        raise DateError(f"it has no year: write `{text} 2017`")
    if first.month != second.month:
        if first.day != second.day and first.day != 1:
            raise DateError(f"it has a day but no month; {_HELP}")
        return parse_date(f"{first.year:04d}")
    if first.day != second.day:
        return parse_date(f"{first.year:04d}-{first.month:02d}")
    day = f"{first.year:04d}-{first.month:02d}-{first.day:02d}"
    if first.hour != second.hour:
        return parse_date(day)
    minute = first.minute if first.minute == second.minute else 0
    second_text = f":{first.second:02d}" if first.second == second.second else ""
    return parse_date(f"{day}T{first.hour:02d}:{minute:02d}{second_text}{_zone(first)}")


def _zone(moment: datetime) -> str:
    """`Z`, `+01:00`, or "" for a time without zone (a named zone dateutil cannot resolve)."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    if offset == timedelta(0):
        return "Z"
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
