"""An on-disk cache of file analyses, keyed by content hash and tool version.

A warm `timeline check` reads every file and hashes it, but parses and validates only the
files whose content it has not seen. The cache is a SQLite database in the user's cache
directory (`$XDG_CACHE_HOME/dissident-timeline`, else `~/.cache/dissident-timeline`):
SQLite makes concurrent runs safe, and any error in reading it (a corrupt file, a locked
database, an entry whose checksum does not match) counts as a miss, never as a result.
Entries are keyed by the hash of the bytes, so a file that changed is never served from
the cache. Entries are `marshal`led (several times faster to load than JSON, which a warm
run spends most of its time on) behind a checksum, so a damaged entry is never decoded.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from . import __version__
from .loader import Analysis

__all__ = ["AnalysisCache", "cache_directory", "content_key"]

# Bump when the analysis of the same bytes changes without a version change (development).
_LAYOUT = 4  # 4: sources gained archive_url and accessed


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
            # Whole results, keyed by the fingerprint of every path and content of a run:
            # `problems` alone is what a warm `check` needs.
            self._db.execute("CREATE TABLE IF NOT EXISTS corpora (key TEXT PRIMARY KEY, problems BLOB NOT NULL, "
                             "corpus BLOB NOT NULL, used REAL NOT NULL)")
        except (OSError, sqlite3.Error):
            self._db = None  # no cache is slower, never wrong

    def get_many(self, keys: list[str]) -> dict[str, Analysis]:
        if self._db is None or not keys:
            return {}
        found: dict[str, Analysis] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                rows = self._db.execute(
                    f"SELECT key, data FROM analyses WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                for key, blob in rows:
                    try:
                        found[key] = Analysis.from_json(_unpack(blob))
                    except (ValueError, TypeError, KeyError):
                        continue  # a damaged entry is a miss
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, entries: dict[str, Analysis]) -> None:
        if self._db is None or not entries:
            return
        rows = [(key, _pack(analysis.to_json())) for key, analysis in entries.items()]
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO analyses (key, data) VALUES (?, ?)", rows)
        except sqlite3.Error:
            pass  # another run holds the lock, or the disk is full: the cache stays as it was

    def get_corpus(self, key: str, problems_only: bool) -> Any | None:
        """A stored whole result: its problems, or (problems, corpus data)."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(f"SELECT problems{'' if problems_only else ', corpus'} FROM corpora "
                                   "WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        values = [_unpack(blob) for blob in row]
        return None if any(v is None for v in values) else (values[0] if problems_only else values)

    def put_corpus(self, key: str, problems: Any, corpus: Any) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("BEGIN")
                # Keep the few most recent results: one per corpus a user works on, roughly.
                self._db.execute("DELETE FROM corpora WHERE key NOT IN "
                                 "(SELECT key FROM corpora ORDER BY used DESC LIMIT 7)")
                self._db.execute("INSERT OR REPLACE INTO corpora VALUES (?, ?, ?, ?)",
                                 (key, _pack(problems), _pack(corpus), time.time()))
        except (sqlite3.Error, ValueError):
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _pack(value: Any) -> bytes:
    body = marshal.dumps(value)
    return hashlib.blake2b(body, digest_size=16).digest() + body


def _unpack(blob: Any) -> Any | None:
    """The value packed in `blob`, or None when the blob is damaged."""
    if not isinstance(blob, bytes):
        return None
    checksum, body = blob[:16], blob[16:]
    if hashlib.blake2b(body, digest_size=16).digest() != checksum:
        return None
    try:
        return marshal.loads(body)
    except (ValueError, TypeError, EOFError):
        return None
