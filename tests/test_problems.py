"""One fixture folder per problem code, each with the exact positions `check` must report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dissident_timeline.pipeline import check_paths
from dissident_timeline.problems import CATALOG

from .conftest import FIXTURES, run

CASES = sorted(p for p in (FIXTURES / "problems").iterdir() if p.is_dir())


def _expected(folder: Path) -> list[str]:
    return (folder / "expected.txt").read_text(encoding="utf-8").splitlines()


def _found(folder: Path, **options: object) -> list[str]:
    return [
        f"{os.path.relpath(p.path, folder)}:{p.line}:{p.col}: {p.code}" for p in check_paths([str(folder)], **options)
    ]


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_each_code_at_its_position(folder: Path) -> None:
    """The folder named after a code yields exactly that code, at the expected line and column."""
    assert folder.name in CATALOG
    assert _found(folder, use_cache=False) == _expected(folder)


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_cached_result_is_the_same(folder: Path) -> None:
    """A second run, served from the cache, reports exactly what the first did."""
    assert _found(folder, use_cache=True) == _found(folder, use_cache=True) == _expected(folder)


def test_every_static_code_has_a_fixture() -> None:
    """Each code of the catalog is exercised by a fixture folder or by a test below."""
    dynamic = {"unreadable-path", "file-too-large", "symlink-outside", "symlink-loop"}
    assert {c.name for c in CASES} | dynamic == set(CATALOG)


def test_file_too_large(tmp_path: Path) -> None:
    """A file over the cap is refused without being parsed."""
    (tmp_path / "big.yaml").write_bytes(b"# padding\n" * 500_000)
    assert _found(tmp_path) == ["big.yaml:1:1: file-too-large"]


def test_symlinks(tmp_path: Path) -> None:
    """Links leaving the tree and links to an enclosing directory are refused, not followed."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("id: secret\n")
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "leak.yaml").symlink_to(outside)
    (tree / "sub" / "loop").symlink_to(tree)
    (tree / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tree / "inside.yaml").symlink_to(tree / "sub" / "missing.yaml")
    assert _found(tree) == [
        "broken.yaml:1:1: symlink-outside",
        "inside.yaml:1:1: unreadable-path",
        "leak.yaml:1:1: symlink-outside",
        "sub/loop:1:1: symlink-loop",
    ]


def test_all_cases_in_one_run_exit_1() -> None:
    """One run over every fixture reports problems from every file and exits 1."""
    result = run("check", "--format", "json", str(FIXTURES / "problems"))
    assert result.returncode == 1, result.stderr
    folders = {Path(item["path"]).relative_to(FIXTURES / "problems").parts[0] for item in json.loads(result.stdout)}
    assert folders == {c.name for c in CASES}
    assert "Traceback" not in result.stderr
