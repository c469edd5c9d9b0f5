"""Conformance to EDTF levels 0 and 1: the specification's own examples, and property tests
against the `edtf` package (the test oracle).

Where the oracle and SPEC differ, SPEC wins (docs/format.md says so to users):
- winter (`2010-24`) ends in February of the next year; the oracle ends it on 31 December;
- an unknown end (`1985/`, `/1985`) has no day (`start`/`end` null, bound "unknown"); the
  oracle invents one ten years away;
- an open end (`..`) has no day either; the oracle uses infinities;
- `1XXX` (three unspecified digits) is level 2 for the specification (level 1 allows one or
  two); the oracle reads it;
- times without seconds (`T16:30`) are read (ISO 8601 reduced precision); the oracle refuses them;
- the oracle refuses a qualifier on a season or a Y-year, and swaps the bounds of `-0001-XX`:
  those are compared with the same span spelled otherwise (see `unqualified`).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dissident_timeline.dates import OPEN, UNKNOWN, DateError, Day, days_in_month, parse_date

from .conftest import FIXTURES, run
from .edtf_examples import LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_2_READ_BY_SPEC

FIXTURE = FIXTURES / "edtf" / "level-0-and-1.yaml"


def oracle(text: str) -> tuple[object, object]:
    """The `edtf` package's strict bounds: Day, or "-inf"/"inf" for an open end."""
    import edtf

    parsed = edtf.parse_edtf(text)

    def bound(value: object) -> object:
        if isinstance(value, float):
            return "-inf" if value < 0 else "inf"
        assert isinstance(value, time.struct_time)
        return Day(value.tm_year, value.tm_mon, value.tm_mday)

    return bound(parsed.lower_strict()), bound(parsed.upper_strict())


def assert_agrees_with_oracle(text: str, oracle_text: str | None = None) -> None:
    """Our known bounds equal the oracle's; open and unknown ends are told apart (see module doc)."""
    parsed = parse_date(text)
    low, high = oracle(oracle_text or text)
    for ours, bound, theirs, infinity in (
        (parsed.start, parsed.start_bound, low, "-inf"),
        (parsed.end, parsed.end_bound, high, "inf"),
    ):
        if bound == OPEN:
            assert ours is None and theirs == infinity
        elif bound == UNKNOWN:
            assert ours is None  # the oracle's guess (ten years) is not ours to copy
        else:
            assert ours == theirs


@pytest.mark.parametrize(("text", "feature"), LEVEL_0 + LEVEL_1, ids=[t for t, _f in LEVEL_0 + LEVEL_1])
def test_every_level_0_and_1_example_parses_with_the_oracles_bounds(text: str, feature: str) -> None:
    """Each example of levels 0 and 1 of the specification is read, with the oracle's span."""
    assert parse_date(text).text == text
    assert_agrees_with_oracle(text)


@pytest.mark.parametrize(("text", "feature"), LEVEL_2, ids=[t for t, _f in LEVEL_2])
def test_every_level_2_example_is_refused_with_the_feature_named(text: str, feature: str) -> None:
    """Level 2 is refused, and the message names the feature and says it is level 2."""
    with pytest.raises(DateError) as refused:
        parse_date(text)
    assert feature in str(refused.value)
    assert "level 2" in str(refused.value)


@pytest.mark.parametrize("text", LEVEL_2_READ_BY_SPEC)
def test_level_2_examples_that_spec_reads(text: str) -> None:
    """The two level 2 examples whose form SPEC §2.2 allows are read, with the oracle's span."""
    assert_agrees_with_oracle(text)


def test_the_fixture_file_holds_every_example() -> None:
    """tests/fixtures/edtf/level-0-and-1.yaml has one event per example, none missing."""
    events = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert [event["date"] for event in events] == [text for text, _f in LEVEL_0 + LEVEL_1]


def test_check_accepts_every_example_clean() -> None:
    """`timeline check --strict` on the fixture file: no problem at all, exit 0."""
    result = run("check", "--strict", str(FIXTURE.parent))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


# --- Property tests -----------------------------------------------------------------------

years = st.integers(-9999, 9999)


def has_winter(text: str) -> bool:
    """Whether a part of `text` is a winter (`2010-24`), which SPEC ends in February."""
    return any(re.fullmatch(r"-?[0-9]{4}-24[~?%]?", part) for part in text.split("/"))


def unqualified(text: str) -> str:
    """The same span, spelled so that the oracle reads it right: the oracle reads no qualifier on a
    season or a Y-year (a qualifier never changes the span), and swaps the bounds of an unspecified
    month or day in a year before 0 (`-0001-XX` gives 1 Dec to 31 Jan): `-0001` means the same."""
    parts = [part.rstrip("~?%") for part in text.split("/")]
    return "/".join(part.replace("-XX", "") if part.startswith("-") else part for part in parts)


def year_text(year: int) -> str:
    return f"{'-' if year < 0 else ''}{abs(year):04d}"


@st.composite
def days(draw: st.DrawFn) -> tuple[int, int, int]:
    year, month = draw(years), draw(st.integers(1, 12))
    return year, month, draw(st.integers(1, days_in_month(year, month)))


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    """Any single date of level 0 and 1 that the oracle also reads (no `-0000`)."""
    kind = draw(st.sampled_from(["day", "month", "year", "season", "decade", "century", "xx", "long", "moment"]))
    year = draw(years)
    assume(kind != "xx" or year != 0)
    if kind == "day":
        y, m, d = draw(days())
        text = f"{year_text(y)}-{m:02d}-{d:02d}"
    elif kind == "month":
        text = f"{year_text(year)}-{draw(st.integers(1, 12)):02d}"
    elif kind == "year":
        text = year_text(year)
    elif kind == "season":
        text = f"{year_text(year)}-{draw(st.integers(21, 24))}"
    elif kind == "decade":
        text = year_text(year)[:-1] + "X"
    elif kind == "century":
        text = year_text(year)[:-2] + "XX"
    elif kind == "xx":
        y, m, _d = draw(days())
        text = draw(st.sampled_from([f"{year_text(y)}-XX", f"{year_text(y)}-{m:02d}-XX", f"{year_text(y)}-XX-XX"]))
    elif kind == "long":
        big = draw(st.integers(10_000, 10**12))
        return f"Y{draw(st.sampled_from(['', '-']))}{big}"
    else:
        y, m, d = draw(days())
        zone = draw(st.sampled_from(["", "Z", "+01:00", "-05", "+14:00", "-09:30"]))
        moment = f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}:{draw(st.integers(0, 59)):02d}"
        return f"{year_text(y)}-{m:02d}-{d:02d}T{moment}{zone}"
    return text + draw(st.sampled_from(["", "", "~", "?", "%"]))


@settings(max_examples=300, deadline=None)
@given(single_dates())
def test_single_dates_round_trip_and_agree_with_the_oracle(text: str) -> None:
    """The written text comes back unchanged; the span is the oracle's (winter: SPEC's)."""
    parsed = parse_date(text)
    assert parsed.text == text
    if has_winter(text):  # winter ends in February (SPEC)
        year = parsed.start.year
        low, _high = oracle(unqualified(text))
        assert (parsed.start, parsed.end) == (low, Day(year + 1, 2, days_in_month(year + 1, 2)))
    else:
        assert_agrees_with_oracle(text, unqualified(text))
    assert parsed.start_key <= parsed.end_key


@settings(max_examples=200, deadline=None)
@given(st.tuples(single_dates(), single_dates()).filter(lambda pair: "T" not in pair[0] + pair[1]))
def test_first_days_sort_like_the_oracles(pair: tuple[str, str]) -> None:
    """Years before 1, Y-years and every precision sort as the oracle's first days do."""
    first, second = (parse_date(text) for text in pair)
    theirs = [oracle(unqualified(text))[0] for text in pair]
    ours = [first.start_key, second.start_key]
    assert (ours[0] < ours[1]) == (theirs[0] < theirs[1])
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])


@settings(max_examples=200, deadline=None)
@given(single_dates(), single_dates(), st.sampled_from(["known", "..", ""]), st.sampled_from(["known", "..", ""]))
def test_intervals_round_trip_and_agree_with_the_oracle(first: str, last: str, start: str, end: str) -> None:
    """Any two dates make an interval (or its refusal, when reversed); open and unknown ends too."""
    text = f"{first if start == 'known' else start}/{last if end == 'known' else end}"
    assume(text.replace("/", "") not in ("", "..", "...."))
    try:
        parsed = parse_date(text)
    except DateError as error:
        assert "before it starts" in str(error)
        assert parse_date(first).start_key > parse_date(last).end_key or "T" in text
        return
    assert parsed.text == text and parsed.precision == "interval"
    assert parsed.start_key <= parsed.end_key
    assert (parsed.start, parsed.start_bound) == (
        (parse_date(first).start, "known") if start == "known" else (None, OPEN if start == ".." else UNKNOWN)
    )
    assert (parsed.end, parsed.end_bound) == (
        (parse_date(last).end, "known") if end == "known" else (None, OPEN if end == ".." else UNKNOWN)
    )
    try:  # the oracle reads no moment, X or Y-year in an interval, and crashes on some (a TypeError
        oracle(unqualified(text))  # on `../000X`): each end was compared with it above
    except Exception:
        return
    if not has_winter(text):
        assert_agrees_with_oracle(text, unqualified(text))


@settings(max_examples=200, deadline=None)
@given(days(), st.integers(0, 86399), st.integers(-14 * 4, 14 * 4), st.integers(0, 86399), st.integers(-14 * 4, 14 * 4))
def test_moments_of_a_day_sort_by_instant(
    day: tuple[int, int, int], first_second: int, first_quarter: int, second_second: int, second_quarter: int
) -> None:
    """On one day, moments sort by their instant (offset honoured); the untimed day spans them all."""
    y, m, d = day

    def moment(seconds: int, quarters: int) -> tuple[str, int]:
        sign = "-" if quarters < 0 else "+"
        zone = f"{sign}{abs(quarters) // 4:02d}:{abs(quarters) % 4 * 15:02d}"
        text = f"{year_text(y)}-{m:02d}-{d:02d}T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{zone}"
        return text, seconds - quarters * 900

    (a_text, a_utc), (b_text, b_utc) = moment(first_second, first_quarter), moment(second_second, second_quarter)
    a, b, whole = parse_date(a_text), parse_date(b_text), parse_date(f"{year_text(y)}-{m:02d}-{d:02d}")
    assert (a.start_key < b.start_key) == (a_utc < b_utc)
    assert whole.start_key < a.start_key <= a.end_key < whole.end_key
    if a_utc <= b_utc:
        assert parse_date(f"{a_text}/{b_text}").start_time == a.start_time
    else:
        with pytest.raises(DateError, match="before it starts"):
            parse_date(f"{a_text}/{b_text}")


def test_fixture_file_is_in_sync_with_its_generator() -> None:
    """The fixture is what `python -m tests.test_edtf_conformance` writes (run it after editing the lists)."""
    assert FIXTURE.read_text(encoding="utf-8") == fixture_text()


def fixture_text() -> str:
    lines = [
        "# Every example of EDTF levels 0 and 1 (Library of Congress specification, 2019), one event each.",
        "# Generated from tests/edtf_examples.py by `python -m tests.test_edtf_conformance`.",
        "",
    ]
    for level, examples in (("0", LEVEL_0), ("1", LEVEL_1)):
        for number, (text, feature) in enumerate(examples, 1):
            lines += [
                f"- id: level-{level}-example-{number:02d}",
                f'  date: "{text}"',
                "  kind: report",
                f'  title: "EDTF level {level}, {feature}"',
                "  sources: [{title: Extended Date/Time Format (EDTF) Specification, outlet: Library of Congress}]",
                "",
            ]
    return "\n".join(lines)


if __name__ == "__main__":
    Path(FIXTURE).parent.mkdir(parents=True, exist_ok=True)
    Path(FIXTURE).write_text(fixture_text(), encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(single_dates(), single_dates(), st.sampled_from(["single", "interval", "open", "unknown"]))
def test_every_readable_date_is_shown_to_people(first: str, last: str, shape: str) -> None:
    """Tables and Markdown can show any date the parser reads: no year is left astronomical."""
    from dissident_timeline.render.humane import human_date

    text = {"single": first, "interval": f"{first}/{last}", "open": f"{first}/..", "unknown": f"/{last}"}[shape]
    try:
        parse_date(text)
    except DateError:
        return
    shown = human_date(text)
    assert shown and "-0" not in shown and "Y" not in shown
