"""Renderers against golden files, on a small corpus covering every precision and kind.

Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review
the diff like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dissident_timeline.render.humane import human_date
from dissident_timeline.render.markdown import safe_url

from .conftest import ROOT, run

GOLDEN = Path(__file__).parent / "golden"
CORPUS = "tests/fixtures/corpus"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("table.txt", ["build", CORPUS]),
        ("markdown.md", ["build", CORPUS, "--format", "markdown"]),
        ("build.json", ["build", CORPUS, "--format", "json"]),
        ("actors.txt", ["actors", CORPUS]),
        ("actors.json", ["actors", CORPUS, "--format", "json"]),
    ],
)
def test_golden(name: str, args: list[str]) -> None:
    """Each format renders the fixture corpus exactly as its golden file."""
    result = run(*args, cwd=ROOT, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("command", ["build", "actors"])
def test_narrow_terminals(command: str, columns: int) -> None:
    """At 60 columns events are stacked blocks; at 80 the title keeps 40% of the width (dates wrap, kinds
    shorten); at 120 the full table. Every line fits the width; goldens: table-COLUMNS.txt, actors-COLUMNS.txt."""
    from rich.cells import cell_len

    result = run(command, CORPUS, cwd=ROOT, env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= columns
    golden = GOLDEN / f"{'table' if command == 'build' else 'actors'}-{columns}.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_title_share_below_100_columns() -> None:
    from dissident_timeline.render.table import TITLE_SHARE

    for columns in (70, 80, 99):
        header = run("build", CORPUS, cwd=ROOT, env={"COLUMNS": str(columns)}).stdout.splitlines()[2]
        title_cell = header.split("┃")[3]
        assert len(title_cell) >= TITLE_SHARE * columns, (columns, header)


def test_json_validates_against_the_shipped_schema() -> None:
    """The JSON output of the fixture corpus and of events/ validates against docs/timeline.schema.json."""
    import jsonschema

    schema = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf-8"))
    for corpus in (CORPUS, "events"):
        result = run("build", corpus, "--format", "json", cwd=ROOT)
        assert result.returncode == 0, result.stderr
        jsonschema.validate(json.loads(result.stdout), schema)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2017-01-25", "25 Jan 2017"),
        ("2017-01", "Jan 2017"),
        ("2017", "2017"),
        ("2017-21", "spring 2017"),
        ("2017-24", "winter 2017"),
        ("2017-03~", "c. Mar 2017"),
        ("2017?", "2017?"),
        ("2017-03%", "c. Mar 2017?"),
        ("198X", "1980s"),
        ("19XX", "20th century"),
        ("20XX", "21st century"),
        ("2017/2018", "2017 – 2018"),
        ("../2016", "… – 2016"),
        ("2017-06/..", "Jun 2017 – …"),
    ],
)
def test_human_dates(text: str, shown: str) -> None:
    """Dates read as a person writes them, with no day or month the author did not give."""
    assert human_date(text) == shown


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a b(c)<d>", "https://example.org/a%20b%28c%29%3Cd%3E"),
        ("HTTP://example.org/", "HTTP://example.org/"),
        ("JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01https://example.org", None),
        ("data:text/html,x", None),
        ("", None),
    ],
)
def test_links_only_for_http(url: str, safe: str | None) -> None:
    """Links are written only for http(s) URLs, with characters that could end them encoded."""
    assert safe_url(url) == safe


def test_output_is_byte_identical_whatever_the_order_timezone_and_locale(tmp_path: Path) -> None:
    """Giving the paths in another order, in another time zone and locale, changes nothing."""
    first = run(
        "build",
        "--format",
        "json",
        f"{CORPUS}/courts",
        f"{CORPUS}/cities",
        f"{CORPUS}/actors.yaml",
        cwd=ROOT,
        env={"TZ": "UTC", "LC_ALL": "C"},
    )
    second = run(
        "build",
        "--format",
        "json",
        f"{CORPUS}/actors.yaml",
        f"{CORPUS}/cities",
        f"{CORPUS}/courts",
        cwd=ROOT,
        env={"TZ": "Pacific/Kiritimati", "LC_ALL": "fr_FR.UTF-8", "LANG": "fr_FR.UTF-8"},
    )
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
