"""5. Terminal injection: data is shown as written, with every control character made visible."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dissident_timeline.safe import visible

from ..conftest import run
from .helpers import FIXTURES, HEAD, RAW_CONTROLS, no_traceback, write

FORCED = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1", "CLICOLOR_FORCE": "1"}
TITLES = [
    "[bold red]x[/] [link=http://evil]x[/link] :fire:",
    "clear\\u001b[2J clip\\u001b]52;c;cm0gLXJmIH4=\\u0007 csi\\u009b31m bidi\\u202etxt.exe",
]
ACTORS = ["[bold]Boss[/bold], :skull: Mallory (target)", "\\u202eevil\\u202c, bell\\u0007, esc\\u001b[5m (author)"]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "terminal_injection.yaml", tmp_path / "events.yaml")
    return tmp_path


def _assert_inert(text: str) -> None:
    for raw in RAW_CONTROLS:
        assert raw not in text, f"raw {raw!r} in output"


@pytest.mark.parametrize("command", [["build"], ["filter", "--kind", "decree", "--kind", "ruling"]])
@pytest.mark.parametrize("env", [{}, FORCED], ids=["pipe", "forced-terminal"])
def test_table_shows_data_literally(hostile: Path, command: list[str], env: dict[str, str]) -> None:
    result = run(*command, "events.yaml", cwd=hostile, env={**env, "COLUMNS": "250"})
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    _assert_inert(result.stdout)
    rows = [line for line in result.stdout.splitlines() if "decree" in line or "ruling" in line]
    assert [[cell.strip() for cell in row.split("│")[3:5]] for row in rows] == [
        list(pair) for pair in zip(TITLES, ACTORS, strict=False)
    ]


@pytest.mark.parametrize("columns", ["20", "45", "80"])
def test_narrow_tables_never_split_an_escape_into_raw_bytes(hostile: Path, columns: str) -> None:
    result = run("build", "events.yaml", cwd=hostile, env={**FORCED, "COLUMNS": columns})
    assert result.returncode == 0
    _assert_inert(result.stdout)


def test_real_terminal_gets_only_the_tools_own_styles(hostile: Path) -> None:
    pty = pytest.importorskip("pty")
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "250", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    env.pop("CI", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "dissident_timeline", "build", "events.yaml"],
        cwd=hostile,
        stdin=secondary,
        stdout=secondary,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(secondary)
    chunks = []
    while True:
        ready, _w, _x = select.select([primary], [], [], 20)
        if not ready:
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert process.wait(timeout=20) == 0
    assert b"Traceback" not in process.stderr.read()
    process.stderr.close()
    output = b"".join(chunks).decode("utf-8")
    assert "\x1b[" in output  # a real terminal: styled
    styles_removed = re.sub(r"\x1b\[[0-9;]*m", "", output)
    _assert_inert(styles_removed)  # no ESC but rich's own SGR styles; no CSI, OSC, BEL or bidi
    for title in TITLES:
        assert title in styles_removed


def test_actors_table_is_inert(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "actors.yaml", tmp_path / "actors.yaml")
    write(tmp_path, "e.yaml", HEAD + 'title: t\nactors: [":fire:"]\n')
    result = run("actors", ".", cwd=tmp_path, env=FORCED)
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)
    assert "│ [bold]Boss[/bold] \\u001b[5m │ boss │ person │ \\u202eevil, :fire: │      1 │" in result.stdout


UNKNOWN = HEAD + 'title: t\n"ti\\e[2Jtle\\u202e": x\n"\\n::error file=x::forged": y\n"%0A::warning::forged": z\n'


def test_problem_messages_are_inert_as_text(tmp_path: Path) -> None:
    write(tmp_path, "e.yaml", UNKNOWN)
    result = run("check", "e.yaml", cwd=tmp_path)
    fields = (
        "(valid fields: id, date, kind, title, summary, actors, controversy, registers, tags, place, sources, "
        "relations, alternative_dates, legal, quotes)"
    )
    assert (result.returncode, result.stdout.splitlines()) == (
        1,
        [
            "e.yaml:6:1: error: unknown field `ti\\u001b[2Jtle\\u202e` (did you mean `title`?) [unknown-field]",
            f"e.yaml:7:1: error: unknown field `\\u000a::error file=x::forged` {fields} [unknown-field]",
            f"e.yaml:8:1: error: unknown field `%0A::warning::forged` {fields} [unknown-field]",
        ],
    )
    no_traceback(result)


def test_problem_messages_cannot_forge_a_github_command(tmp_path: Path) -> None:
    write(tmp_path, "e.yaml", UNKNOWN)
    result = run("check", "e.yaml", "--format", "github", cwd=tmp_path)
    lines = result.stdout.split("\n")
    assert lines[-1] == "" and len(lines) == 4  # one line per problem, no newline from data
    assert [line.split("::")[1] for line in lines[:-1]] == [
        "error file=e.yaml,line=6,col=1,title=unknown-field",
        "error file=e.yaml,line=7,col=1,title=unknown-field",
        "error file=e.yaml,line=8,col=1,title=unknown-field",
    ]
    assert lines[1].startswith(
        "::error file=e.yaml,line=7,col=1,title=unknown-field::unknown field `\\u000a::error file=x::forged`"
    )
    assert lines[2].startswith(
        "::error file=e.yaml,line=8,col=1,title=unknown-field::unknown field `%250A::warning::forged`"
    )  # `%0A` would be decoded to a newline by the runner
    _assert_inert(result.stdout)
    assert "\r" not in result.stdout


def test_a_path_cannot_forge_github_properties(tmp_path: Path) -> None:
    write(tmp_path, "a,line=1::x/e.yaml", HEAD + "title: t\nbogus: 1\n")
    result = run("check", ".", "--format", "github", cwd=tmp_path)
    assert result.stdout.startswith("::error file=a%2Cline=1%3A%3Ax/e.yaml,line=6,col=1,title=unknown-field::")


def test_problem_messages_are_inert_as_json(tmp_path: Path) -> None:
    write(tmp_path, "e.yaml", UNKNOWN.replace("ti\\e[2Jtle", "ti\\x9b2Jtle"))
    result = run("check", "e.yaml", "--format", "json", cwd=tmp_path)
    _assert_inert(result.stdout)
    assert [p["message"].split(" (")[0] for p in json.loads(result.stdout)] == [  # the data, exactly
        "unknown field `ti\x9b2Jtle\u202e`",
        "unknown field `\n::error file=x::forged`",
        "unknown field `%0A::warning::forged`",
    ]


def test_problems_of_build_on_stderr_are_inert(hostile: Path) -> None:
    write(hostile, "bad.yaml", UNKNOWN)
    result = run("build", ".", cwd=hostile, env=FORCED)
    assert (result.returncode, result.stdout) == (1, "")
    _assert_inert(result.stderr)
    assert (
        result.stderr.splitlines()[0]
        == "bad.yaml:6:1: error: unknown field `ti\\u001b[2Jtle\\u202e` (did you mean `title`?) [unknown-field]"
    )


@pytest.mark.parametrize("format_name", ["json", "markdown"])
def test_other_formats_are_inert_too(hostile: Path, format_name: str) -> None:
    result = run("build", "events.yaml", "--format", format_name, cwd=hostile, env=FORCED)
    assert result.returncode == 0
    _assert_inert(result.stdout)
    if format_name == "json":
        titles = [event["title"] for event in json.loads(result.stdout)["events"]]
        assert titles[1] == "clear\x1b[2J clip\x1b]52;c;cm0gLXJmIH4=\x07 csi\x9b31m bidi\u202etxt.exe"  # exact data


def test_visible_escapes_every_hidden_character() -> None:
    assert (
        visible("a\x1b[2J\x9b\x07\u202e\u2066\u200b\u2028\ufeff\t\U000e0001b")
        == "a\\u001b[2J\\u009b\\u0007\\u202e\\u2066\\u200b\\u2028\\ufeff \\U000e0001b"
    )
    assert visible("Café ñ 東京 [bold] :fire:") == "Café ñ 東京 [bold] :fire:"
