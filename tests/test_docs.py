"""The docs stay honest: every problem code, command and option is documented."""

from __future__ import annotations

import re

import pytest

from dissident_timeline.cli import app
from dissident_timeline.problems import CATALOG, catalog_markdown

from .conftest import ROOT

DOCS = ROOT / "docs"


def test_problems_page_is_generated_from_the_catalog() -> None:
    """docs/problems.md is exactly what `make docs` generates from the catalog."""
    assert (DOCS / "problems.md").read_text(encoding="utf-8") == catalog_markdown()


def test_json_schema_is_generated_from_the_records() -> None:
    """docs/timeline.schema.json is exactly what `make docs` generates from records.py."""
    from dissident_timeline.records import json_schema

    assert (DOCS / "timeline.schema.json").read_text(encoding="utf-8") == json_schema()


def test_loader_and_corpus_records_have_the_documented_keys() -> None:
    """The records the corpus hands to renderers carry exactly the keys of `EventRecord` (and
    the internal `address` and `sort_key`), so the JSON output, the schema and the loader cannot
    drift apart."""
    from dissident_timeline.pipeline import load_corpus
    from dissident_timeline.records import ACTOR_KEYS, EVENT_KEYS

    corpus = load_corpus([str(ROOT / "tests" / "fixtures" / "corpus")], use_cache=False)
    internal = {"address", "sort_key"}
    assert {tuple(sorted(set(event) - internal)) for event in corpus.events} == {tuple(sorted(EVENT_KEYS))}
    assert all(set(ACTOR_KEYS) <= set(actor) for actor in corpus.actors)


def test_every_code_documented_in_the_format() -> None:
    """Every code of the catalog appears in docs/problems.md with its severity."""
    page = (DOCS / "problems.md").read_text(encoding="utf-8")
    for code, entry in CATALOG.items():
        assert f"| `{code}` | {entry.severity} |" in page


def _commands():
    import typer.main

    return typer.main.get_command(app).commands


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_and_option_is_in_commands_md(name: str) -> None:
    """Each command has a section in docs/commands.md that names each of its options."""
    page = (DOCS / "commands.md").read_text(encoding="utf-8")
    match = re.search(rf"^## `timeline {name}`$(.*?)(?=^## `timeline|\Z)", page, re.MULTILINE | re.DOTALL)
    assert match, f"no section for `timeline {name}`"
    for param in _commands()[name].params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in page, f"{option} of {name} is not documented"


def test_examples_are_what_the_commands_print() -> None:
    """Every `<!-- example -->` block of the README and docs/ is what its commands print today."""
    import subprocess
    import sys

    from .realclients import program

    program("jq")  # the README pipes JSON through jq
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "docs_examples.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_quick_start() -> None:
    """The README's quick start is the two commands CI and newcomers use."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
