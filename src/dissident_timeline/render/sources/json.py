"""`sources --format json`: `{"schema_version": 1, "sources": [...]}` (docs/commands.md)."""

from __future__ import annotations

from typing import Any

from ...bibliography import Entry
from ..json import SCHEMA_VERSION, dumps

SOURCE_KEYS = ("title", "outlet", "date", "url", "archive_url", "lang")


def render(entries: list[Entry], **_options: Any) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "sources": [as_json(entry) for entry in entries]})


def as_json(entry: Entry) -> dict[str, Any]:
    """One source: its key, its fields (null when not written) and the ids of the events citing it."""
    return {"key": entry.key, **{name: entry.source.get(name) for name in SOURCE_KEYS}, "events": entry.events}
