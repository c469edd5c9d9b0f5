"""4. Encodings and bytes: a BOM and CRLF are fine; anything that is not UTF-8 text is placed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dissident_timeline.output import write_atomic
from dissident_timeline.render import View, render

from ..conftest import run
from .helpers import HEAD, events_of, messages_of, no_traceback, strict_json, write

GOOD = HEAD + "title: Café\n"
UTF16_HINT = " (the file looks like UTF-16: re-save it as UTF-8)"


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    events = events_of(tmp_path, b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert [(e["title"], e["date"], e["line"]) for e in events] == [("Café", "2017", 1)]


@pytest.mark.parametrize(
    "prefix, newline", [(b"", "\r\n"), (b"\xef\xbb\xbf", "\r\n"), (b"\xef\xbb\xbf", "\n"), (b"", "\r")]
)
def test_positions_are_right_with_bom_and_crlf(tmp_path: Path, prefix: bytes, newline: str) -> None:
    text = HEAD + "title: [Café]\nsummaary: s\n"
    assert messages_of(tmp_path, prefix + text.replace("\n", newline).encode()) == [
        "5:8 invalid-value: `title` must be text, not a list",
        "6:1 unknown-field: unknown field `summaary` (did you mean `summary`?)",
    ]


@pytest.mark.parametrize(
    "encoding, expected",
    [
        ("utf-16-le", f"1:2 invalid-encoding: NUL byte in the file{UTF16_HINT}"),
        ("utf-16-be", f"1:1 invalid-encoding: NUL byte in the file{UTF16_HINT}"),
        ("utf-16", f"1:4 invalid-encoding: NUL byte in the file{UTF16_HINT}"),  # with its byte order mark
        ("latin-1", "5:11 invalid-encoding: the file is not valid UTF-8"),
        ("cp1252", "5:11 invalid-encoding: the file is not valid UTF-8"),
    ],
)
def test_other_encodings_are_refused_with_a_position(tmp_path: Path, encoding: str, expected: str) -> None:
    assert messages_of(tmp_path, GOOD.encode(encoding)) == [expected]


@pytest.mark.parametrize(
    "data, expected",
    [
        (GOOD.encode() + b"place: a\x00b\n", "6:9 invalid-encoding: NUL byte in the file"),
        (GOOD.encode() + b"place: \xff\xfe\n", "6:8 invalid-encoding: the file is not valid UTF-8"),
        (GOOD.encode() + b"place: \xed\xa0\x80\n", "6:8 invalid-encoding: the file is not valid UTF-8"),  # a surrogate
        (GOOD.encode() + b"place: \xc0\xae\n", "6:8 invalid-encoding: the file is not valid UTF-8"),  # overlong
        (GOOD.encode() + b"place: caf\xc3", "6:11 invalid-encoding: the file is not valid UTF-8"),  # truncated
    ],
)
def test_bytes_that_are_not_utf8_are_placed(tmp_path: Path, data: bytes, expected: str) -> None:
    assert messages_of(tmp_path, data) == [expected]


@pytest.mark.parametrize(
    "escape, position", [('"\\ud800"', "5:11"), ('"x\\udfff"', "5:12"), ('"\\ud83d\\ude00"', "5:11")]
)  # libyaml refuses JSON's pairs too
def test_surrogate_escapes_are_a_problem_with_a_line(tmp_path: Path, escape: str, position: str) -> None:
    assert messages_of(tmp_path, HEAD + f"title: {escape}\n") == [
        f"{position} yaml-syntax: YAML syntax error: found invalid Unicode character escape code (while parsing "
        "a quoted scalar)"
    ]


@pytest.mark.parametrize("raw, code", [("\x1b", "001B"), ("\x9b", "009B"), ("\x07", "0007"), ("\ufffe", "FFFE")])
def test_raw_control_characters_are_placed(tmp_path: Path, raw: str, code: str) -> None:
    # YAML forbids them unescaped; the position is where the character is.
    assert messages_of(tmp_path, HEAD + f"title: Café{raw}x\n") == [
        f"5:12 yaml-syntax: YAML syntax error: character U+{code} is not allowed in a YAML file; remove it"
    ]


def test_an_undecodable_file_name_never_breaks_output(tmp_path: Path) -> None:
    # A file name that is not UTF-8 becomes a lone surrogate in Python; stdout is strict UTF-8 here.
    events = tmp_path / "events"
    events.mkdir()
    with open(os.path.join(os.fsencode(events), b"caf\xe9\x1b[2J.yaml"), "wb") as handle:
        handle.write((HEAD + "title: t\nsummaary: x\n").encode())
    env = {"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"}
    text = run("check", "events", "--no-cache", cwd=tmp_path, env=env)
    assert (text.returncode, text.stdout) == (
        1,
        "events/caf\\udce9\\u001b[2J.yaml:6:1: error: unknown field `summaary` (did you mean `summary`?) "
        "[unknown-field]\n",
    )
    github = run("check", "events", "--format", "github", cwd=tmp_path, env=env)
    assert github.stdout == (
        "::error file=events/caf\\udce9\\u001b[2J.yaml,line=6,col=1,title=unknown-field::"
        "unknown field `summaary` (did you mean `summary`?)\n"
    )
    as_json = run("check", "events", "--format", "json", cwd=tmp_path, env=env)
    assert strict_json(as_json.stdout)[0]["path"] == "events/caf\udce9\x1b[2J.yaml"
    assert "\\udce9\\u001b" in as_json.stdout
    for result in (text, github, as_json):
        no_traceback(result)
    write(tmp_path, "events/café\x1b[2J.yaml", HEAD.replace("id: a", "id: b") + "title: other\n")
    (events / os.fsdecode(b"caf\xe9\x1b[2J.yaml")).write_bytes((HEAD + "title: t\n").encode())
    built = run("build", "events", "--format", "json", cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stderr
    assert sorted(e["file"] for e in strict_json(built.stdout)["events"]) == [
        "events/café\x1b[2J.yaml",
        "events/caf\udce9\x1b[2J.yaml",
    ]
    written = run("build", "events", "--format", "json", "--output", "out.json", cwd=tmp_path, env=env)
    assert (written.returncode, written.stderr) == (0, "")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == built.stdout


@pytest.mark.parametrize("format_name", ["table", "markdown", "json", "html"])
def test_a_lone_surrogate_in_data_never_breaks_rendering_or_writing(tmp_path: Path, format_name: str) -> None:
    # Unreachable from YAML (libyaml refuses `"\ud800"`), but rendering must not depend on it.
    event = {
        "id": "a",
        "date": "2017",
        "start": "2017-01-01",
        "end": "2017-12-31",
        "start_time": None,
        "end_time": None,
        "start_bound": "known",
        "end_bound": "known",
        "precision": "year",
        "approximate": False,
        "uncertain": False,
        "kind": "decree",
        "title": "x\ud800y",
        "summary": "s\udcff",
        "actors": [{"id": "a", "name": "n\ud800", "role": None}],
        "controversy": None,
        "registers": [],
        "tags": [],
        "place": "p\ud800",
        "sources": [{"title": "t\ud800"}],
        "relations": [],
        "alternative_dates": [],
        "legal": None,
        "quotes": [],
        "file": "e\udcff.yaml",
        "line": 1,
    }
    text = render(format_name, View([event], [], "T\ud800"))
    write_atomic(str(tmp_path / "out"), text)
    written = (tmp_path / "out").read_text(encoding="utf-8")
    assert "\\ud800" in written
    if format_name == "json":
        assert strict_json(written)["events"][0]["title"] == "x\ud800y"
