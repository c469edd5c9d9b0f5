"""The partial-date parser: spans, precisions, errors, and agreement with the `edtf` package."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dissident_timeline.dates import OPEN, UNKNOWN, DateError, Day, parse_date

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
    ("2017-01-25T16:30:00", "2017-01-25", "2017-01-25", "day"),
    ("2017-01-25T23:30-05:00", "2017-01-25", "2017-01-25", "day"),
    ("-0044-03-15", "-0044-03-15", "-0044-03-15", "day"),
    ("-0044", "-0044-01-01", "-0044-12-31", "year"),
    ("0000", "0000-01-01", "0000-12-31", "year"),
    ("-0004-02", "-0004-02-01", "-0004-02-29", "month"),
    ("-019X", "-0199-01-01", "-0190-12-31", "decade"),
    ("Y170000002", "170000002-01-01", "170000002-12-31", "year"),
    ("Y-170000002", "-170000002-01-01", "-170000002-12-31", "year"),
    ("9999-24", "9999-12-01", "10000-02-29", "season"),
    ("-0044-03-15/2017-01-25T16:30Z", "-0044-03-15", "2017-01-25", "interval"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), CASES)
def test_span_and_precision(text: str, start: str, end: str, precision: str) -> None:
    """Each form spans exactly the days it can mean, no more and no less."""
    parsed = parse_date(text)
    assert (parsed.start.isoformat(), parsed.end.isoformat(), parsed.precision) == (start, end, precision)
    assert parsed.text == text


def test_open_ends() -> None:
    """`../B` and `A/..` leave that side unbounded."""
    assert parse_date("../2017").start is None and parse_date("../2017").end == Day(2017, 12, 31)
    assert parse_date("2017-05/..").end is None and parse_date("2017-05/..").start == Day(2017, 5, 1)
    assert (parse_date("../2017").start_bound, parse_date("2017-05/..").end_bound) == (OPEN, OPEN)


def test_unknown_ends_take_the_known_ends_span_for_ordering() -> None:
    """`1985/` and `/1985` have no day on the unknown side, but sort as 1985 does."""
    after, before, year = parse_date("1985/"), parse_date("/1985"), parse_date("1985")
    assert (after.start, after.end, after.end_bound) == (Day(1985, 1, 1), None, UNKNOWN)
    assert (before.start, before.end, before.start_bound) == (None, Day(1985, 12, 31), UNKNOWN)
    assert after.start_key == before.start_key == year.start_key
    assert after.end_key == before.end_key == year.end_key


@pytest.mark.parametrize(
    ("text", "start_time", "end_time"),
    [
        ("2017-01-25T16:30", "16:30:00", "16:30:00"),
        ("2017-01-25T16:30:05Z", "16:30:05Z", "16:30:05Z"),
        ("2017-01-25T16:30-05", "16:30:00-05:00", "16:30:00-05:00"),
        ("2017-01-25T16:30+14:00", "16:30:00+14:00", None),
        ("2017-01-25T24:00", "24:00:00", "24:00:00"),
        ("2017-01-25T09:00/2017-01-26", "09:00:00", None),
        ("2017-01-24/2017-01-25T09:00+01:00", None, "09:00:00+01:00"),
        ("2017-01-25", None, None),
    ],
)
def test_times(text: str, start_time: str | None, end_time: str | None) -> None:
    """Times are normalised to hh:mm:ss with their zone; a date without time has none."""
    parsed = parse_date(text)
    assert parsed.start_time == start_time
    assert parsed.end_time == (end_time if end_time or "/" in text or not start_time else start_time)


def test_order_within_a_day() -> None:
    """An untimed day spans its moments; moments sort by instant; BC before AD; Y-years at the ends."""
    texts = [
        "Y-170000002",
        "-0044-03-15",
        "-0001",
        "0000",
        "0001-01-01",
        "2017-01-25",
        "2017-01-25T12:00+05:00",
        "2017-01-25T09:00",
        "2017-01-25T16:30-05:00",
        "2017-01-26",
        "Y170000002",
    ]
    keys = [parse_date(text).start_key for text in texts]
    assert keys == sorted(keys)
    whole, moment = parse_date("2017-01-25"), parse_date("2017-01-25T23:59:59-14:00")
    assert whole.start_key < moment.start_key <= moment.end_key < whole.end_key


@pytest.mark.parametrize(
    ("text", "approximate", "uncertain"),
    [
        ("2017~", True, False),
        ("2017-01?", False, True),
        ("198X%", True, True),
        ("2017~/2018", True, False),
        ("2017", False, False),
    ],
)
def test_qualifiers(text: str, approximate: bool, uncertain: bool) -> None:
    """`~` is approximate, `?` uncertain, `%` both; the span stays that of the unqualified date."""
    parsed = parse_date(text)
    assert (parsed.approximate, parsed.uncertain) == (approximate, uncertain)
    assert parsed.start == parse_date(text.replace("~", "").replace("?", "").replace("%", "")).start


@pytest.mark.parametrize(
    "text",
    [
        "2017-02-30",
        "2017-13",
        "2017-00",
        "2017-04-31",
        "2018/2017",
        "2017-05-10/2017-05-01",
        "-0000",
        "17",
        "2017-1-5",
        "25 January 2017",
        "2017-21-01",
        "201X-05",
        "2017-XX-05",
        "../..",
        "/",
        "/..",
        "2017/2018/2019",
        "",
        "1XXX",
        "XXXX",
        "2017~~",
        "Y2017",
        "Y01234567",
        "2017-02-29T10:00",
        "2017-01-25T25:00",
        "2017-01-25T24:01",
        "2017-01-25T10:60",
        "2017-01-25T10:00:61",
        "2017-01-25T10:00+14:30",
        "2017-01-25T10:00-15",
        "2017-01-25T10:00+0100",
        "2017-01-25T10:00:00.5",
        "2017-01-25T16:30~",
        "2017-01-25 16:30",
        "2017-01-25T16:00/2017-01-25T10:00",
        "2017-01-25T10:00-05:00/2017-01-25T12:00Z",
        "2017-01-25T23:00-05:00/2017-01-26T01:00+05:00",
        "-0044/-0045",
        "Y170000002/2017",
    ],
)
def test_invalid(text: str) -> None:
    """Impossible days, months, times and offsets, reversed intervals and other forms are refused."""
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "01/10/2017",
            "`01/10/2017` is ambiguous (day or month first?): write `2017-10-01` (1 October 2017) or "
            "`2017-01-10` (10 January 2017)",
        ),
        ("1/10/2017", "write `2017-10-01` (1 October 2017) or `2017-01-10` (10 January 2017)"),
        ("25/01/2017", "`25/01/2017` is not a date: write it year first, `2017-01-25` (25 January 2017)"),
        ("25.01.2017", "write it year first, `2017-01-25`"),
        ("03/03/2017", "write it year first, `2017-03-03`"),
        ("1/10/17", "with the full year"),
        ("2017-02-29T10:00", "day 29 does not exist in February 2017"),
        ("2017-01-25T25:00", "hour 25 does not exist"),
        ("2017-01-25T10:00+15:00", "offsets go from -14:00 to +14:00"),
        (
            "2017-01-25T16:00/2017-01-25T10:00",
            "the interval ends (2017-01-25T10:00) before it starts (2017-01-25T16:00)",
        ),
        ("-0000", "`0000` (1 BC)"),
        ("Y2017", "write `2017`"),
        ("2004-?06-11", "qualification of one component"),
    ],
)
def test_messages_say_how_to_fix(text: str, message: str) -> None:
    """A refusal shows the spelling to use: never "an interval has exactly one /" for `01/10/2017`."""
    with pytest.raises(DateError) as refused:
        parse_date(text)
    assert message in str(refused.value)


def _oracle_span(text: str) -> tuple[Day, Day]:
    import edtf

    parsed = edtf.parse_edtf(text)
    lower, upper = parsed.lower_strict(), parsed.upper_strict()
    return Day(lower.tm_year, lower.tm_mon, lower.tm_mday), Day(upper.tm_year, upper.tm_mon, upper.tm_mday)


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
    assert parsed.start_key <= parsed.end_key
