"""8. Nothing lost on output: atomic writes, untouched files on failure, quiet closed pipes, no NaN."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dissident_timeline import output
from dissident_timeline.cli import app
from dissident_timeline.output import write_atomic

from ..conftest import run
from .helpers import HEAD, files_in, no_traceback, strict_json, write

PREVIOUS = "previous chronology\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write(tmp_path, "events/e.yaml", HEAD + "title: An event\n")
    write(tmp_path, "out/chronology.md", PREVIOUS)
    return tmp_path


def _invoke(directory: Path, *args: str):
    cwd = os.getcwd()
    os.chdir(directory)
    try:
        return CliRunner().invoke(app, list(args))
    finally:
        os.chdir(cwd)


def test_output_goes_through_a_synced_temporary_file_in_the_same_directory(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(("fsync", fd)), real_fsync(fd))[1])
    monkeypatch.setattr(
        os, "replace", lambda src, dst: (calls.append(("replace", src, dst)), real_replace(src, dst))[1]
    )
    result = _invoke(corpus, "build", "events", "--format", "markdown", "--output", "out/chronology.md", "--no-cache")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert [call[0] for call in calls] == ["fsync", "replace"]
    _name, temporary, final = calls[1]
    assert os.path.dirname(os.path.abspath(temporary)) == str(corpus / "out")
    assert os.path.basename(temporary).startswith(".chronology.md.") and temporary.endswith(".tmp")
    assert final == "out/chronology.md"
    assert (corpus / "out/chronology.md").read_text(encoding="utf-8").startswith("# Chronology\n")
    assert files_in(corpus / "out") == ["chronology.md"]


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_output_has_the_permissions_of_a_normal_file(corpus: Path, umask: int, mode: int) -> None:
    result = subprocess.run(
        [
            "bash",
            "-c",
            f'umask {umask:03o} && exec "$0" -m dissident_timeline build events --output out/new.json --format json',
            sys.executable,
        ],
        cwd=corpus,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert (corpus / "out/new.json").stat().st_mode & 0o777 == mode


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_a_failure_midway_leaves_the_previous_file_and_no_temporary(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, disk_full)
    result = _invoke(corpus, "build", "events", "--format", "markdown", "--output", "out/chronology.md", "--no-cache")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "Error: cannot write out/chronology.md: No space left on device\n",
    )
    assert (corpus / "out/chronology.md").read_text(encoding="utf-8") == PREVIOUS
    assert files_in(corpus / "out") == ["chronology.md"]


def test_an_interruption_while_writing_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write(tmp_path, "out.json", PREVIOUS)

    def interrupted(_fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(target), "x" * 1_000_000)
    assert target.read_text(encoding="utf-8") == PREVIOUS
    assert files_in(tmp_path) == ["out.json"]


@pytest.mark.parametrize(
    "target, message",
    [
        ("missing/dir/out.md", "Error: cannot write missing/dir/out.md: No such file or directory\n"),
        ("out", "Error: cannot write out: Is a directory\n"),
    ],
)
def test_an_unwritable_output_is_a_usage_error(corpus: Path, target: str, message: str) -> None:
    result = run("build", "events", "--output", target, cwd=corpus)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)
    assert files_in(corpus / "out") == ["chronology.md"]


def test_input_with_errors_leaves_the_output_untouched(corpus: Path) -> None:
    write(corpus, "events/bad.yaml", HEAD + "title: [not, text]\n")
    before = (corpus / "out/chronology.md").stat()
    result = run("build", "events", "--format", "markdown", "--output", "out/chronology.md", cwd=corpus)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "events/bad.yaml:5:8: error: `title` must be text, not a list [invalid-value]\n"
    assert (corpus / "out/chronology.md").read_text(encoding="utf-8") == PREVIOUS
    assert (corpus / "out/chronology.md").stat().st_mtime_ns == before.st_mtime_ns
    assert files_in(corpus / "out") == ["chronology.md"]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough events (and problems) that every output is far larger than a pipe's buffer."""
    directory = tmp_path_factory.mktemp("big")
    events = "".join(
        f"- {{id: e{i}, date: 2017, kind: decree, title: Event number {i} " + "x" * 60 + ", sources: [{title: s}]}\n"
        for i in range(1500)
    )
    write(directory, "events.yaml", events)
    write(directory, "problems.yaml", events.replace("kind: decree", "kind: decre"))
    return directory


@pytest.mark.parametrize(
    "command",
    [
        "build events.yaml",
        "build events.yaml --format markdown",
        "build events.yaml --format json",
        "build events.yaml --format html",
        "filter events.yaml --kind decree",
        "check problems.yaml",
        "check problems.yaml --format json",
    ],
)
def test_a_closed_pipe_ends_quietly(big: Path, command: str) -> None:
    result = subprocess.run(
        ["bash", "-c", f'"$0" -m dissident_timeline {command} | head -1', sys.executable],
        cwd=big,
        capture_output=True,
        text=True,
        timeout=60,
    )
    # `check` ends with its summary line on stderr (when the pipe closed after its report was written).
    assert result.stderr in ("", "1500 errors, 0 warnings in 1 file\n")
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.Inf", "+.INF", "NaN", "Infinity", "1e999"])
def test_json_never_holds_nan_or_infinity(tmp_path: Path, value: str) -> None:
    write(tmp_path, "e.yaml", HEAD + f"title: {value}\nplace: {value}\nsummary: {value}\n")
    result = run("build", "e.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    event = strict_json(result.stdout)["events"][0]  # refuses NaN and Infinity
    assert (event["title"], event["place"], event["summary"]) == (value, value, value)
