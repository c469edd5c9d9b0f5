"""`check FILE...` checks the named files in the context of their whole corpus (SPEC §10)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dissident_timeline.pipeline import check_in_corpus, corpus_root

from .conftest import ROOT, run

REGISTRY = "actors:\n  - {id: donald-trump, name: Donald Trump, type: person}\n"
EVENT = """\
id: {id}
date: "2017-01-{day}"
kind: decree
title: Event {id}
actors: [Donald Trump]
sources: [{{title: Le Monde}}]
"""


def _corpus(tmp_path: Path) -> Path:
    """events/ with a registry, two good events (b responds to a) and one broken file elsewhere."""
    events = tmp_path / "events"
    (events / "x").mkdir(parents=True)
    (events / "actors.yaml").write_text(REGISTRY)
    (events / "x" / "a.yaml").write_text(EVENT.format(id="a", day="25"))
    (events / "x" / "b.yaml").write_text(
        EVENT.format(id="b", day="26") + "relations:\n  - {type: responds_to, event: a}\n"
    )
    (events / "broken.yaml").write_text(EVENT.format(id="c", day="27") + "relations: [{type: blocks, event: gone}]\n")
    return events


def test_every_shipped_event_file_alone_is_clean() -> None:
    """`check events/<file>` reports no false problem (dangling relation, unknown actor) for any file.

    In-process, one call per file: the first call fills the whole-result cache, the others reuse it."""
    files = sorted(p for p in (ROOT / "events").rglob("*.yaml") if p.name != "actors.yaml")
    assert len(files) > 100
    os.chdir(ROOT)
    noisy = {str(path): found for path in files if (found := check_in_corpus([str(path.relative_to(ROOT))]))}
    assert noisy == {}


def test_relations_and_actors_resolve_in_the_corpus(tmp_path: Path) -> None:
    _corpus(tmp_path)
    result = run("check", "events/x/b.yaml", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


def test_only_the_named_files_problems_with_the_path_as_given(tmp_path: Path) -> None:
    _corpus(tmp_path)
    (tmp_path / "events" / "x" / "b.yaml").write_text(
        EVENT.format(id="b", day="26") + "relations: [{type: appeals, event: nowhere}]\n"
    )
    result = run("check", "events/x/b.yaml", "events/x/a.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ("events/x/b.yaml:7:36: error: no event has the id `nowhere` [dangling-relation]\n")
    inside = run("check", "b.yaml", cwd=tmp_path / "events" / "x")
    assert inside.stdout.startswith("b.yaml:7:36: error:")
    absolute = run("check", "--format", "json", str(tmp_path / "events" / "x" / "b.yaml"))
    assert [p["path"] for p in json.loads(absolute.stdout)] == [str(tmp_path / "events" / "x" / "b.yaml")]


def test_duplicate_id_whichever_file_is_named(tmp_path: Path) -> None:
    """A new file that reuses an id is caught even when it sorts before the file it clashes with."""
    events = _corpus(tmp_path)
    (events / "x" / "0-new.yaml").write_text(EVENT.format(id="b", day="28"))
    first = run("check", "events/x/0-new.yaml", cwd=tmp_path)
    assert first.stdout == (
        "events/x/0-new.yaml:1:5: error: event id `b` is also used at events/x/b.yaml:1; "
        "ids must be unique [duplicate-id]\n"
    )
    later = run("check", "events/x/b.yaml", cwd=tmp_path)
    assert later.stdout == (
        "events/x/b.yaml:1:5: error: event id `b` is already used at events/x/0-new.yaml:1; "
        "ids must be unique [duplicate-id]\n"
    )
    both = run("check", "events/x/b.yaml", "events/x/0-new.yaml", cwd=tmp_path)
    whole = run("check", "events", cwd=tmp_path)
    assert both.stdout in whole.stdout and both.stdout == later.stdout  # one problem per clash, as for the corpus


def test_corpus_option(tmp_path: Path) -> None:
    events = _corpus(tmp_path)
    (events / "actors.yaml").rename(tmp_path / "registry-elsewhere.yaml")  # no registry to find: files alone
    alone = run("check", "events/x/b.yaml", cwd=tmp_path)
    assert "dangling-relation" in alone.stdout
    given = run("check", "--corpus", "events", "events/x/b.yaml", cwd=tmp_path)
    assert (given.returncode, given.stdout) == (0, "")
    outside = run("check", "--corpus", "events/x", "events/broken.yaml", cwd=tmp_path)
    assert outside.returncode == 2 and "not inside the corpus events/x" in outside.stderr


def test_the_corpus_root_itself_is_checked_whole(tmp_path: Path) -> None:
    _corpus(tmp_path)
    assert corpus_root(str(tmp_path / "events" / "x" / "a.yaml")) == str(tmp_path / "events")
    assert corpus_root(str(tmp_path)) is None
    result = run("check", "events", cwd=tmp_path)
    assert result.stdout.startswith("events/broken.yaml:7:")


@pytest.mark.parametrize("name", ["missing.yaml"])
def test_missing_file_is_a_usage_error(tmp_path: Path, name: str) -> None:
    _corpus(tmp_path)
    result = run("check", f"events/{name}", cwd=tmp_path)
    assert result.returncode == 2 and "events/missing.yaml" in result.stderr


def test_a_file_outside_beside_the_whole_corpus_joins_it(tmp_path: Path) -> None:
    """`check draft.yaml events/`: the draft (under no actors.yaml) is checked with the corpus given."""
    _corpus(tmp_path)
    (tmp_path / "draft.yaml").write_text(EVENT.format(id="d", day="28") + "relations: [{type: cites, event: a}]\n")
    result = run("check", "draft.yaml", "events", cwd=tmp_path)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["events/broken.yaml"]
    alone = run("check", "draft.yaml", cwd=tmp_path)
    assert "dangling-relation" in alone.stdout  # without the corpus, `a` is unknown
