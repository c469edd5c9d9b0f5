"""The merged corpus: one total order whatever the input order, and the cache's safety."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dissident_timeline.pipeline import check_paths, load_corpus

from .conftest import FIXTURES

CORPUS = FIXTURES / "corpus"


def _order(paths: list[str]) -> list[str]:
    return [event["id"] for event in load_corpus(paths, use_cache=False).events]


@settings(max_examples=15, deadline=None)
@given(st.randoms())
def test_order_does_not_depend_on_file_names_or_path_order(rng: random.Random) -> None:
    """Renaming files and shuffling the paths given never changes the corpus order."""
    import tempfile

    reference = _order([str(CORPUS)])
    with tempfile.TemporaryDirectory() as scratch:
        files = sorted(CORPUS.rglob("*.yaml"))
        names = [f"f{n}.yaml" for n in rng.sample(range(1000), len(files))]
        paths = []
        for source, name in zip(files, names, strict=False):
            target = Path(scratch) / ("actors.yaml" if source.name == "actors.yaml" else name)
            shutil.copy(source, target)
            paths.append(str(target))
        rng.shuffle(paths)
        assert _order(paths) == reference


def test_relations_order_events_sharing_a_span(tmp_path: Path) -> None:
    """Within one span, an event comes after what it responds to, whatever the ids say."""
    (tmp_path / "e.yaml").write_text(
        "- {id: a-reply, date: '2017-01', kind: lawsuit, title: Reply, sources: [{title: S}],\n"
        "   relations: [{type: responds_to, event: z-order}]}\n"
        "- {id: z-order, date: '2017-01', kind: decree, title: Order, sources: [{title: S}]}\n"
        "- {id: m-other, date: '2017-01', kind: report, title: Other, sources: [{title: S}]}\n"
    )
    assert _order([str(tmp_path)]) == ["m-other", "z-order", "a-reply"]


def test_changed_file_is_never_served_from_cache(tmp_path: Path) -> None:
    """After an edit, the cache gives the new result, not the old one."""
    event = tmp_path / "a.yaml"
    event.write_text("id: a\ndate: '2017'\nkind: decree\ntitle: T\nsources: [{title: S}]\n")
    assert check_paths([str(tmp_path)], use_cache=True) == []
    event.write_text("id: a\ndate: '2017-02-30'\nkind: decree\ntitle: T\nsources: [{title: S}]\n")
    assert [p.code for p in check_paths([str(tmp_path)], use_cache=True)] == ["invalid-date"]


def test_corrupt_cache_is_a_miss(private_cache: Path) -> None:
    """A damaged cache database or entry is ignored; the result stays right."""
    expected = check_paths([str(FIXTURES / "problems" / "unknown-actor")], use_cache=True)
    database = next(private_cache.rglob("*.sqlite"))
    with sqlite3.connect(database) as db:
        db.execute("UPDATE analyses SET data = X'00112233'")
        db.execute("UPDATE corpora SET problems = X'00'")
    assert check_paths([str(FIXTURES / "problems" / "unknown-actor")], use_cache=True) == expected
    database.write_bytes(b"this is not a database" * 100)
    assert check_paths([str(FIXTURES / "problems" / "unknown-actor")], use_cache=True) == expected


def test_build_corpus_is_pure() -> None:
    """build_corpus leaves its input as it was: called twice on the same analyses, it gives the same corpus."""
    import copy

    from dissident_timeline.corpus import build_corpus
    from dissident_timeline.loader import analyse, discover, read_source

    sources, walk = discover([str(CORPUS), str(FIXTURES / "problems" / "unknown-actor")])
    contents = {source.display: read_source(source) for source in sources}
    analysed = [(source, analyse(contents[source.display], source.registry)) for source in sources]
    before = copy.deepcopy(analysed)
    first, second = build_corpus(analysed, contents, walk), build_corpus(analysed, contents, walk)
    assert analysed == before
    assert (first.events, first.actors, first.problems) == (second.events, second.actors, second.problems)
    assert first.problems and first.events
