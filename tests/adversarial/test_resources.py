"""2. Resource exhaustion: alias bombs, deep nesting, huge files and link loops cost nothing."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dissident_timeline.yamlread import MAX_BYTES

from ..conftest import run
from .helpers import FIXTURES, HEAD, messages_of, no_traceback, problems, problems_of, write

MEMORY_CAP = 512 * 1024 * 1024  # a 9-level bomb expanded would need tens of gigabytes


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def test_billion_laughs_is_refused_fast_in_bounded_memory(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "billion_laughs.yaml", tmp_path / "bomb.yaml")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "dissident_timeline", "check", "bomb.yaml", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=5,
        preexec_fn=_limit_memory,
        env={**os.environ},
    )
    assert time.monotonic() - started < 5
    assert result.returncode == 1
    no_traceback(result)
    refused = [line.split(": ")[0] for line in result.stdout.splitlines() if line.endswith("[yaml-anchor]")]
    anchors = [f"bomb.yaml:{line}:4" for line in range(1, 10)]
    aliases = [f"bomb.yaml:{line}:{col}" for line in range(2, 10) for col in range(8, 33, 3)]
    assert sorted(refused) == sorted(anchors + aliases)  # 9 anchors and 72 aliases, each in place
    assert (
        "bomb.yaml:2:8: error: alias `*a` refused: event files cannot use anchors and aliases; write the value "
        "out in full [yaml-anchor]" in result.stdout.splitlines()
    )


def test_anchor_alias_and_merge_key_are_refused_where_they_stand(tmp_path: Path) -> None:
    text = (
        "id: a\ndate: 2017\nkind: decree\n"
        "title: &t Title\n"
        "place: *t\n"
        "sources:\n"
        "  - &s {title: s}\n"
        "  - <<: *s\n"
        "    outlet: o\n"
    )
    assert messages_of(tmp_path, text) == [
        "4:8 yaml-anchor: anchor `&t` refused: event files cannot use anchors and aliases; write the value out in full",
        "5:8 yaml-anchor: alias `*t` refused: event files cannot use anchors and aliases; write the value out in full",
        "7:5 yaml-anchor: anchor `&s` refused: event files cannot use anchors and aliases; write the value out in full",
        "8:5 missing-field: missing required field `title` in `sources[1]`",  # the merge copied nothing
        "8:5 yaml-merge-key: merge key `<<` refused: write the keys out in full",
        "8:9 yaml-anchor: alias `*s` refused: event files cannot use anchors and aliases; write the value out in full",
    ]


def test_an_alias_is_never_expanded_into_the_data(tmp_path: Path) -> None:
    # The alias stands for nothing: the title it would have copied is not there.
    assert problems_of(tmp_path, "id: a\ndate: 2017\nkind: decree\nsources: &s [{title: s}]\ntitle: *s\n") == [
        "4:10 yaml-anchor",
        "5:8 invalid-value",
        "5:8 yaml-anchor",
    ]


DEEP = {
    "flow sequences": ("[" * 3000 + "]" * 3000, "1:1001 yaml-too-deep"),  # where libyaml stops reading ahead
    "flow sequences, unclosed": ("[" * 3000, "1:1001 yaml-too-deep"),
    "flow mappings": ("{a: " * 3000 + "}" * 3000, "1:129 yaml-too-deep"),
    "block sequences": ("- " * 3000 + "x\n", "1:65 yaml-too-deep"),
    "block mappings": ("".join(" " * level + "k:\n" for level in range(2000)), "33:33 yaml-too-deep"),
    "block and flow": ("a:\n  - " + "{b: [" * 1000 + "\n", "2:80 yaml-too-deep"),
}


@pytest.mark.parametrize("name", DEEP)
def test_deep_nesting_is_refused_without_recursion(tmp_path: Path, name: str) -> None:
    text, expected = DEEP[name]
    started = time.monotonic()
    assert problems_of(tmp_path, text) == [expected]
    assert time.monotonic() - started < 2


def test_nesting_at_the_limit_is_read(tmp_path: Path) -> None:
    # 32 levels parse; the file is then just not an event.
    assert problems_of(tmp_path, "[" * 32 + "]" * 32) == ["1:2 not-an-event"]


def test_deep_nesting_through_the_cli(tmp_path: Path) -> None:
    write(tmp_path, "deep.yaml", "[" * 3000 + "]" * 3000)
    result = run("check", "deep.yaml", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1,
        "deep.yaml:1:1001: error: nested more than 32 levels deep; event files need at most six [yaml-too-deep]\n",
    )
    no_traceback(result)
    assert "RecursionError" not in result.stderr


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    write(tmp_path, "big.yaml", HEAD + "title: t\n" + "#" * (MAX_BYTES - len(HEAD) - 9) + "\n")
    assert (tmp_path / "big.yaml").stat().st_size == MAX_BYTES + 1
    result = run("check", "big.yaml", "--no-cache", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1,
        "big.yaml:1:1: error: the file is over the 4 MiB cap for event files; split it [file-too-large]\n",
    )


def test_file_at_the_size_cap_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "e.yaml", HEAD + "title: t\n" + "#" * (MAX_BYTES - len(HEAD) - 10) + "\n")
    assert path.stat().st_size == MAX_BYTES
    assert problems(path) == []


def test_symbolic_link_loops_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path, "events/sub/e.yaml", HEAD + "title: t\n")
    os.symlink("..", tmp_path / "events/sub/up")
    os.symlink(".", tmp_path / "events/self")
    started = time.monotonic()
    result = run("check", "events", "--no-cache", cwd=tmp_path)
    assert time.monotonic() - started < 10
    assert (result.returncode, result.stdout.splitlines()) == (
        1,
        [
            "events/self:1:1: error: symbolic link to a directory that contains it; it is not followed [symlink-loop]",
            "events/sub/up:1:1: error: symbolic link to a directory that contains it; it is not followed [symlink-loop]",  # noqa: E501
        ],
    )
    no_traceback(result)
