"""The export formats (timelinejs, csv, mermaid, markwhen) and the Markdown's new details, without
the real clients (tests/test_exports_clients.py has those): golden files, the date conversions,
CSV's RFC 4180 and formula rules, escaping, and byte-identical output.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from dissident_timeline.render import FORMATS, View, render
from dissident_timeline.render.csv import COLUMNS, neutralise
from dissident_timeline.render.dateparts import Point, date_range, start_month, year_heading
from dissident_timeline.render.markwhen import escape as markwhen_escape
from dissident_timeline.render.markwhen import markwhen_date
from dissident_timeline.render.mermaid import escape as mermaid_escape
from dissident_timeline.render.timelinejs import tl_date, tl_dates, tl_year

from .conftest import ROOT, run

GOLDEN = Path(__file__).parent / "golden"
CORPUS = "tests/fixtures/corpus"
EXPORTS = {"timelinejs": "timelinejs.json", "csv": "export.csv", "mermaid": "timeline.mmd", "markwhen": "timeline.mw"}


def _build_bytes(tmp_path: Path, *args: str) -> bytes:
    """`timeline build ARGS -o FILE`, read back as bytes (stdout in text mode would hide CRLF)."""
    target = tmp_path / "out"
    result = run("build", *args, "--output", str(target), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return target.read_bytes()


@pytest.mark.parametrize("format_name", list(EXPORTS))
def test_golden(tmp_path: Path, format_name: str) -> None:
    """Each export renders the fixture corpus (every precision and kind) exactly as its golden file."""
    output = _build_bytes(tmp_path, CORPUS, "--format", format_name)
    golden = GOLDEN / EXPORTS[format_name]
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(output)
    assert output == golden.read_bytes()


def test_formats_are_declared_once_with_the_csv_flag() -> None:
    assert list(FORMATS)[-4:] == ["timelinejs", "csv", "mermaid", "markwhen"]
    assert [flag.name for flag in FORMATS["csv"].flags] == ["bom"]


@pytest.mark.parametrize("format_name", list(EXPORTS))
def test_output_is_byte_identical_whatever_the_order_timezone_and_locale(tmp_path: Path, format_name: str) -> None:
    first = _build_bytes(tmp_path, f"{CORPUS}/courts", f"{CORPUS}/cities", f"{CORPUS}/actors.yaml", "-f", format_name)
    env = {"TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"}
    target = tmp_path / "second"
    result = run(
        "build",
        f"{CORPUS}/actors.yaml",
        f"{CORPUS}/cities",
        f"{CORPUS}/courts",
        "-f",
        format_name,
        "-o",
        str(target),
        cwd=ROOT,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == first


# Dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "bounds", "exact"),
    [
        ("2017-01-25", Point(2017, 1, 25), Point(2017, 1, 25), ("known", "known"), True),
        ("2017-01", Point(2017, 1), Point(2017, 1), ("known", "known"), True),
        ("2017", Point(2017), Point(2017), ("known", "known"), True),
        ("2017-21", Point(2017, 3), Point(2017, 5), ("known", "known"), False),
        ("2017-24", Point(2017, 12), Point(2018, 2), ("known", "known"), False),
        ("198X", Point(1980), Point(1989), ("known", "known"), False),
        ("19XX", Point(1900), Point(1999), ("known", "known"), False),
        ("2017-XX", Point(2017), Point(2017), ("known", "known"), False),
        ("2017-03~", Point(2017, 3), Point(2017, 3), ("known", "known"), False),
        ("2017-03/2017-04-02", Point(2017, 3), Point(2017, 4, 2), ("known", "known"), True),
        ("2017-06/..", Point(2017, 6), None, ("known", "open"), False),
        ("../2016", None, Point(2016), ("open", "known"), False),
        ("1985/", Point(1985), None, ("known", "unknown"), False),
        ("/1985", None, Point(1985), ("unknown", "known"), False),
        ("-0044-03-15", Point(-44, 3, 15), Point(-44, 3, 15), ("known", "known"), True),
        ("0000", Point(0), Point(0), ("known", "known"), True),
        ("Y170000002", Point(170000002), Point(170000002), ("known", "known"), True),
        (
            "2017-01-25T16:30:00Z",
            Point(2017, 1, 25, "16:30:00", "Z"),
            Point(2017, 1, 25, "16:30:00", "Z"),
            ("known", "known"),
            True,
        ),
        (
            "2017-01-25T16:30-05",
            Point(2017, 1, 25, "16:30", "-05"),
            Point(2017, 1, 25, "16:30", "-05"),
            ("known", "known"),
            True,
        ),
    ],
)
def test_date_ranges_keep_only_the_parts_written(text, first, last, bounds, exact) -> None:
    span = date_range(text)
    assert (span.first, span.last, (span.first_bound, span.last_bound), span.exact) == (first, last, bounds, exact)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2017-01-25", {"year": 2017, "month": 1, "day": 25}, None),
        ("2017-01", {"year": 2017, "month": 1}, None),
        ("2017-21", {"year": 2017, "month": 3}, {"year": 2017, "month": 5}),
        ("198X", {"year": 1980}, {"year": 1989}),
        ("2017-06/..", {"year": 2017, "month": 6}, None),
        ("../2016", {"year": 2016}, None),
        ("-0044-03-15", {"year": -45, "month": 3, "day": 15}, None),
        ("0000/0001", {"year": -1}, {"year": 1}),
        ("2017-01-25T16:30:05Z", {"year": 2017, "month": 1, "day": 25, "hour": 16, "minute": 30, "second": 5}, None),
    ],
)
def test_timelinejs_dates_give_only_the_parts_written_in_its_bc_numbering(text, start, end) -> None:
    """TimelineJS shows year -45 as `45 BCE` and has no year 0: EDTF's 0 (1 BC) is -1."""
    assert tl_dates(date_range(text)) == (start, end)


def test_timelinejs_years() -> None:
    assert [tl_year(year) for year in (2017, 1, 0, -1, -44)] == [2017, 1, -1, -2, -45]
    assert tl_date(Point(2017, 1, 25, "16:30")) == {"year": 2017, "month": 1, "day": 25, "hour": 16, "minute": 30}


@pytest.mark.parametrize(
    ("text", "shown", "exact"),
    [
        ("2017-01-25", "2017-01-25", True),
        ("2017-01", "2017-01", True),
        ("2017", "2017", True),
        ("2017-03/2017-04", "2017-03/2017-04", True),
        ("2017-21", "2017-03/2017-05", False),
        ("2017-24", "2017-12/2018-02", False),
        ("198X", "1980/1989", False),
        ("19XX", "1900/1999", False),
        ("2017-03~", "2017-03", False),
        ("2017?", "2017", False),
        ("2017-06/..", "2017-06", False),
        ("../2016", "2016", False),
        ("1985/", "1985", False),
        ("-0044-03-15", "45 BC", False),
        ("-0044/0010", "45 BC-10 AD", False),
        ("0800", "0800", True),
        ("Y12000", "12000 AD", False),
        ("Y170000002", "99999 AD", False),
        ("Y-170000002", "99999 BC", False),
        ("2017-01-25T16:30", "2017-01-25 16:30", True),
        ("2017-01-25T16:30:05Z", "2017-01-25 16:30", False),
    ],
)
def test_markwhen_dates_are_the_nearest_range(text: str, shown: str, exact: bool) -> None:
    assert markwhen_date(date_range(text)) == (shown, exact)


@pytest.mark.parametrize(
    ("text", "heading", "month"),
    [
        ("2017-03-05", "2017", 3),
        ("2017-21", "2017", None),
        ("198X", "1980", None),
        ("../2016", "Until 2016", None),
        ("/2016", "2016", None),
        ("2016-11/2018", "2016", 11),
        ("-0044-03-15", "45 BC", 3),
        ("0000", "1 BC", None),
    ],
)
def test_events_are_filed_under_the_year_where_they_start(text: str, heading: str, month: int | None) -> None:
    assert (year_heading(text), start_month(text)) == (heading, month)


# CSV ----------------------------------------------------------------------------------------------


def test_csv_is_rfc_4180_with_timelinejs_columns_first(tmp_path: Path) -> None:
    data = _build_bytes(tmp_path, CORPUS, "-f", "csv")
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert text.count("\r\n") == text.count("\n") == 14  # a header and 13 rows, every line CRLF
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    assert rows[0][:3] == ["Year", "Month", "Day"] and rows[0][18] == "id"
    by_id = {row[18]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    spring = by_id["spring-mobilization"]
    assert [spring[c] for c in ("Year", "Month", "Day", "End Year", "End Month", "Display Date", "Group")] == [
        "2017",
        "3",
        "",
        "2017",
        "5",
        "spring 2017",
        "sanctuary-cities",
    ]
    assert by_id["eo-13768"]["actors"] == "donald-trump (author); san-francisco (target)"
    assert by_id["eo-13768"]["registers"] == "politics; polity"
    assert by_id["orrick-injunction"]["relations"] == "blocks eo-13768; responds_to sf-lawsuit"
    assert by_id["open-ended-measure"]["end"] == "" and by_id["until-2016"]["start"] == ""


def test_csv_bom_is_a_format_flag(tmp_path: Path) -> None:
    assert _build_bytes(tmp_path, CORPUS, "-f", "csv", "--bom").startswith(b"\xef\xbb\xbfYear,")
    event = _event(title="t")
    assert render("csv", View([event], [], options={"bom": True})).startswith("\ufeffYear,")
    assert render("csv", View([event], [])).startswith("Year,")


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "' x"),
        ("\rx", "'\\u000dx"),
        ("a=b", "a=b"),
        ("2017", "2017"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_numeric_columns_are_never_touched_but_text_cells_are() -> None:
    event = _event(title="=1+1", date="2017-03/2017-04", controversy=None, kind="report")
    event["sources"] = [{"title": "-x", "outlet": "@o"}]
    header, row = list(csv.reader(io.StringIO(render("csv", View([event], [])), newline="")))
    cells = dict(zip(header, row, strict=True))
    assert (cells["Year"], cells["Month"], cells["End Month"]) == ("2017", "3", "4")
    assert cells["Headline"] == "'=1+1" and cells["sources"] == "'-x, @o"


# Escaping -----------------------------------------------------------------------------------------


def test_mermaid_text_has_no_character_its_grammar_reads() -> None:
    escaped = mermaid_escape("a: b #c; %%{init}%% <script>\nx & y")
    assert escaped == "a#58; b #35;c#59; #37;#37;#123;init#125;#37;#37; #60;script#62; x #38; y"
    assert not re.search(r"[:%<>&\n]", escaped) and re.fullmatch(r"([^#]|#\d+;)*", escaped)


def test_markwhen_titles_add_no_tag_reference_or_checkbox() -> None:
    assert markwhen_escape("[ ] a #tag !id .start x.end <b>") == ("\\[ \\] a \\#tag &#33;id &#46;start x.end \\<b\\>")


def test_timelinejs_headline_and_text_are_escaped_html() -> None:
    event = _event(title='<script>alert(1)</script> & "q"', summary="<b>x</b>")
    event["quotes"] = [{"text": "<i>q</i>", "lang": 'fr" onload="x'}]
    event["sources"] = [{"title": "<t>", "url": 'https://example.org/?a="b"&c=<d>'}]
    slide = json.loads(render("timelinejs", View([event], [])))["events"][0]
    assert slide["text"]["headline"] == '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"'
    assert slide["text"]["text"] == (
        '<p>&lt;b&gt;x&lt;/b&gt;</p><blockquote lang="fr&quot; onload=&quot;x">&lt;i&gt;q&lt;/i&gt;</blockquote>'
        '<p>Sources: <a href="https://example.org/?a=%22b%22&amp;c=%3Cd%3E">&lt;t&gt;</a></p>'
    )
    assert slide["unique_id"] == "e" and slide["group"] == "c"


# Markdown -----------------------------------------------------------------------------------------


def test_markdown_of_events_has_no_repeated_year_and_shows_what_authors_wrote() -> None:
    result = run("build", "events", "-f", "markdown", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    years = [line for line in lines if line.startswith("## ")]
    assert [year for year, count in Counter(years).items() if count > 1] == []
    assert not any(" \u2013 " in year for year in years)  # no heading for a span in the middle of a year
    anchors = re.findall(r'<a id="([a-z0-9-]+)"></a>', result.stdout)
    assert len(anchors) == len(set(anchors)) == int(lines[2].split()[0])
    links = re.findall(r"\]\(#([a-z0-9-]+)\)", result.stdout)
    assert links and set(links) <= set(anchors)  # every relation link lands on an event
    assert any(line.startswith("  > “") for line in lines)  # quotes
    assert any(line.startswith("  Case: ") or " · Court: " in line for line in lines)  # legal details
    assert any("Answered by [" in line or " · answered by [" in line for line in lines)


def test_markdown_details_are_escaped() -> None:
    event = _event(title="t", place="<b>p</b> | x")
    event["legal"] = {"case": "[c](javascript:x)", "court": "*court*"}
    event["alternative_dates"] = [{"date": "2017-02", "note": "<i>n</i>", "source": {"title": "s"}}]
    event["quotes"] = [{"text": "> q\n# h", "speaker": "x", "lang": "fr"}]
    other = _event(id="o", title="[o](http://evil)")
    other["relations"] = [{"type": "responds_to", "event": "e"}]
    lines = render("markdown", View([event, other], [])).splitlines()
    assert lines[6:12] == [
        '- <a id="e"></a>**2017** · *decree* · **t**  ',
        "  Place: \\<b\\>p\\</b\\> \\| x  ",
        "  Case: \\[c\\](javascript:x) · Court: \\*court\\*  ",
        "  Also dated **Feb 2017**: \\<i\\>n\\</i\\>[^1]  ",
        "  Answered by [\\[o\\](http://evil)](#o)",
        "  > “\\> q # h” — x (fr)",
    ]


def _event(**fields) -> dict:
    event = {
        "id": "e",
        "date": "2017",
        "start": "2017-01-01",
        "end": "2017-12-31",
        "precision": "year",
        "approximate": False,
        "uncertain": False,
        "kind": "decree",
        "title": "t",
        "summary": None,
        "actors": [],
        "controversy": "c",
        "registers": [],
        "tags": [],
        "place": None,
        "sources": [],
        "relations": [],
        "alternative_dates": [],
        "legal": None,
        "quotes": [],
        "file": "f.yaml",
        "line": 1,
    }
    event.update(fields)
    return event


def test_csv_keeps_bc_years_numbers_times_and_neutralises_edtf_text(tmp_path: Path) -> None:
    """A year BC stays the number TimelineJS reads (`-44` for 44 BC, no year 0); the EDTF text
    `-0043-03-15`, which a spreadsheet would compute, is a neutralised text cell."""
    text = _build_bytes(tmp_path, "tests/fixtures/dates-corpus", "-f", "csv").decode("utf-8")
    rows = {row[18]: dict(zip(COLUMNS, row, strict=True)) for row in csv.reader(io.StringIO(text, newline=""))}
    ides = rows["ides-of-march"]
    assert (ides["Year"], ides["Month"], ides["Day"], ides["Display Date"]) == ("-44", "3", "15", "15 Mar 44 BC")
    assert (ides["date"], ides["start"]) == ("'-0043-03-15", "'-0043-03-15")
    assert (rows["year-one-bc"]["Year"], rows["year-one-ad"]["Year"]) == ("-1", "1")
    assert rows["order-signed"]["Time"] == "16:30:00" and rows["order-signed"]["Display Date"].endswith("UTC\u22125")


def test_mermaid_and_markdown_file_every_date_under_one_year() -> None:
    """Years BC, Y-years, open and unknown starts: one section or heading each, in time order."""
    for corpus in ("tests/fixtures/edtf", "tests/fixtures/dates-corpus"):
        diagram = run("build", corpus, "-f", "mermaid", cwd=ROOT).stdout
        sections = [line.strip() for line in diagram.splitlines() if line.strip().startswith("section ")]
        assert len(sections) == len(set(sections))
        markdown = run("build", corpus, "-f", "markdown", cwd=ROOT).stdout
        years = [line for line in markdown.splitlines() if line.startswith("## ")]
        assert [s.removeprefix("section ") for s in sections] == [y.removeprefix("## ") for y in years]
