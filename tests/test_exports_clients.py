"""The exports read by the programs they are for (SPEC §11), on the shipped corpus, the fixture
corpus (every precision) and a hostile corpus (titles with `: # ; %%`, markup, formulas, quotes).

- TimelineJS 3.9.11 in headless Chromium loads the JSON (`new TL.Timeline(el, data)`) and the
  CSV (its own CSV reader, `new TL.Timeline(el, "….csv")`, the code that reads published Google
  Sheets): its `ready` event fires, no page error, no configuration error, one time marker per
  event, every headline shown as written and no element made from author text.
- Mermaid renders the diagram in that browser: no error, one event node per event, each showing
  its title as written.
- @markwhen/parser reads the markwhen document back: same events (by id), groups, titles, tags,
  date ranges, and the EDTF date as a property where markwhen's date is only the nearest range.

Everything is served from local files: TimelineJS's files through a route on a made-up origin
(its CSV reader fetches, which `file://` forbids); any other request fails the test.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from dissident_timeline.dates import parse_date
from dissident_timeline.render.csv import neutralise
from dissident_timeline.render.markwhen import MAX_ERA_YEAR
from dissident_timeline.render.timelinejs import tl_year

from . import realclients
from .conftest import ROOT, run

CORPORA = [
    "events",
    "tests/fixtures/corpus",
    "tests/fixtures/hostile",
    "tests/fixtures/edtf",
    "tests/fixtures/dates-corpus",
]
ORIGIN = "http://timeline.test"  # never reaches a network: every request to it is answered from disk


def _build(corpus: str, format_name: str, output: Path) -> Path:
    """`timeline build CORPUS -f FORMAT -o OUTPUT`, as a user runs it."""
    result = run("build", corpus, "--format", format_name, "--output", str(output), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return output


def _events(corpus: str) -> list[dict[str, Any]]:
    result = run("build", corpus, "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["events"]


def _flat(text: str) -> str:
    return " ".join(text.split())


Day = tuple[int, int, int]  # (year, month, day), years astronomical as in EDTF (0 is 1 BC)


def _first_day(event_date: str) -> Day:
    """The first day a client can place: the start, or the known end's first day for an open start."""
    first, _, last = event_date.partition("/")
    start = parse_date(first if first not in ("", "..") else last).start
    assert start is not None
    return (start.year, start.month, start.day)


def _last_day(event_date: str) -> Day:
    """The last day a client can place: the end, or the known start's last day for an open end."""
    first, slash, last = event_date.partition("/")
    end = parse_date(last if slash and last not in ("", "..") else first).end
    assert end is not None
    return (end.year, end.month, end.day)


def _next_day(day: Day) -> Day:
    """The day after, in the proleptic Gregorian calendar, for any year."""
    year, month, number = day
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    length = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if number < length:
        return (year, month, number + 1)
    return (year + 1, 1, 1) if month == 12 else (year, month + 1, 1)


# TimelineJS -------------------------------------------------------------------------------------


def _serve_timelinejs(page, files: dict[str, bytes]) -> None:
    """Answer requests to ORIGIN: `/` is the harness, `/data.*` our files, the rest TimelineJS's dist."""
    dist = realclients.node_modules() / "@knight-lab/timelinejs/dist"
    harness = (
        b"<!doctype html><html lang=en><head><meta charset=utf-8><title>harness</title>"
        b"<link rel=stylesheet href=/css/timeline.css><script src=/js/timeline.js></script></head>"
        b"<body><div id=tl style='width:1200px;height:700px'></div></body></html>"
    )

    def answer(route) -> None:
        path = urlsplit(route.request.url).path
        if path == "/":
            route.fulfill(body=harness, content_type="text/html")
        elif path in files:
            route.fulfill(body=files[path], content_type="text/csv" if path.endswith(".csv") else "application/json")
        elif (dist / path.lstrip("/")).is_file() and ".." not in path:
            route.fulfill(path=str(dist / path.lstrip("/")))
        else:
            page.requests_blocked.append(route.request.url)
            route.abort()

    page.route(f"{ORIGIN}/**", answer)
    page.goto(f"{ORIGIN}/")


_LOAD = """(data) => new Promise((resolve) => {
  // font: null: TimelineJS's default font is fetched from Google; the reader's own fonts do.
  const timeline = new TL.Timeline('tl', data, {font: null, script_path: 'ORIGIN/js/'});
  // A JS Date, or on TimelineJS's "cosmological" scale (years beyond ±271,820) a BigYear: years only.
  const day = (d) => d.getFullYear ? [d.getFullYear(), d.getMonth() + 1, d.getDate()] : [d.year];
  timeline.on('ready', () => setTimeout(() => resolve({
    errors: timeline.config.messages.errors.map(String),
    markers: document.querySelectorAll('#tl .tl-timemarker').length,
    headlines: Array.from(document.querySelectorAll('#tl .tl-timemarker .tl-headline')).map(e => e.textContent),
    groups: Array.from(document.querySelectorAll('#tl .tl-timegroup-message')).map(e => e.textContent),
    made: document.querySelectorAll('#tl script, #tl img, #tl iframe, #tl [onerror]').length,
    slides: timeline.config.events.map(e => ({id: e.unique_id, start: day(e.start_date.data.date_obj)})),
  }), 100));
  setTimeout(() => resolve({timeout: document.querySelector('#tl').textContent}), 20000);
})""".replace("ORIGIN", ORIGIN)


def _load_in_timelinejs(page, data: Any, files: dict[str, bytes]) -> dict[str, Any]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    _serve_timelinejs(page, files)
    result = page.evaluate(_LOAD, data)
    assert "timeout" not in result, f"TimelineJS never fired `ready`: {result['timeout'][:300]}"
    assert page.page_errors == [] and page.console_errors == [], (page.page_errors, page.console_errors)
    assert page.requests_blocked == [] and dialogs == []
    assert result["errors"] == [] and result["made"] == 0
    return result


def _check_timeline(result: dict[str, Any], events: list[dict[str, Any]], headline: Any) -> None:
    assert result["markers"] == len(events)
    assert sorted(result["headlines"]) == sorted(headline(event["title"]) for event in events)
    controversies = {event["controversy"] or "" for event in events}
    assert set(result["groups"]) == (controversies if controversies != {""} else set())
    # TimelineJS numbers years BC without a year 0 (EDTF's -44, 45 BC, is its -45).
    shown = sorted(tuple(slide["start"]) for slide in result["slides"])
    expected = [(tl_year(year), month, number) for year, month, number in map(_first_day, (e["date"] for e in events))]
    assert shown == sorted(day[: len(shown[0])] for day in expected)


@pytest.mark.parametrize("corpus", CORPORA)
def test_timelinejs_json_loads_in_timelinejs(page, tmp_path: Path, corpus: str) -> None:
    """Every event is a slide with its id, headline as written, group and first day."""
    events = _events(corpus)
    data = json.loads(_build(corpus, "timelinejs", tmp_path / "timeline.json").read_text(encoding="utf-8"))
    result = _load_in_timelinejs(page, data, {})
    _check_timeline(result, events, _flat)
    assert sorted(slide["id"] for slide in result["slides"]) == sorted(event["id"] for event in events)


@pytest.mark.parametrize("corpus", CORPORA)
def test_csv_loads_in_timelinejs(page, tmp_path: Path, corpus: str) -> None:
    """TimelineJS's own sheet reader takes our columns: one marker per row, dates and groups right."""
    events = _events(corpus)
    data = _build(corpus, "csv", tmp_path / "timeline.csv").read_bytes()
    result = _load_in_timelinejs(page, f"{ORIGIN}/data.csv", {"/data.csv": data})
    _check_timeline(result, events, lambda title: neutralise(_flat(title)))


def test_csv_with_a_byte_order_mark_loads_in_timelinejs(page, tmp_path: Path) -> None:
    """`--bom` (for Excel) does not hide the `Year` column from TimelineJS."""
    target = tmp_path / "timeline.csv"
    result = run("build", "tests/fixtures/corpus", "-f", "csv", "--bom", "-o", str(target), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfYear,")
    result = _load_in_timelinejs(page, f"{ORIGIN}/data.csv", {"/data.csv": data})
    _check_timeline(result, _events("tests/fixtures/corpus"), lambda title: neutralise(_flat(title)))


# Mermaid ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", CORPORA)
def test_mermaid_renders_in_mermaid(page, tmp_path: Path, corpus: str) -> None:
    """Mermaid (as GitHub runs it: default configuration) draws one event node per event, each
    showing its title as written, and makes no element from author text."""
    events = _events(corpus)
    diagram = _build(corpus, "mermaid", tmp_path / "timeline.mmd").read_text(encoding="utf-8")
    page.set_content("<!doctype html><html><body><div id=out></div></body></html>")
    page.add_script_tag(path=str(realclients.node_modules() / "mermaid/dist/mermaid.min.js"))
    result = page.evaluate(
        """async (diagram) => {
      mermaid.initialize({startOnLoad: false});
      try {
        const {svg} = await mermaid.render('diagram', diagram);
        document.getElementById('out').innerHTML = svg;
      } catch (error) { return {error: String(error && error.message || error)}; }
      const svg = document.querySelector('#out svg');
      return {
        events: Array.from(svg.querySelectorAll('.eventWrapper')).map(e => e.textContent),
        made: svg.querySelectorAll('script, img, iframe, foreignObject a, [onerror]').length,
        text: svg.textContent,
      };
    }""",
        diagram,
    )
    assert "error" not in result, result.get("error")
    assert page.page_errors == [] and page.console_errors == [] and page.requests_blocked == []
    assert result["made"] == 0
    assert len(result["events"]) == len(events)
    # Mermaid wraps long titles into lines (tspans): compare without white space.
    assert ["".join(shown.split()) for shown in result["events"]] == [
        "".join(event["title"].split()) for event in events
    ]


# markwhen ---------------------------------------------------------------------------------------


def _read_markwhen(path: Path) -> dict[str, Any]:
    modules = realclients.node_modules()
    script = realclients.CLIENTS / "markwhen_read.mjs"
    result = subprocess.run(
        [realclients.node(), str(script), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"NODE_PATH": str(modules), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


_ISO = re.compile(r"([+-]?\d{4,6})-(\d\d)-(\d\d)")


def _markwhen_day(iso: str) -> Day:
    """The day of a date-time from the parser (Luxon writes `-000044-01-01T…` for 45 BC)."""
    match = _ISO.match(iso)
    assert match, iso
    return (int(match.group(1)), int(match.group(2)), int(match.group(3)))


# Dates markwhen writes exactly: days, months, years and intervals of them, no qualifier.
# Years 1 to 9999, no season or X; a time to the minute without a zone.
_YMD = r"(?!0000)\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d\d(?:T\d\d:\d\d)?)?)?"
_PLAIN = re.compile(rf"{_YMD}(?:/{_YMD})?")


def _unescape(text: str) -> str:
    """A markwhen title as its Markdown shows it: backslash escapes and our entities (`&#33;`) read."""
    return re.sub(r"\\(.)|&#(33|46);", lambda m: m.group(1) or chr(int(m.group(2))), text)


@pytest.mark.parametrize("corpus", CORPORA)
def test_markwhen_round_trips_through_the_markwhen_parser(tmp_path: Path, corpus: str) -> None:
    """@markwhen/parser reads back every event: id, group, title, tags and date range."""
    events = _events(corpus)
    read = _read_markwhen(_build(corpus, "markwhen", tmp_path / "timeline.mw"))
    assert read["messages"] == []
    assert read["header"]["title"] == "Chronology"
    by_id = {item["properties"]["id"]: item for item in read["events"]}
    assert len(by_id) == len(read["events"]) == len(events)
    for event in events:
        item = by_id[event["id"]]
        assert item["group"] == (event["controversy"] or "")
        first, last = _first_day(event["date"]), _last_day(event["date"])
        era = not (1 <= first[0] <= 9999 and 1 <= last[0] <= 9999)  # written `45 BC`, `12000 AD`
        # The parser leaves the `: ` of `45 BC: title` in the text.
        assert _unescape(item["text"].removeprefix(": ") if era else item["text"]) == _flat(event["title"])
        assert item["tags"] == [event["kind"], *event["registers"]]
        if era:  # years only, at most 99999 BC or AD; the parser reads the end of `45 BC-44 BC` as 44 BC's start
            first_year, last_year = (max(-MAX_ERA_YEAR + 1, min(year, MAX_ERA_YEAR)) for year in (first[0], last[0]))
            first = (first_year, 1, 1)
            last = (last_year, 1, 1) if first_year != last_year else (last_year + 1, 1, 1)
        elif "T" in event["date"].rpartition("/")[2]:  # ends at a moment: markwhen's range ends there
            pass
        else:
            last = _next_day(last)  # markwhen's ranges end at midnight after the last day
        assert (_markwhen_day(item["from"]), _markwhen_day(item["to"])) == (first, last), event["date"]
        if _PLAIN.fullmatch(event["date"]):  # what markwhen writes as is
            assert "edtf" not in item["properties"], event["date"]
        else:
            assert item["properties"]["edtf"] == event["date"]
