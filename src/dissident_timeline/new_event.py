"""`timeline new`: an event file from command-line flags, valid by construction.

Pure helpers: the event is built from the flags, validated with the same models and the
same messages as `check`, given an id derived from its title that no event of the corpus
uses, and written as plain YAML (keys in the format's order, strings quoted when YAML
would read them otherwise, no tag, no anchor).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .text import slugify

__all__ = ["FLAGS", "build_event", "event_yaml", "file_name", "parse_actor", "problems_of", "unique_id"]

MAX_ID = 80
# The flag that gives each field, to name it in messages.
FLAGS = {
    "date": "--date",
    "kind": "--kind",
    "title": "--title",
    "actors": "--actor",
    "controversy": "--controversy",
    "sources": "--source-title/--source-url",
    "summary": "--summary",
}


def parse_actor(text: str) -> dict[str, Any]:
    """`Donald Trump:author` -> `{actor: Donald Trump, role: author}`; without `:ROLE`, just the name."""
    name, colon, role = text.rpartition(":")
    if colon and name.strip() and role.strip():
        return {"actor": name.strip(), "role": role.strip()}
    return {"actor": text.strip()}


def build_event(
    event_id: str,
    date: str,
    kind: str,
    title: str,
    actors: list[str],
    controversy: str | None,
    summary: str | None,
    source_title: str | None,
    source_url: str | None,
) -> dict[str, Any]:
    """The event as a mapping in the format's key order; absent options are left out."""
    event: dict[str, Any] = {"id": event_id, "date": date, "kind": kind, "title": title}
    if summary:
        event["summary"] = summary
    if actors:
        event["actors"] = [parse_actor(actor) for actor in actors]
    if controversy:
        event["controversy"] = controversy
    if source_title or source_url:
        source: dict[str, Any] = {"title": source_title} if source_title else {}
        if source_url:
            source["url"] = source_url
        event["sources"] = [source]
    return event


def problems_of(event: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(code, flag, message) for each field `check` would refuse, in the words `check` uses."""
    from pydantic import ValidationError

    from .models import EVENT_ADAPTER
    from .schema_errors import translate

    try:
        EVENT_ADAPTER.validate_python(event)
    except ValidationError as error:
        found = []
        for detail in error.errors(include_url=False, include_context=True, include_input=True):
            code, path, message = translate(dict(detail), "event")
            found.append((code, FLAGS.get(str(path[0]) if path else "", "--title"), message))
        return found
    return []


def unique_id(title: str, taken: set[str]) -> str:
    """The slug of the title (at most 80 characters, cut between words), suffixed -2, -3... if taken."""
    base = _cut(slugify(title) or "event", MAX_ID)
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = _cut(base, MAX_ID - len(suffix)) + suffix
        if candidate not in taken:
            return candidate
        number += 1


def _cut(slug: str, limit: int) -> str:
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut and slug[limit] != "-" else cut.rstrip("-")


def file_name(date: str, event_id: str) -> str:
    """`2017-01-25-eo-13768.yaml`; an interval's `/` and the qualifiers are left out of the name."""
    written = re.sub(r"[^0-9A-Za-z-]+", "_", date).strip("_")
    return f"{written}-{event_id}.yaml" if written else f"{event_id}.yaml"


def event_yaml(event: dict[str, Any]) -> str:
    """Plain YAML: block style, keys in the given order, strings quoted wherever YAML would read them
    as something else (`2017-01-25`, `no`, `a: b`), Unicode kept, no line folding."""
    return yaml.safe_dump(event, sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000)
