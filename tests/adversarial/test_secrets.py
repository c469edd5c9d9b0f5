"""7. Secrets in logs: links out of the tree are not followed, and long values are never echoed whole."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dissident_timeline.dates import GENERIC_HELP

from ..conftest import run
from .helpers import HEAD, no_traceback, write

TOKEN = "ghp_" + "Z9" * 28  # 60 characters, like a leaked access token
OUTSIDE_SECRET = "TOPSECRET-b3f1c2"
OUTSIDE = "symbolic link to a path outside the tree given; it is not followed [symlink-outside]"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """events/ with links to a file, a directory and a FIFO outside it: reading the FIFO would hang."""
    write(
        tmp_path,
        "outside/secret.yaml",
        f"id: {OUTSIDE_SECRET}\ndate: 2017\nkind: decree\ntitle: {OUTSIDE_SECRET}\n{OUTSIDE_SECRET}: 1\n",
    )
    os.mkfifo(tmp_path / "outside/trap.yaml")
    write(tmp_path, "events/e.yaml", HEAD + "title: t\n")
    os.symlink("../outside/secret.yaml", tmp_path / "events/link.yaml")
    os.symlink(str(tmp_path / "outside/trap.yaml"), tmp_path / "events/trap.yaml")
    os.symlink("../outside", tmp_path / "events/outdir")
    os.symlink("/etc", tmp_path / "events/etc")
    return tmp_path


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--format", "github"],
        ["build"],
        ["build", "--format", "json"],
    ],
)
def test_links_out_of_the_tree_are_not_read(tree: Path, command: list[str]) -> None:
    result = run(*command, "events", "--no-cache", cwd=tree)
    assert result.returncode == 1
    no_traceback(result)
    assert OUTSIDE_SECRET not in result.stdout + result.stderr
    if command == ["check"]:
        assert result.stdout.splitlines() == [
            f"events/{name}:1:1: error: {OUTSIDE}" for name in ("etc", "link.yaml", "outdir", "trap.yaml")
        ]


def test_a_link_inside_the_tree_is_followed(tmp_path: Path) -> None:
    write(tmp_path, "events/a/e.yaml", HEAD + "title: t\nbogus: 1\n")
    os.symlink("a/e.yaml", tmp_path / "events/alias.yaml")
    result = run("check", "events", cwd=tmp_path)
    assert result.stdout.splitlines() == [  # the same file, read once, shown where the walk met it first
        "events/a/e.yaml:6:1: error: unknown field `bogus` (valid fields: id, date, kind, title, summary, actors, "
        "controversy, registers, tags, place, sources, relations, alternative_dates, legal, quotes) [unknown-field]"
    ]


LEAKY = (
    "id: a\n"
    f'date: "2017-{TOKEN}"\n'
    f'kind: "{TOKEN}"\n'
    "title: t\n"
    f'sources: [{{title: s, url: "ftp://{TOKEN}@example.org"}}, {{title: s, url: "https://x/?{TOKEN} "}},\n'
    f'          {{title: s, date: "{TOKEN}", lang: "{TOKEN}"}}]\n'
    f'alternative_dates: [{{date: "{TOKEN}"}}]\n'
    f'"{TOKEN}": 1\n'
    f'controversy: "{TOKEN}"\n'
    f'tags: ["{TOKEN}"]\n'
    f'place: ["{TOKEN}"]\n'
)


@pytest.mark.parametrize("format_name", ["text", "github", "json"])
def test_long_values_are_never_echoed_whole(tmp_path: Path, format_name: str) -> None:
    write(tmp_path, "e.yaml", LEAKY)
    result = run("check", "e.yaml", "--format", format_name, cwd=tmp_path)
    assert result.returncode == 1
    no_traceback(result)
    assert TOKEN not in result.stdout
    assert TOKEN[:30] in result.stdout  # a snippet helps find it; the whole value is not there
    codes = [line.rsplit(" ", 1)[1] for line in run("check", "e.yaml", cwd=tmp_path).stdout.splitlines()]
    assert codes == [
        "[invalid-date]",
        "[invalid-value]",
        "[invalid-url]",
        "[invalid-url]",
        "[invalid-date]",
        "[invalid-value]",
        "[invalid-date]",
        "[unknown-field]",
        "[invalid-id]",
        "[invalid-id]",
        "[invalid-value]",
    ]


def test_long_values_are_not_echoed_by_build_either(tmp_path: Path) -> None:
    write(tmp_path, "e.yaml", LEAKY)
    result = run("build", "e.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert TOKEN not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"e.yaml:2:7: error: `date`: `{('2017-' + TOKEN)[:39]}…` is not a valid date: {GENERIC_HELP} [invalid-date]"
    )
