"""3. Silent data loss: duplicate keys are errors, and what the author wrote is what is read."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ..conftest import run
from .helpers import FIXTURES, HEAD, messages_of, no_traceback, problems_of, strict_json

DUPLICATES = {
    "block": (HEAD + "title: first\ntitle: second\n", "6:1"),
    "double-quoted": (HEAD + 'title: first\n"title": second\n', "6:1"),
    "single-quoted": (HEAD + "title: first\n'title': second\n", "6:1"),
    "explicit key": (HEAD + "title: first\n? title\n: second\n", "6:3"),
    "escaped spelling": (HEAD + 'title: first\n"\\x74itle": second\n', "6:1"),
    "flow": ("{id: a, date: 2017, kind: decree, title: first, sources: [{title: s}], title: second}\n", "1:72"),
    "nested": (HEAD.replace("[{title: s}]", "[{title: s, title: t}]") + "title: t\n", "4:22"),
}


@pytest.mark.parametrize("name", DUPLICATES)
def test_duplicate_key_is_reported_at_the_second_key(tmp_path: Path, name: str) -> None:
    text, position = DUPLICATES[name]
    assert messages_of(tmp_path, text) == [
        f"{position} duplicate-key: duplicate key `title`: this mapping already has it (the first one is kept); "
        "remove one of them"
    ]


def test_yaml_11_implicit_typing_never_changes_the_text(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "implicit_typing.yaml", tmp_path / "e.yaml")
    result = run("build", "e.yaml", "--format", "json", "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    events = {e["id"]: e for e in strict_json(result.stdout)["events"]}
    assert {i: (e["date"], e["title"], e["place"], e["sources"][0]["title"]) for i, e in events.items()} == {
        "no": ("2017", "no", "12:30", "s"),
        "yes": ("2017-01-25", "yes", "190:20:30", "on"),
        "off": ("2017-02", "0x1F", "0o17", "1_000"),
        "y": ("2017-03", "1e3", "+12", "2017-01-25"),
        "n": ("2017-04", ".inf", "-.Inf", "1.0"),
        "1": ("2017-05", ".nan", ".NaN", "2001-12-14t21:59:43.10-05:00"),
        "2": ("2017-06", "NO", "Off", "007"),
    }
    assert (events["yes"]["start"], events["yes"]["end"], events["no"]["start"], events["no"]["end"]) == (
        "2017-01-25",
        "2017-01-25",
        "2017-01-01",
        "2017-12-31",
    )
    assert re.search(r"[:,\[]\s*(NaN|-?Infinity)", result.stdout) is None  # strict_json refused them too


@pytest.mark.parametrize(
    "date, message",
    [
        ("0", "`date`: `0` is not a valid date: not a date"),
        ("1_000", "`date`: `1_000` is not a valid date: not a date"),
        ("0x7E1", "`date`: `0x7E1` is not a valid date: not a date"),
        ("2017-01-25T25:00:00Z", "`date`: `2017-01-25T25:00:00Z` is not a valid date: hour 25 does not exist (00–23)"),
        ("2017-02-30", "`date`: `2017-02-30` is not a valid date: day 30 does not exist in February 2017"),
        ("2017-13", "`date`: `2017-13` is not a valid date: month 13 does not exist (01–12, or 21–24 for seasons)"),
        ("-0000", "`date`: `-0000` is not a valid date: `-0000` is not a year: write `0000` (1 BC) or `-0001` (2 BC)"),
    ],
)
def test_a_number_or_timestamp_is_never_read_as_a_date(tmp_path: Path, date: str, message: str) -> None:
    text = "id: a\nkind: decree\ntitle: t\nsources: [{title: s}]\ndate: " + date + "\n"
    found = messages_of(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(f"5:7 invalid-date: {message}"), found


@pytest.mark.parametrize(
    "value, message",
    [
        ("~", "`title` must be text, not empty"),
        ("null", "`title` must be text, not empty"),
        ("NULL", "`title` must be text, not empty"),
        ("", "`title` must be text, not empty"),
        ("''", "`title` is empty"),
    ],
)
def test_a_null_title_is_a_problem_not_the_text_none(tmp_path: Path, value: str, message: str) -> None:
    assert messages_of(tmp_path, HEAD + f"title: {value}\n") == [f"5:{8 if value else 7} invalid-value: {message}"]


def test_quoted_null_is_text(tmp_path: Path) -> None:
    assert problems_of(tmp_path, HEAD + "title: '~'\nplace: \"null\"\n") == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("title: [a, b]", "5:8 invalid-value: `title` must be text, not a list"),
        ("title: {a: b}", "5:8 invalid-value: `title` must be text, not a mapping"),
        ("title: t\nplace: [Paris]", "6:8 invalid-value: `place` must be text, not a list"),
        ("title: t\ntags: politics", "6:7 invalid-value: `tags` must be a list, not text `politics`"),
        ("title: t\nactors: Trump", "6:9 invalid-value: `actors` must be a list, not text `Trump`"),
        ("title: t\nregisters: {politics: yes}", "6:12 invalid-value: `registers` must be a list, not a mapping"),
        ("title: t\nlegal: [case]", "6:8 invalid-value: `legal` must be a mapping, not a list"),
        ("title: t\nsummary: [a]", "6:10 invalid-value: `summary` must be text, not a list"),
    ],
)
def test_no_lax_coercion(tmp_path: Path, line: str, expected: str) -> None:
    assert messages_of(tmp_path, HEAD + line + "\n") == [expected]


def test_a_list_kind_is_not_its_first_item(tmp_path: Path) -> None:
    found = messages_of(tmp_path, "id: a\ndate: 2017\ntitle: t\nsources: [{title: s}]\nkind: [decree]\n")
    assert found == [
        "5:7 invalid-value: `kind` must be one of: decree, legislation, lawsuit, ruling, declaration, "
        "election, mobilization, meeting, report, measure"
    ]


def test_an_empty_list_of_events_is_not_silently_nothing(tmp_path: Path) -> None:
    assert messages_of(tmp_path, "[]\n---\n[]\n") == ["1:1 empty-file: the file holds no event"]
    result = run("check", "e.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "e.yaml:1:1: warning: the file holds no event [empty-file]\n")
    no_traceback(result)
