"""Results of link checks, kept between runs so that a re-run checks only what is due.

A SQLite database next to the analysis cache (`cache.cache_directory()`), separate from it:
link results depend on the web and on time, not on file contents or the tool's version.
Each row is one URL, the time it was checked, and its result as JSON (plain data, never
code: a tampered cache can at worst give a wrong status, which `--max-age 0` clears). Any
error reading or writing it counts as a miss.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from .cache import cache_directory
from .linkcheck import LinkResult

__all__ = ["LinkCache"]

_LAYOUT = 1


class LinkCache:
    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or cache_directory()
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(directory / f"links-{_LAYOUT}.sqlite", timeout=5, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS links (url TEXT PRIMARY KEY, checked REAL NOT NULL, result TEXT NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            self._db = None  # no cache: every link is checked, nothing is wrong

    def fresh(self, urls: list[str], max_age_days: float) -> dict[str, LinkResult]:
        """The stored results of `urls` checked less than `max_age_days` ago."""
        if self._db is None or not urls or max_age_days <= 0:
            return {}
        oldest = time.time() - max_age_days * 86400
        found: dict[str, LinkResult] = {}
        try:
            for start in range(0, len(urls), 500):
                chunk = urls[start : start + 500]
                rows = self._db.execute(
                    f"SELECT url, result FROM links WHERE checked >= ? AND url IN ({','.join('?' * len(chunk))})",
                    [oldest, *chunk],
                )
                for url, text in rows:
                    try:
                        result = LinkResult.from_json(json.loads(text))
                    except (ValueError, KeyError, TypeError):
                        continue  # a damaged row is a miss
                    if result.url == url:
                        found[url] = result
        except sqlite3.Error:
            return {}
        return found

    def store(self, results: list[LinkResult]) -> None:
        if self._db is None or not results:
            return
        now = time.time()
        rows = [(r.url, now, json.dumps(r.to_json(), ensure_ascii=False)) for r in results]
        try:
            with self._db:
                self._db.execute("BEGIN")
                self._db.executemany("INSERT OR REPLACE INTO links (url, checked, result) VALUES (?, ?, ?)", rows)
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
