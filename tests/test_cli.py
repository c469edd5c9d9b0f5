"""The command line as users and CI call it: exit codes, stdout and stderr together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, run

CORPUS = str(FIXTURES / "corpus")
PROBLEMS = FIXTURES / "problems"


def test_version() -> None:
    """`timeline --version` prints the version and exits 0."""
    from dissident_timeline import __version__

    result = run("--version")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"timeline {__version__}\n", "")


def test_clean_corpus_checks_silently() -> None:
    """A clean corpus prints nothing and exits 0, even under --strict."""
    result = run("check", "--strict", CORPUS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_default_path_is_events(tmp_path: Path) -> None:
    """Without paths, `events/` under the working directory is read."""
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.yaml").write_text("id: a\ndate: '2017'\nkind: decree\ntitle: T\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "events/a.yaml:1:5: warning: `a` cites no source; add `sources:` [no-source]\n"


def test_warnings_fail_only_under_strict() -> None:
    """A warning alone exits 0; with --strict it exits 1."""
    folder = str(PROBLEMS / "no-source")
    assert run("check", folder).returncode == 0
    assert run("check", "--strict", folder).returncode == 1


def test_text_format_is_path_line_col_severity_message_code() -> None:
    """Text lines follow `PATH:LINE:COL: SEVERITY: MESSAGE [CODE]`, with the path as given."""
    result = run("check", "tests/fixtures/problems/unknown-field", cwd=ROOT)
    assert result.returncode == 1
    assert result.stdout == (
        "tests/fixtures/problems/unknown-field/unknown.yaml:6:1: error: unknown field "
        "`sumary` (did you mean `summary`?) [unknown-field]\n"
    )
    assert result.stderr == "1 error, 0 warnings in 1 file\n"  # the summary goes to stderr only


def test_github_format() -> None:
    """`--format github` prints workflow commands GitHub turns into annotations."""
    result = run("check", "--format", "github", "tests/fixtures/problems/source-before-event", cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.startswith(
        "::warning file=tests/fixtures/problems/source-before-event/event.yaml,"
        "line=7,col=11,title=source-before-event::source dated 2017-02-28"
    )


def test_json_format() -> None:
    """`--format json` is a list of problems with exactly the documented keys."""
    result = run("check", "--format", "json", str(PROBLEMS / "invalid-date"))
    problems = json.loads(result.stdout)
    assert result.returncode == 1
    assert [(p["line"], p["col"], p["severity"], p["code"]) for p in problems] == [(2, 7, "error", "invalid-date")]
    assert set(problems[0]) == {"path", "line", "col", "severity", "code", "message"}


def test_problems_sorted_by_path_line_col() -> None:
    """Problems of many files come sorted by path, then line, then column."""
    result = run("check", "--format", "json", str(PROBLEMS))
    keys = [(p["path"], p["line"], p["col"]) for p in json.loads(result.stdout)]
    assert keys == sorted(keys) and len(keys) > 20


@pytest.mark.parametrize(
    "args",
    [
        ["check", "does-not-exist"],
        ["check", "--format", "xml", CORPUS],
        ["check", "--bogus"],
        ["filter", CORPUS, "--actor", "Nobody At All"],
        ["filter", CORPUS, "--since", "someday"],
        ["build", CORPUS, "--format", "pdf"],
        ["nonsense"],
        ["filter", CORPUS, "--kind", "rulling"],
        ["filter", CORPUS, "--register", "polis"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    """Unknown options, unknown actors in a query and unreadable paths exit 2, without a traceback."""
    result = run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr


def test_unknown_actor_suggests_names() -> None:
    """An unknown actor in a query names the closest registered actors."""
    result = run("filter", CORPUS, "--actor", "San Fransisco")
    assert result.returncode == 2
    assert result.stderr == "Error: unknown actor 'San Fransisco' (did you mean `San Francisco`?)\n"


def test_build_refuses_input_with_errors(tmp_path: Path) -> None:
    """With errors, build prints the problems to stderr, renders nothing and exits 1."""
    target = tmp_path / "out.md"
    target.write_text("previous\n")
    result = run("build", str(PROBLEMS / "invalid-date"), "--format", "markdown", "--output", str(target))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "[invalid-date]" in result.stderr
    assert target.read_text() == "previous\n"


def test_build_output_file(tmp_path: Path) -> None:
    """--output writes the same bytes as stdout would, and nothing to stdout."""
    target = tmp_path / "chronology.json"
    result = run("build", CORPUS, "--format", "json", "--output", str(target))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8") == run("build", CORPUS, "--format", "json").stdout
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("command", ["check", "build", "filter", "actors"])
def test_every_command_has_help(command: str) -> None:
    """`timeline COMMAND --help` works for every command."""
    result = run(command, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


def test_python_dash_m() -> None:
    """`python -m dissident_timeline` is the same program (the tests run it that way)."""
    assert run("--help").returncode == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--controversy", "sanctuary"], "--controversy 'sanctuary': no event uses it"),
        (["--tag", "nope-tag"], "--tag 'nope-tag': no event uses it"),
        (
            ["--actor", "Donald Trump", "--role", "speakr"],
            "--role 'speakr': no event uses it (did you mean `speaker`?)",
        ),
    ],
)
def test_slugs_no_event_uses_exit_2_with_suggestions(args: list[str], expected: str) -> None:
    """An unknown --controversy, --tag or --role is a typo: exit 2 with the closest slugs in use."""
    result = run("filter", CORPUS, *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", CORPUS, "--kind", "rulling"], "`rulling` is not a kind (did you mean `ruling`?)"),
        (["build", CORPUS, "--register", "polis"], "`polis` is not a register (did you mean `politics`"),
        (["build", CORPUS, "--format", "markdwn"], "`markdwn` is not a format (did you mean `markdown`"),
        (["actors", CORPUS, "--format", "github"], "`github` is not a format; choose from: text, json."),
    ],
)
def test_bad_choices_read_as_sentences(args: list[str], expected: str) -> None:
    """A value outside a closed list exits 2 with a sentence, the closest choice and the list."""
    result = run(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert expected in " ".join(result.stderr.split())


@pytest.mark.parametrize("command", ["check", "build", "filter", "actors"])
def test_help_shows_no_type_labels_and_breaks_no_word(command: str) -> None:
    """Help text is for people: no `<bool>` or `<list[str]>`, and lines break between words."""
    narrow, wide = (run(command, "--help", env={"COLUMNS": columns}) for columns in ("50", "400"))
    assert narrow.returncode == wide.returncode == 0
    assert "<" not in narrow.stdout
    assert set(narrow.stdout.split()) <= set(wide.stdout.split())  # no word was cut in two
