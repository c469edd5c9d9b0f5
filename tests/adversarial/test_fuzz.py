"""9. Fuzzing: whatever the bytes, the loader returns events or problems and the CLI exits 0, 1 or 2."""

from __future__ import annotations

import os
import tempfile

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dissident_timeline.dates import DateError, PartialDate, parse_date
from dissident_timeline.loader import Analysis, analyse
from dissident_timeline.models import FIELDS
from dissident_timeline.problems import CATALOG

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["no", "yes", "~", "null", "2017", "2017-01-25", "12:30", ".nan", "0x1F", "<<", "1e3", "decree", "a", ""]
    ),
)
keys = st.one_of(
    st.sampled_from([*FIELDS["event"][""], "actor", "role", "type", "event", "url", "actors", "name", "<<", "? x"]),
    st.text(max_size=12),
)
documents = st.recursive(
    scalars | st.none(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=25,
)
events = st.fixed_dictionaries({}, optional={field: documents for field in FIELDS["event"][""]})
VALID = (
    b"id: a\ndate: 2017-01-25\nkind: decree\ntitle: t\nactors: [A, {actor: B, role: target}]\n"
    b"sources: [{title: s, url: 'https://x.org', date: 2017}]\nrelations: [{type: cites, event: b}]\n"
)


def _assert_outcome(result: Analysis, registry: bool) -> None:
    assert isinstance(result, Analysis)
    for problem in result.problems:
        assert problem.code in CATALOG, problem
        assert problem.line >= 1 and problem.col >= 1, problem
    if not registry:
        assert result.events or result.problems  # never silently nothing


def _dump(document, style) -> bytes:
    return yaml.safe_dump(document, allow_unicode=True, default_flow_style=style, sort_keys=False).encode()


@FAST
@given(document=documents, registry=st.booleans(), style=st.sampled_from([False, True, None]))
def test_loader_on_random_documents(document, registry: bool, style) -> None:
    _assert_outcome(analyse(_dump(document, style), registry), registry)


@FAST
@given(document=events, many=st.booleans(), style=st.sampled_from([False, True, None]))
def test_loader_on_random_event_shaped_documents(document, many: bool, style) -> None:
    _assert_outcome(analyse(_dump([document, document] if many else document, style), False), False)


@FAST
@given(data=st.binary(max_size=300), registry=st.booleans())
def test_loader_on_random_bytes(data: bytes, registry: bool) -> None:
    _assert_outcome(analyse(data, registry), registry)


@FAST
@given(text=st.text(max_size=200), registry=st.booleans())
def test_loader_on_random_text(text: str, registry: bool) -> None:
    _assert_outcome(analyse(text.encode("utf-8", "surrogatepass"), registry), registry)


@FAST
@given(
    position=st.integers(0, len(VALID)),
    insert=st.lists(
        st.sampled_from([*list("&*!|>%@`'\"[]{}:,-?#~\t\n\r\\ \x00\x1b\x85\u2028\ufeff�"), "<<: ", "\n  ", "\n- "]),
        max_size=4,
    ).map("".join),
    cut=st.integers(0, 5),
)
def test_loader_on_mutated_valid_files(position: int, insert: str, cut: int) -> None:
    data = VALID[:position] + insert.encode("utf-8", "surrogatepass") + VALID[position + cut :]
    _assert_outcome(analyse(data, False), False)


date_like = st.from_regex(
    r"\A(\.\.|[0-9X]{2,5}(-[0-9X]{1,3}){0,3}[~?%]?)(/(\.\.|[0-9X]{2,5}(-[0-9X]{1,3}){0,2}"
    r"[~?%]?))?\Z"
)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(st.text(max_size=40), date_like))
def test_date_parser_on_random_strings(text: str) -> None:
    try:
        parsed = parse_date(text)
    except DateError:
        return
    assert isinstance(parsed, PartialDate)
    assert parsed.start is None or parsed.end is None or parsed.start <= parsed.end


def _cli(content: bytes, args: list[str]) -> int:
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "e.yaml")
        with open(path, "wb") as handle:
            handle.write(content)
        result = CliRunner().invoke(app_(), [args[0], path, "--no-cache", *args[1:]])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return result.exit_code


def app_():
    from dissident_timeline.cli import app

    return app


COMMANDS = st.sampled_from(
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--format", "github"],
        ["build"],
        ["build", "--format", "markdown"],
        ["build", "--format", "json"],
        ["filter", "--text", "a"],
        ["actors"],
    ]
)


@SLOW
@given(
    content=st.one_of(
        st.binary(max_size=200), documents.map(lambda d: _dump(d, None)), events.map(lambda d: _dump(d, False))
    ),
    args=COMMANDS,
)
@example(content=b"actors: ['']", args=["check"])  # an invalid event's actor reference without a role
@example(content=b"[]", args=["build"])
def test_cli_on_random_file_contents(content: bytes, args: list[str]) -> None:
    assert _cli(content, args) in (0, 1, 2)


@SLOW
@given(since=st.text(max_size=20), until=st.text(max_size=20))
def test_cli_on_random_date_filters(since: str, until: str) -> None:
    assert _cli(
        VALID.replace(b"relations: [{type: cites, event: b}]\n", b""),
        ["filter", "--since", since or "2017", "--until", until or "2018"],
    ) in (0, 2)
