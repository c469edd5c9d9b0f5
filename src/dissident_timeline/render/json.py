"""`--format json`: the records of `records.py`, as docs/timeline.schema.json describes them."""

from __future__ import annotations

import json
from typing import Any

from ..records import ACTOR_KEYS, EVENT_KEYS, SCHEMA_VERSION
from ..safe import json_visible
from . import View


def render(view: View) -> str:
    """One event, and one actor, per line: readable, diff-friendly, and written by the C
    encoder (`indent` would switch `json` to its pure-Python encoder, five times slower)."""
    events = [{key: event[key] for key in EVENT_KEYS} for event in view.events]
    actors = [{key: actor[key] for key in ACTOR_KEYS} for actor in view.actors]
    text = (
        f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "events": {_lines(events)},\n  "actors": {_lines(actors)}\n}}\n'
    )
    return json_visible(text)


def _lines(items: list[dict[str, Any]]) -> str:
    if not items:
        return "[]"
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode
    return "[\n    " + ",\n    ".join(encode(item) for item in items) + "\n  ]"


def dumps(document: Any) -> str:
    """UTF-8 JSON, not ASCII-escaped; NaN and Infinity can never appear (they are not JSON).

    Control, bidi and format characters (and surrogates) are written as JSON escapes, so that
    the output cannot drive a terminal or fail to encode; the decoded values are unchanged."""
    return json_visible(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"
