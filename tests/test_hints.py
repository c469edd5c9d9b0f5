"""Messages that say how to fix: each folder of tests/fixtures/hints holds a common mistake and
the exact problems `check` reports for it (position and message)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dissident_timeline.commands.check import summary_line
from dissident_timeline.pipeline import check_paths
from dissident_timeline.problems import Problem

from .conftest import FIXTURES, run

CASES = sorted(p for p in (FIXTURES / "hints").iterdir() if p.is_dir())


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_hint_at_its_position(folder: Path) -> None:
    found = [
        f"{os.path.relpath(p.path, folder)}:{p.line}:{p.col}: {p.code}: {p.message}"
        for p in check_paths([str(folder)], use_cache=False)
    ]
    assert found == (folder / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_summary_line_on_stderr_only() -> None:
    folder = FIXTURES / "hints"
    text = run("check", str(folder))
    machine = run("check", "--format", "json", str(folder))
    assert text.stderr == "13 errors, 3 warnings in 12 files\n"
    assert machine.stderr == text.stderr and machine.stdout.startswith("[")
    assert summary_line([Problem("a", 1, 1, "warning", "no-source", "m")]) == "0 errors, 1 warning in 1 file"
    clean = run("check", str(FIXTURES.parent.parent / "events"))
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
