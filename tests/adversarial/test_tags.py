"""1. Code execution and object construction: every tag is refused where it stands; nothing runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import run
from .helpers import FIXTURES, HEAD, no_traceback, problems_of

# (tagged title, the problems: the tag, and what the plain value left behind fails).
TAGGED_TITLES = [
    ('!!python/object/apply:os.system ["touch PWNED"]', ["5:8 invalid-value", "5:8 yaml-tag"]),
    ('!!python/object/new:os.system ["touch PWNED"]', ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!python/object:os.system {}", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!python/name:os.system", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!python/module:os", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!python/tuple [a, b]", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!binary aGVsbG8=", ["5:8 yaml-tag"]),
    ("!!set {a, b}", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!omap [a: 1]", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!pairs [a: 1]", ["5:8 invalid-value", "5:8 yaml-tag"]),
    ("!!timestamp 2017-01-25", ["5:8 yaml-tag"]),
    ("!!str hello", ["5:8 yaml-tag"]),
    ("!foo hello", ["5:8 yaml-tag"]),
    ("!<tag:example.com,2000:x> hello", ["5:8 yaml-tag"]),
    ("!<!bar> hello", ["5:8 yaml-tag"]),
]


@pytest.mark.parametrize("tagged, expected", TAGGED_TITLES, ids=[t.split()[0] for t, _e in TAGGED_TITLES])
def test_tag_on_a_value_is_refused_at_its_position(tmp_path: Path, tagged: str, expected: list[str]) -> None:
    assert problems_of(tmp_path, HEAD + f"title: {tagged}\n") == expected


def test_tag_on_a_key_a_document_and_through_a_tag_directive(tmp_path: Path) -> None:
    text = (
        "%TAG !e! tag:example.com,2000:\n"
        "--- !!python/object:collections.OrderedDict\n"
        "id: a\ndate: 2017\nkind: decree\n"
        "!!python/name:os.system title: t\n"
        "sources: [!e!source {title: s}]\n"
    )
    assert problems_of(tmp_path, text) == ["2:5 yaml-tag", "6:1 yaml-tag", "7:11 yaml-tag"]


def test_the_tag_is_named_in_the_message(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(HEAD + 'title: !!python/object/apply:os.system ["id"]\n', encoding="utf-8")
    result = run("check", "e.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "e.yaml:5:8: error: `title` must be text, not a list [invalid-value]",
        "e.yaml:5:8: error: tag `!!python/object/apply:os.system` refused: event files hold only plain strings, "
        "lists and mappings; remove the tag [yaml-tag]",
    ]
    no_traceback(result)


def test_a_non_specific_tag_is_plain_yaml(tmp_path: Path) -> None:
    # `!` only says "not a plain scalar": the value is the text, with no type.
    assert problems_of(tmp_path, HEAD + "title: ! hello\n") == []


@pytest.mark.parametrize(
    "command", [["check"], ["build"], ["build", "--format", "json"], ["filter", "--kind", "decree"], ["actors"]]
)
def test_no_payload_runs(tmp_path: Path, command: list[str]) -> None:
    shutil.copy(FIXTURES / "code_execution.yaml", tmp_path / "events.yaml")
    result = run(*command, "events.yaml", "--no-cache", cwd=tmp_path)
    assert result.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml"]  # no PWNED-* file
    lines = (result.stdout if command == ["check"] else result.stderr).splitlines()
    assert [line.split(": ")[0] + " " + line.rsplit(" ", 1)[1] for line in lines if "yaml-tag" in line] == [
        "events.yaml:6:10 [yaml-tag]",
        "events.yaml:11:10 [yaml-tag]",
        "events.yaml:16:10 [yaml-tag]",
        "events.yaml:21:10 [yaml-tag]",
        "events.yaml:26:10 [yaml-tag]",
        "events.yaml:31:10 [yaml-tag]",
    ]
    no_traceback(result)
