"""An on-disk cache of file analyses, keyed by content hash and tool version.

A warm `timeline check` reads every file and hashes it, but parses and validates only the
files whose content it has not seen. The cache is a SQLite database in the user's cache
directory (`$XDG_CACHE_HOME/dissident-timeline`, else `~/.cache/dissident-timeline`):
SQLite makes concurrent runs safe, and any error in reading it (a corrupt file, a locked
database, an entry whose checksum does not match) counts as a miss, never as a result.
Entries are keyed by the hash of the bytes, so a file that changed is never served from
the cache. Entries are JSON behind a checksum (a damaged entry is never decoded), and an
entry that does not decode to a well-formed result is a miss: see `cache_format`. The cache
is an aid, never an authority: in CI the pipeline does not read it unless asked
(`pipeline.cache_enabled`), and docs/security.md says what a writable cache still allows.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from . import __version__
from .cache_format import decode_analysis, decode_problems, encode
from .loader import Analysis
from .problems import Problem

__all__ = ["AnalysisCache", "cache_directory", "content_key"]

# Bump when the analysis of the same bytes changes without a version change (development).
_LAYOUT = 8  # 4: JSON instead of marshal, problems only in `corpora`; 6-8: records gained keys


def cache_directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dissident-timeline"


def content_key(data: bytes, registry: bool) -> str:
    return hashlib.blake2b(data + (b"\x01" if registry else b"\x00"), digest_size=20).hexdigest()


class AnalysisCache:
    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or cache_directory()
        self.path = directory / f"analyses-{__version__}-{_LAYOUT}.sqlite"
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
            # The problems of whole runs, keyed by the fingerprint of every path and content of a
            # run: all that a warm `check` needs. (Not the events: encoding 100,000 of them
            # would cost a first `build` more than rebuilding from the per-file entries saves.)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS corpora (key TEXT PRIMARY KEY, problems BLOB NOT NULL, used REAL NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            self._db = None  # no cache is slower, never wrong

    def get_many(self, keys: list[str]) -> dict[str, Analysis]:
        if self._db is None or not keys:
            return {}
        found: dict[str, Analysis] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, data FROM analyses WHERE key IN ({','.join('?' * len(chunk))})", chunk
                )
                for key, blob in rows:
                    body = _unpack(blob)
                    analysis = None if body is None else decode_analysis(body)
                    if analysis is not None and isinstance(key, str):  # else a miss
                        found[key] = analysis
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, entries: dict[str, bytes]) -> None:
        """Store analyses already encoded (`cache_format.encode_analysis`), by content key."""
        if self._db is None or not entries:
            return
        rows = [(key, _pack(body)) for key, body in entries.items()]
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO analyses (key, data) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass  # another run holds the lock, or the disk is full: the cache stays as it was

    def get_problems(self, key: str) -> tuple[list[Problem], list[tuple[Problem, str]]] | None:
        """The stored problems of a whole run and their counterparts (see `Corpus`), or None (a miss)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT problems FROM corpora WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        body = None if row is None else _unpack(row[0])
        return None if body is None else decode_problems(body)

    def put_problems(self, key: str, problems: list[Problem], counterparts: list[tuple[Problem, str]]) -> None:
        if self._db is None:
            return
        rows = {"problems": [_row(p) for p in problems], "counterparts": [[*_row(p), twin] for p, twin in counterparts]}
        try:
            with self._db:
                self._db.execute("BEGIN")
                # Keep the few most recent results: one per corpus a user works on, roughly.
                self._db.execute(
                    "DELETE FROM corpora WHERE key NOT IN (SELECT key FROM corpora ORDER BY used DESC LIMIT 7)"
                )
                self._db.execute(
                    "INSERT OR REPLACE INTO corpora VALUES (?, ?, ?)", (key, _pack(encode(rows)), time.time())
                )
        except (sqlite3.Error, ValueError):
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _row(found: Problem) -> list[Any]:
    return [found.path, found.line, found.col, found.severity, found.code, found.message]


def _pack(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=16).digest() + body


def _unpack(blob: Any) -> bytes | None:
    """The body packed in `blob`, or None when the blob is damaged."""
    if not isinstance(blob, bytes):
        return None
    checksum, body = blob[:16], blob[16:]
    if hashlib.blake2b(body, digest_size=16).digest() != checksum:
        return None
    return body
