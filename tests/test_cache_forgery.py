"""The cache is an aid, never an authority: forged entries are misses or, at worst, what the
bytes say; never a crash; and in CI a check does not read the cache at all.

The forger writes rows into the SQLite file directly, as whoever can write the cache
directory could (a CI cache restored from another branch, a shared home).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from dissident_timeline.cache_format import encode
from dissident_timeline.pipeline import cache_enabled, check_paths, load_corpus

from .conftest import ROOT, run

EVENT = "id: a\ndate: '2017'\nkind: decree\ntitle: T\nsources: [{title: S}]\nrelations: [{type: follows, event: b}]\n"
OTHER = "id: b\ndate: '2016'\nkind: report\ntitle: U\nsources: [{title: S}]\n"


def _database(cache: Path) -> Path:
    return next(cache.rglob("*.sqlite"))


def _packed(body: bytes) -> bytes:
    """An entry as the tool writes it: a checksum, then the body (the checksum proves nothing)."""
    return hashlib.blake2b(body, digest_size=16).digest() + body


def _forge(cache: Path, table: str, column: str, body: bytes) -> None:
    with sqlite3.connect(_database(cache)) as db:
        db.execute(f"UPDATE {table} SET {column} = ?", (_packed(body),))


def _corpus(tmp_path: Path, date: str = "2017") -> Path:
    folder = tmp_path / "events"
    folder.mkdir(exist_ok=True)
    (folder / "a.yaml").write_text(EVENT.replace("'2017'", f"'{date}'"))
    (folder / "b.yaml").write_text(OTHER)
    return folder


def _codes(folder: Path, **options: object) -> list[str]:
    return [p.code for p in check_paths([str(folder)], **options)]


ANALYSIS_FORGERIES = [
    b"\x00\xff garbage \x80",  # not UTF-8
    b"{not json",
    b"[" * 100_000 + b"]" * 100_000,  # nested past the decoder's recursion limit
    b"null",
    b"[]",
    b"{}",
    b'"text"',
    b"1e999999",
    b'{"events": [], "actors": [], "problems": [], "partial": [], "extra": 1}',
    b'{"events": {}, "actors": [], "problems": [], "partial": []}',
    b'{"events": [{"id": "a"}], "actors": [], "problems": [], "partial": []}',  # a record missing its keys
    b'{"events": [], "actors": [], "problems": [["invalid-date", "1", 1, "m"]], "partial": []}',
    b'{"events": [], "actors": [], "problems": [["invalid-date", true, 1, "m"]], "partial": []}',
    b'{"events": [], "actors": [], "problems": [["no-such-code", 1, 1, "m"]], "partial": []}',
    b'{"events": [], "actors": [], "problems": [["invalid-date", 1, 1]], "partial": []}',
    b'{"events": [], "actors": [], "problems": [], "partial": [{"id": 3, "actors": [], "relations": [], '
    b'"quotes": [], "line": 1, "address": [0]}]}',
]


@pytest.mark.parametrize("body", ANALYSIS_FORGERIES, ids=range(len(ANALYSIS_FORGERIES)))
def test_malformed_file_entries_are_misses(tmp_path: Path, private_cache: Path, body: bytes) -> None:
    """Per-file entries that do not decode to a well-formed analysis are re-analysed: same result."""
    folder = _corpus(tmp_path, "2017-02-30")
    expected = _codes(folder, use_cache=True)
    assert expected == ["invalid-date"]
    _forge(private_cache, "analyses", "data", body)
    with sqlite3.connect(_database(private_cache)) as db:
        db.execute("DELETE FROM corpora")  # so that the per-file entries are read
    assert _codes(folder, use_cache=True) == expected
    assert [e["id"] for e in load_corpus([str(folder)], use_cache=True).events] == ["b"]


CORPUS_FORGERIES = [
    b"\xc3\x28",
    b"[[",
    b"{}",
    b"[1]",
    b'[["a.yaml", 1, 1, "error", "invalid-date"]]',
    b'[["a.yaml", 1, 1, "warning", "invalid-date", "m"]]',  # not the code's severity
    b'[["a.yaml", 1.5, 1, "error", "invalid-date", "m"]]',
    b'[["a.yaml", 1, 1, "error", "made-up", "m"]]',
]


@pytest.mark.parametrize("body", CORPUS_FORGERIES, ids=range(len(CORPUS_FORGERIES)))
def test_malformed_whole_results_are_misses(tmp_path: Path, private_cache: Path, body: bytes) -> None:
    folder = _corpus(tmp_path, "2017-02-30")
    expected = _codes(folder, use_cache=True)
    _forge(private_cache, "corpora", "problems", body)
    assert _codes(folder, use_cache=True) == expected


def test_build_with_forged_entries_does_not_crash(tmp_path: Path, private_cache: Path) -> None:
    """`build` reads the per-file entries: a record of the wrong shape is a miss, not a crash."""
    folder = _corpus(tmp_path)
    expected = load_corpus([str(folder)], use_cache=True).events
    _forge(
        private_cache,
        "analyses",
        "data",
        b'{"events": [{"id": "a", "actors": "nobody"}], "actors": [], "problems": [], "partial": []}',
    )
    assert load_corpus([str(folder)], use_cache=True).events == expected
    result = run("build", "--format", "json", str(folder), env={"XDG_CACHE_HOME": str(private_cache), "CI": ""})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert [event["id"] for event in json.loads(result.stdout)["events"]] == ["b", "a"]


def _swap_in_clean_result(tmp_path: Path, cache: Path) -> Path:
    """Store a clean run's result and per-file entries under the keys of a bad corpus (the
    attack of issue 9): the bytes are well formed, only their meaning is forged."""
    clean, bad = tmp_path / "clean", tmp_path / "bad"
    for folder, date in ((clean, "2017"), (bad, "2017-02-30")):
        folder.mkdir()
        (folder / "a.yaml").write_text(EVENT.replace("'2017'", f"'{date}'"))
        (folder / "b.yaml").write_text(OTHER)
    assert _codes(clean, use_cache=True) == []
    assert _codes(bad, use_cache=True) == ["invalid-date"]
    with sqlite3.connect(_database(cache)) as db:
        rows = {key: data for key, data in db.execute("SELECT key, data FROM analyses")}
        clean_result = db.execute("SELECT problems FROM corpora ORDER BY used LIMIT 1").fetchone()[0]
        db.execute("UPDATE corpora SET problems = ?", (clean_result,))
        clean_a = next(data for data in rows.values() if b'"id":"a"' in data and b'"events":[{' in data)
        db.execute("UPDATE analyses SET data = ? WHERE data LIKE ?", (clean_a, b"%invalid-date%"))
    return bad


def test_in_ci_a_forged_clean_result_does_not_pass_a_bad_corpus(
    tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = _swap_in_clean_result(tmp_path, private_cache)
    assert _codes(bad, use_cache=True) == []  # what a writable cache allows where it is read
    monkeypatch.setenv("CI", "true")
    assert _codes(bad) == ["invalid-date"]
    result = run("check", str(bad), env={"XDG_CACHE_HOME": str(private_cache), "CI": "true"})
    assert result.returncode == 1 and "invalid-date" in result.stdout
    # Locally, --no-cache is the way to a result that does not depend on the cache.
    result = run("check", "--no-cache", str(bad), env={"XDG_CACHE_HOME": str(private_cache), "CI": ""})
    assert result.returncode == 1 and "invalid-date" in result.stdout


def test_cache_default_is_off_in_ci_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert cache_enabled(None) is True
    monkeypatch.setenv("CI", "")  # set but empty: not CI
    assert cache_enabled(None) is True
    monkeypatch.setenv("CI", "1")
    assert cache_enabled(None) is False
    assert cache_enabled(True) is True and cache_enabled(False) is False


def test_ci_run_does_not_create_the_cache(tmp_path: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert _codes(_corpus(tmp_path)) == []
    assert not list(private_cache.rglob("*.sqlite"))


def test_encoding_round_trips_odd_text() -> None:
    """Paths undecodable as UTF-8 (surrogate escapes) and any Unicode survive the JSON body."""
    value = ["caf\udce9.yaml", "\u2028\x00\U0001f600"]
    assert json.loads(encode(value).decode("utf-8", "surrogatepass")) == value


def test_every_analysis_of_the_repository_survives_the_cache() -> None:
    """Each file of events/ and of the fixtures, analysed, encoded and decoded again, is the same
    analysis: an entry the tool writes itself is never read back as a miss (or as something else)."""
    from dissident_timeline.cache_format import decode_analysis, encode_analysis
    from dissident_timeline.loader import analyse

    files = sorted(ROOT.glob("events/**/*.y*ml")) + sorted((ROOT / "tests" / "fixtures").glob("**/*.y*ml"))
    for path in files:
        analysis = analyse(path.read_bytes(), path.name in ("actors.yaml", "actors.yml"))
        assert decode_analysis(encode_analysis(analysis)) == analysis, path
