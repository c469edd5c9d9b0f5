"""Shared helpers of the adversarial suite: write a hostile file, check it, read the outcome."""

from __future__ import annotations

import json
import os
from pathlib import Path

from dissident_timeline.pipeline import check_paths, load_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A valid event lacking only its title, with a source (no `no-source` warning): the hostile
# line comes fifth, so a value after `title: ` is at 5:8.
HEAD = "id: a\ndate: 2017\nkind: decree\nsources: [{title: s}]\n"

# Terminal bytes that must never reach stdout or stderr raw.
RAW_CONTROLS = ("\x1b", "\x9b", "\x07", "\u202e", "\u202d", "\u2066", "\x00")


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def problems(path: Path | str) -> list[str]:
    """`LINE:COL CODE` of every problem `check` finds under `path`, in order."""
    return [f"{p.line}:{p.col} {p.code}" for p in check_paths([str(path)], use_cache=False)]


def problems_of(tmp_path: Path, content: str | bytes, name: str = "e.yaml") -> list[str]:
    return problems(write(tmp_path, name, content))


def messages_of(tmp_path: Path, content: str | bytes, name: str = "e.yaml") -> list[str]:
    """`LINE:COL CODE: MESSAGE` of every problem."""
    path = write(tmp_path, name, content)
    return [f"{p.line}:{p.col} {p.code}: {p.message}" for p in check_paths([str(path)], use_cache=False)]


def events_of(tmp_path: Path, content: str | bytes, name: str = "e.yaml") -> list[dict]:
    """The events of a file that must have no error."""
    corpus = load_corpus([str(write(tmp_path, name, content))], use_cache=False)
    assert not corpus.has_errors, corpus.problems
    return corpus.events


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def strict_json(text: str):
    """Parse JSON refusing NaN and Infinity, which are not JSON."""

    def refuse(constant: str):
        raise AssertionError(f"{constant} in JSON output")

    return json.loads(text, parse_constant=refuse)


def files_in(directory: Path) -> list[str]:
    return sorted(os.listdir(directory))
