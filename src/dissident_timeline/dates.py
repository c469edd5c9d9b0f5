"""Partial dates: EDTF (ISO 8601-2) levels 0 and 1, as event files and queries write them.

A `PartialDate` keeps the text as written and knows its span: the first and last day it
can mean. A date is never given a day or month that the author did not write: `2017-04`
spans the whole of April, and `--until 2017-04` includes 30 April.

Days are `Day(year, month, day)` tuples in the proleptic Gregorian calendar with ISO 8601
astronomical years: `0000` is 1 BC and `-0044` is 45 BC. Python's `datetime.date` stops at
years 1 and 9999, EDTF does not (`Y-170000002`), so days are plain integers here.

Ordering goes through `start_key`/`end_key`, tuples that sort in time order (string order
of ISO text does not: `-0044` sorts after `-0001` as text). Within a day a moment sorts by
its instant (its offset honoured, a time without offset taken as UTC), and a date without
a time spans the whole day: it starts before and ends after every moment of that day.

Level 2 forms (sets, exponents, component qualification...) are refused with a message
that names the feature. This module is pure and uses only the standard library: it runs
for every date of every event, in microseconds (the `edtf` package takes milliseconds).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["KNOWN", "OPEN", "SEASONS", "UNKNOWN", "DateError", "Day", "PartialDate", "days_in_month", "parse_date"]

# Season codes of EDTF level 1, northern hemisphere: (name, first month).
SEASONS = {21: ("spring", 3), 22: ("summer", 6), 23: ("autumn", 9), 24: ("winter", 12)}
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Bounds of an interval's ends: written, `..` (open), or left empty (unknown).
KNOWN, OPEN, UNKNOWN = "known", "open", "unknown"

# Sort keys: (0,) before every day, (2,) after every day, else (1, year, month, day, within).
# `within` orders inside a day: 0 is the start of an untimed day, _WHOLE_DAY_END its end,
# and a moment is _MOMENT_BASE + its seconds from midnight UTC of the day written (which
# an offset can make negative or above 86,400: offsets stay within ±14 h).
_OPEN_START: tuple[int, ...] = (0,)
_OPEN_END: tuple[int, ...] = (2,)
_MOMENT_BASE = 100_001
_WHOLE_DAY_END = 1_000_000
_MAX_OFFSET_MINUTES = 14 * 60

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_SINGLE = re.compile(
    r"(?:Y(?P<long>-?[0-9]+)"
    r"|(?P<year>-?[0-9]{2}(?:[0-9]{2}|[0-9]X|XX))"
    r"(?:-(?P<month>[0-9]{2}|XX)(?:-(?P<day>[0-9]{2}|XX)"
    r"(?:T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?"
    r"(?P<zone>Z|[+-][0-9]{2}(?::[0-9]{2})?)?)?)?)?)"
    r"(?P<qualifier>[~?%])?",
    re.ASCII,  # `[0-9]` only: no Arabic-Indic or fullwidth digits
)

GENERIC_HELP = (
    "not a date: write `2017-01-25`, `2017-01`, `2017`, a moment (`2017-01-25T16:30`, "
    "`2017-01-25T16:30:00-05:00`), a season (`2017-21` for spring 2017), `198X`, a year before 1 "
    "(`-0044`), an interval (`2017-01/2017-06`, `1985/..`, `1985/`), optionally with `~`, `?` or `%`"
)

_X_FEATURE = (
    "unspecified digits beyond level 1 (three or four `X` in a year, or an `X` inside a date: "
    "`1XXX`, `156X-12-25`, `1984-1X`)"
)
_X_ADVICE = "only the last one or two digits of a year (`198X`, `19XX`), or a whole month or day (`XX`), can be X"

# EDTF level 2 features, told apart only once a text failed to parse (never on the fast path).
_LEVEL2 = (
    (
        re.compile(r"^\s*[\[{]|[\]}]\s*$"),
        "a set of dates (`[1667,1668]` one of, `{1667,1668}` all of)",
        "write one date or an interval (`1667/1672`)",
    ),
    (re.compile(r"^Y-?[0-9]+E[0-9]"), "an exponential year (`Y17E7`)", "write the year in full (`Y170000000`)"),
    (re.compile(r"[0-9]S[0-9]+$"), "significant digits (`1950S2`)", "write the years meant (`19XX`, `1900/1999`)"),
    (
        re.compile(r"^-?[0-9]{4}-(?:2[5-9]|3[0-9]|4[01])(?:[~?%]|$)"),
        "a sub-year grouping (codes 25–41: southern seasons, quarters, quadrimesters, semesters)",
        "write the months as an interval (`2001-04/2001-06`) or a northern season (21–24)",
    ),
    (
        re.compile(r"[~?%]-|-[~?%]|^[~?%]"),
        "qualification of one component (`2004-?06-11`, `2004?-06-11`)",
        "qualify the whole date at its end (`2004-06-11?`)",
    ),
    (re.compile(r"\^"), "a qualified season (`2001-21^...`)", "write the season alone (`2001-21`)"),
    (re.compile(r"^-?[0-9X]{4}(?:-[0-9X]{2}){0,2}[~?%]?$"), _X_FEATURE, _X_ADVICE),
)
_NUMERIC_DAY = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2,4})", re.ASCII)
_YEAR_FIRST_SLASHES = re.compile(r"(-?[0-9]{4})/([0-9]{1,2})/([0-9]{1,2})", re.ASCII)


class DateError(ValueError):
    """The text is not a date of EDTF levels 0 and 1, or names no real day or time."""


class Day(NamedTuple):
    """A calendar day; any integer year, astronomical (0 is 1 BC). Tuples sort in time order."""

    year: int
    month: int
    day: int

    def isoformat(self) -> str:
        """`2017-01-25`, `-0044-03-15`, `170000002-01-01`: EDTF's year, then month and day."""
        year = self.year
        return f"{'-' if year < 0 else ''}{abs(year):04d}-{self.month:02d}-{self.day:02d}"

    def ordinal(self) -> int:
        """Days since 1970-01-01 (negative before), for any year (H. Hinnant's days_from_civil)."""
        year = self.year - (self.month <= 2)
        era = year // 400
        year_of_era = year - era * 400
        day_of_year = (153 * (self.month + (-3 if self.month > 2 else 9)) + 2) // 5 + self.day - 1
        day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
        return era * 146097 + day_of_era - 719468


class PartialDate(NamedTuple):
    """A date as written, with its span of days and what ordering needs.

    `start`/`end` are None for an open (`..`) or unknown (empty) end; `start_bound`/`end_bound`
    say which. `start_time`/`end_time` are `16:30:00`, `16:30:00-05:00`, `16:30:00Z` or None.
    `start_key`/`end_key` sort in time order; an unknown end takes the known end's span.
    """

    text: str
    start: Day | None
    end: Day | None
    precision: str  # day, month, season, year, decade, century or interval
    approximate: bool = False
    uncertain: bool = False
    start_time: str | None = None
    end_time: str | None = None
    start_bound: str = KNOWN
    end_bound: str = KNOWN
    start_key: tuple[int, ...] = _OPEN_START
    end_key: tuple[int, ...] = _OPEN_END

    def __str__(self) -> str:
        return self.text


def days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month - 1]


def parse_date(text: str) -> PartialDate:
    """Parse `text` (as written in an event file) into a `PartialDate`.

    Raises `DateError` with a message that says what is accepted.
    """
    text = text.strip()
    if "/" in text:
        return _parse_interval(text)
    return _parse_single(text)


def _parse_interval(text: str) -> PartialDate:
    first, _, last = text.partition("/")
    if "/" in last:
        raise DateError(_numeric_day_help(text) or "an interval has exactly one `/` (`2017-01/2017-06`)")
    if first in ("", "..") and last in ("", ".."):
        raise DateError("an interval needs at least one known end (`../2017`, `2017/..`, `2017/`)")
    start = _parse_single(first) if first not in ("", "..") else None
    end = _parse_single(last) if last not in ("", "..") else None
    if start is not None and end is not None:
        _check_order(start, end, first, last)
    if start is None:
        assert end is not None
        start_bound = OPEN if first == ".." else UNKNOWN
        start_key = _OPEN_START if first == ".." else end.start_key
        return PartialDate(
            text,
            None,
            end.end,
            "interval",
            end.approximate,
            end.uncertain,
            None,
            end.end_time,
            start_bound,
            KNOWN,
            start_key,
            end.end_key,
        )
    if end is None:
        end_bound = OPEN if last == ".." else UNKNOWN
        end_key = _OPEN_END if last == ".." else start.end_key
        return PartialDate(
            text,
            start.start,
            None,
            "interval",
            start.approximate,
            start.uncertain,
            start.start_time,
            None,
            KNOWN,
            end_bound,
            start.start_key,
            end_key,
        )
    return PartialDate(
        text,
        start.start,
        end.end,
        "interval",
        start.approximate or end.approximate,
        start.uncertain or end.uncertain,
        start.start_time,
        end.end_time,
        KNOWN,
        KNOWN,
        start.start_key,
        end.end_key,
    )


def _check_order(start: PartialDate, end: PartialDate, first: str, last: str) -> None:
    """An interval may not end before it starts; two moments compare as instants."""
    if start.start_time is not None and end.end_time is not None:
        reversed_ = _instant(end.end_key) < _instant(start.start_key)
    else:
        reversed_ = end.end_key < start.start_key
    if reversed_:
        raise DateError(f"the interval ends ({last}) before it starts ({first})")


def _instant(key: tuple[int, ...]) -> int:
    """Seconds since 1970-01-01T00:00Z of a moment's key."""
    return Day(key[1], key[2], key[3]).ordinal() * 86400 + key[4] - _MOMENT_BASE


def _parse_single(part: str) -> PartialDate:
    match = _SINGLE.fullmatch(part)
    if match is None:
        raise DateError(_explain(part))
    long_year, year_text, month_text, day_text, qualifier = match.group("long", "year", "month", "day", "qualifier")
    approximate = qualifier == "~" or qualifier == "%"
    uncertain = qualifier == "?" or qualifier == "%"
    if long_year is not None:
        return _long_year(part, long_year, approximate, uncertain)
    if "X" in year_text:
        if month_text is not None and (month_text != "XX" or day_text not in (None, "XX")):
            raise DateError(
                f"`{part}` uses {_X_FEATURE}, an EDTF level 2 feature that timeline does not read: {_X_ADVICE}"
            )
        return _unspecified_year(part, year_text, approximate, uncertain)
    year = int(year_text)
    if year == 0 and year_text[0] == "-":
        raise DateError("`-0000` is not a year: write `0000` (1 BC) or `-0001` (2 BC)")
    if month_text is None or month_text == "XX":
        if day_text not in (None, "XX"):
            raise DateError("a day cannot be given when the month is `XX`")
        return PartialDate(
            part,
            Day(year, 1, 1),
            Day(year, 12, 31),
            "year",
            approximate,
            uncertain,
            None,
            None,
            KNOWN,
            KNOWN,
            (1, year, 1, 1, 0),
            (1, year, 12, 31, _WHOLE_DAY_END),
        )
    month = int(month_text)
    if month > 12:
        return _season(part, year, month, day_text, approximate, uncertain)
    if month == 0:
        raise DateError(f"month {month_text} does not exist (01–12, or 21–24 for seasons)")
    last_day = days_in_month(year, month)
    if day_text is None or day_text == "XX":
        return PartialDate(
            part,
            Day(year, month, 1),
            Day(year, month, last_day),
            "month",
            approximate,
            uncertain,
            None,
            None,
            KNOWN,
            KNOWN,
            (1, year, month, 1, 0),
            (1, year, month, last_day, _WHOLE_DAY_END),
        )
    day = int(day_text)
    if not 1 <= day <= last_day:
        raise DateError(f"day {day_text} does not exist in {MONTH_NAMES[month - 1]} {year_text}")
    when = Day(year, month, day)
    if match.group("hour") is None:
        return PartialDate(
            part,
            when,
            when,
            "day",
            approximate,
            uncertain,
            None,
            None,
            KNOWN,
            KNOWN,
            (1, year, month, day, 0),
            (1, year, month, day, _WHOLE_DAY_END),
        )
    if qualifier:
        raise DateError(f"`{qualifier}` qualifies a date, not a time of day: drop the time or the `{qualifier}`")
    time_text, within = _time(*match.group("hour", "minute", "second", "zone"))
    key = (1, year, month, day, within)
    return PartialDate(part, when, when, "day", False, False, time_text, time_text, KNOWN, KNOWN, key, key)


def _long_year(part: str, digits: str, approximate: bool, uncertain: bool) -> PartialDate:
    """`Y170000002`, `Y-170000002`: only for years of more than four digits."""
    magnitude = digits.lstrip("-")
    if len(magnitude) <= 4:
        plain = f"{'-' if digits.startswith('-') else ''}{int(magnitude):04d}"
        raise DateError(f"`Y` is for years of more than four digits: write `{plain}`")
    if magnitude[0] == "0":
        raise DateError("a `Y` year has no leading zero (`Y170000002`)")
    year = int(digits)
    return PartialDate(
        part,
        Day(year, 1, 1),
        Day(year, 12, 31),
        "year",
        approximate,
        uncertain,
        None,
        None,
        KNOWN,
        KNOWN,
        (1, year, 1, 1, 0),
        (1, year, 12, 31, _WHOLE_DAY_END),
    )


def _unspecified_year(part: str, year_text: str, approximate: bool, uncertain: bool) -> PartialDate:
    """`198X` is 1980–1989, `19XX` 1900–1999; `-019X` is -0199 to -0190."""
    low, high = int(year_text.replace("X", "0")), int(year_text.replace("X", "9"))
    first, last = min(low, high), max(low, high)
    precision = "century" if year_text.endswith("XX") else "decade"
    return PartialDate(
        part,
        Day(first, 1, 1),
        Day(last, 12, 31),
        precision,
        approximate,
        uncertain,
        None,
        None,
        KNOWN,
        KNOWN,
        (1, first, 1, 1, 0),
        (1, last, 12, 31, _WHOLE_DAY_END),
    )


def _season(part: str, year: int, code: int, day_text: str | None, approximate: bool, uncertain: bool) -> PartialDate:
    if code not in SEASONS:
        if 25 <= code <= 41:
            raise DateError(
                f"`{part}`: month {code} is a sub-year grouping (codes 25–41), an EDTF level 2 feature "
                "timeline does not read; write the months as an interval (`2001-04/2001-06`)"
            )
        raise DateError(f"month {code:02d} does not exist (01–12, or 21–24 for seasons)")
    if day_text is not None:
        raise DateError("a season (21–24) takes no day")
    first_month = SEASONS[code][1]
    # Winter starts in December and ends in February of the next year.
    end_year, end_month = (year + 1, 2) if code == 24 else (year, first_month + 2)
    last_day = days_in_month(end_year, end_month)
    return PartialDate(
        part,
        Day(year, first_month, 1),
        Day(end_year, end_month, last_day),
        "season",
        approximate,
        uncertain,
        None,
        None,
        KNOWN,
        KNOWN,
        (1, year, first_month, 1, 0),
        (1, end_year, end_month, last_day, _WHOLE_DAY_END),
    )


def _time(hour_text: str, minute_text: str, second_text: str | None, zone: str | None) -> tuple[str, int]:
    """The normalised time (`16:30:00-05:00`) and its place within the day (see _MOMENT_BASE)."""
    hour, minute, second = int(hour_text), int(minute_text), int(second_text or 0)
    if hour == 24:
        if minute or second:
            raise DateError("24:00 is the only time with hour 24 (the end of the day)")
    elif hour > 23:
        raise DateError(f"hour {hour_text} does not exist (00–23)")
    if minute > 59:
        raise DateError(f"minute {minute_text} does not exist (00–59)")
    if second > 59:
        raise DateError(f"second {second_text} does not exist (00–59)")
    text = f"{hour_text}:{minute_text}:{second_text or '00'}"
    offset = 0
    if zone == "Z":
        text += "Z"
    elif zone:
        zone_hours, zone_minutes = int(zone[1:3]), int(zone[4:6] or 0)
        if zone_minutes > 59 or zone_hours * 60 + zone_minutes > _MAX_OFFSET_MINUTES:
            raise DateError(f"the offset {zone} does not exist: offsets go from -14:00 to +14:00")
        offset = (zone_hours * 3600 + zone_minutes * 60) * (-1 if zone[0] == "-" else 1)
        text += f"{zone[0]}{zone[1:3]}:{zone_minutes:02d}"
    return text, _MOMENT_BASE + hour * 3600 + minute * 60 + second - offset


def _explain(part: str) -> str:
    """Why `part` is not a date: a level 2 feature named, a numeric date respelled, or the forms."""
    numeric = _numeric_day_help(part)
    if numeric:
        return numeric
    if part.startswith("Y") and "E" not in part and "S" not in part:
        return "a `Y` year is `Y` and more than four digits, with nothing after it but `~`, `?` or `%` (`Y170000002`)"
    for pattern, feature, advice in _LEVEL2:
        if pattern.search(part):
            return f"`{part}` uses {feature}, an EDTF level 2 feature that timeline does not read: {advice}"
    return GENERIC_HELP


def _numeric_day_help(text: str) -> str | None:
    """`01/10/2017` means 1 October in Europe and 10 January in America: show both spellings."""
    match = _NUMERIC_DAY.fullmatch(text)
    if match is None:
        year_first = _YEAR_FIRST_SLASHES.fullmatch(text)
        if year_first:
            year_text, month, day = year_first.groups()
            return f"`{text}` is not a date: write it with hyphens, `{year_text}-{int(month):02d}-{int(day):02d}`"
        return None
    first, _sep, second, year_text = match.groups()
    if len(year_text) != 4:
        return (
            f"`{text}` is not a date: write it year first with the full year, as `YYYY-MM-DD` "
            "(`2017-10-01` for 1 October 2017)"
        )
    year = int(year_text)
    readings = []
    for day, month in ((int(first), int(second)), (int(second), int(first))):
        if 1 <= month <= 12 and 1 <= day <= days_in_month(year, month):
            spelled = f"`{year_text}-{month:02d}-{day:02d}` ({day} {MONTH_NAMES[month - 1]} {year_text})"
            if spelled not in readings:
                readings.append(spelled)
    if not readings:
        return f"`{text}` is not a date: no day and month can be read in it; write `YYYY-MM-DD`"
    if len(readings) == 1:
        return f"`{text}` is not a date: write it year first, {readings[0]}"
    return f"`{text}` is ambiguous (day or month first?): write {readings[0]} or {readings[1]}"
