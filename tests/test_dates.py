"""The partial-date parser: spans, precisions, errors, and agreement with the `edtf` package."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dissident_timeline.dates import DateError, parse_date

CASES = [
    ("2017-01-25", "2017-01-25", "2017-01-25", "day"),
    ("2017-01", "2017-01-01", "2017-01-31", "month"),
    ("2016-02", "2016-02-01", "2016-02-29", "month"),
    ("2017", "2017-01-01", "2017-12-31", "year"),
    ("2017-21", "2017-03-01", "2017-05-31", "season"),
    ("2017-22", "2017-06-01", "2017-08-31", "season"),
    ("2017-23", "2017-09-01", "2017-11-30", "season"),
    ("2017-24", "2017-12-01", "2018-02-28", "season"),
    ("2019-24", "2019-12-01", "2020-02-29", "season"),
    ("198X", "1980-01-01", "1989-12-31", "decade"),
    ("19XX", "1900-01-01", "1999-12-31", "century"),
    ("2017-XX", "2017-01-01", "2017-12-31", "year"),
    ("2017-04-XX", "2017-04-01", "2017-04-30", "month"),
    ("2017-01/2017-06", "2017-01-01", "2017-06-30", "interval"),
    ("2017/2017", "2017-01-01", "2017-12-31", "interval"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), CASES)
def test_span_and_precision(text: str, start: str, end: str, precision: str) -> None:
    """Each form spans exactly the days it can mean, no more and no less."""
    parsed = parse_date(text)
    assert (parsed.start.isoformat(), parsed.end.isoformat(), parsed.precision) == (start, end, precision)
    assert parsed.text == text


def test_open_ends() -> None:
    """`../B` and `A/..` leave that side unbounded."""
    assert parse_date("../2017").start is None and parse_date("../2017").end == date(2017, 12, 31)
    assert parse_date("2017-05/..").end is None and parse_date("2017-05/..").start == date(2017, 5, 1)


@pytest.mark.parametrize(("text", "approximate", "uncertain"),
                         [("2017~", True, False), ("2017-01?", False, True), ("198X%", True, True),
                          ("2017~/2018", True, False), ("2017", False, False)])
def test_qualifiers(text: str, approximate: bool, uncertain: bool) -> None:
    """`~` is approximate, `?` uncertain, `%` both; the span stays that of the unqualified date."""
    parsed = parse_date(text)
    assert (parsed.approximate, parsed.uncertain) == (approximate, uncertain)
    assert parsed.start == parse_date(text.replace("~", "").replace("?", "").replace("%", "")).start


@pytest.mark.parametrize("text", ["2017-02-30", "2017-13", "2017-00", "2017-04-31", "2018/2017", "2017-05-10/2017-05-01",
                                  "0000", "17", "2017-1-5", "25 January 2017", "2017-21-01", "201X-05", "2017-XX-05",
                                  "../..", "2017/2018/2019", "", "1XXX", "2017~~"])
def test_invalid(text: str) -> None:
    """Impossible days and months, reversed intervals and other forms are refused."""
    with pytest.raises(DateError):
        parse_date(text)


def _oracle_span(text: str) -> tuple[date, date]:
    import edtf

    parsed = edtf.parse_edtf(text)
    lower, upper = parsed.lower_strict(), parsed.upper_strict()
    return date(lower.tm_year, lower.tm_mon, lower.tm_mday), date(upper.tm_year, upper.tm_mon, upper.tm_mday)


dates_strategy = st.one_of(
    st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)).map(date.isoformat),
    st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)).map(lambda d: d.isoformat()[:7]),
    st.integers(1000, 2999).map(str),
    st.integers(100, 299).map(lambda d: f"{d}X"),
)


@settings(max_examples=150, deadline=None)
@given(dates_strategy)
def test_bounds_agree_with_edtf(text: str) -> None:
    """Our first and last day agree with the `edtf` package (the reference implementation)."""
    parsed = parse_date(text)
    assert (parsed.start, parsed.end) == _oracle_span(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_parses_or_raises_date_error(text: str) -> None:
    """No input makes the parser fail with anything but DateError."""
    try:
        parsed = parse_date(text)
    except DateError:
        return
    assert parsed.start is None or parsed.end is None or parsed.start <= parsed.end
