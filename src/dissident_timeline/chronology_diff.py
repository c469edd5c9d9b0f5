"""What changed in a chronology between two versions of it: events added, removed, and
changed field by field, for a pull-request comment (`timeline diff`).

Pure: it compares two lists of corpus event records by id. A field that holds one value
(date, title, a court...) is reported as before → after; a list (sources, actors,
relations, tags...) as the items added and removed; a source removed and added under the
same title is one source changed, key by key. Renderers for text, Markdown and JSON
follow; author text is escaped for each.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .safe import json_visible, visible
from .text import shorten

__all__ = ["DIFF_FORMATS", "ChronologyDiff", "FieldChange", "diff_events"]

# The fields compared, in the format's order (`legal` is compared key by key).
SCALARS = ("date", "kind", "title", "summary", "controversy", "place")
LISTS = ("actors", "registers", "tags", "sources", "relations", "alternative_dates", "quotes")
ORDER = (
    "date",
    "kind",
    "title",
    "summary",
    "actors",
    "controversy",
    "registers",
    "tags",
    "place",
    "sources",
    "relations",
    "alternative_dates",
    "legal",
    "quotes",
    "file",
)
LEGAL_KEYS = ("case", "court", "docket", "outcome")


@dataclass(frozen=True)
class FieldChange:
    field: str  # `date`, `sources`, `legal.court`, `file`...
    before: Any = None  # one-value fields
    after: Any = None
    added: tuple[Any, ...] = ()  # list fields
    removed: tuple[Any, ...] = ()
    edited: tuple[tuple[Any, Any], ...] = ()  # sources: (before, after) of a source kept under the same title

    @property
    def is_list(self) -> bool:
        return self.field in LISTS

    def to_json(self) -> dict[str, Any]:
        if self.is_list:
            document = {"field": self.field, "added": list(self.added), "removed": list(self.removed)}
            if self.field == "sources":
                document["changed"] = [{"before": before, "after": after} for before, after in self.edited]
            return document
        return {"field": self.field, "before": self.before, "after": self.after}


@dataclass
class ChronologyDiff:
    before: str  # what the versions are called: `HEAD`, `main`, `the working tree`
    after: str
    added: list[dict[str, Any]] = field(default_factory=list)  # in the corpus order of `after`
    removed: list[dict[str, Any]] = field(default_factory=list)  # in the corpus order of `before`
    changed: list[tuple[dict[str, Any], list[FieldChange]]] = field(default_factory=list)  # (event after, changes)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def summary(self) -> str:
        def count(number: int, verb: str) -> str:
            return f"{number} event{'s' if number != 1 else ''} {verb}"

        parts = [count(len(self.added), "added"), f"{len(self.removed)} removed", f"{len(self.changed)} changed"]
        return ", ".join(parts)


def diff_events(
    before: list[dict[str, Any]], after: list[dict[str, Any]], before_name: str, after_name: str
) -> ChronologyDiff:
    """Compare two corpora's events (each in corpus order) by id."""
    old = {event["id"]: event for event in before}
    new = {event["id"]: event for event in after}
    result = ChronologyDiff(before_name, after_name)
    result.added = [event for event in after if event["id"] not in old]
    result.removed = [event for event in before if event["id"] not in new]
    for event in after:
        if event["id"] in old:
            changes = field_changes(old[event["id"]], event)
            if changes:
                result.changed.append((event, changes))
    return result


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """The changes of one event, field by field, in the format's order."""
    changes = []
    for name in ORDER:
        if name in LISTS:
            added, removed = _list_difference(old.get(name) or [], new.get(name) or [])
            edited: list[tuple[Any, Any]] = []
            if name == "sources":
                added, removed, edited = _pair_by_title(added, removed)
            if added or removed or edited:
                changes.append(FieldChange(name, added=tuple(added), removed=tuple(removed), edited=tuple(edited)))
        elif name == "legal":
            before, after = old.get("legal") or {}, new.get("legal") or {}
            changes.extend(
                FieldChange(f"legal.{key}", before.get(key), after.get(key))
                for key in LEGAL_KEYS
                if before.get(key) != after.get(key)
            )
        elif old.get(name) != new.get(name):
            changes.append(FieldChange(name, old.get(name), new.get(name)))
    return changes


def _list_difference(old: list[Any], new: list[Any]) -> tuple[list[Any], list[Any]]:
    """Items of `new` not in `old` and items of `old` not in `new`, counting repeats, in list order."""

    def key(item: Any) -> str:
        return json.dumps(item, sort_keys=True, ensure_ascii=False)

    remaining_old = Counter(key(item) for item in old)
    remaining_new = Counter(key(item) for item in new)
    added = []
    for item in new:
        if remaining_old[key(item)]:
            remaining_old[key(item)] -= 1
        else:
            added.append(item)
    removed = []
    for item in old:
        if remaining_new[key(item)]:
            remaining_new[key(item)] -= 1
        else:
            removed.append(item)
    return added, removed


def _pair_by_title(added: list[Any], removed: list[Any]) -> tuple[list[Any], list[Any], list[tuple[Any, Any]]]:
    """Sources removed and added under the same title are one source edited (a page fixed, a URL added)."""
    from .text import fold

    remaining = list(removed)
    still_added, edited = [], []
    for source in added:
        twin = next((old for old in remaining if fold(old["title"]) == fold(source["title"])), None)
        if twin is None:
            still_added.append(source)
        else:
            remaining.remove(twin)
            edited.append((twin, source))
    return still_added, remaining, edited


# ----- describing items, in words ---------------------------------------------------------

_NOUNS = {
    "actors": "actor",
    "registers": "register",
    "tags": "tag",
    "sources": "source",
    "relations": "relation",
    "alternative_dates": "alternative date",
    "quotes": "quote",
}


def describe_item(field_name: str, item: Any) -> str:
    """One list item in a few words: a source as `"Title", Outlet, 2017-01-30, URL`."""
    if field_name == "sources":
        details = [str(item[k]) for k in ("outlet", "date", "page", "url") if k in item]
        parts = [f"\u201c{item['title']}\u201d", *details]
        return ", ".join(parts)
    if field_name == "actors":
        return f"{item['name']} ({item['role']})" if item.get("role") else item["name"]
    if field_name == "relations":
        return f"{item['type']} {item['event']}"
    if field_name == "alternative_dates":
        return item["date"] + (f" ({item['note']})" if item.get("note") else "")
    if field_name == "quotes":
        return f"\u201c{shorten(item['text'], 60)}\u201d" + (f" ({item['speaker']})" if item.get("speaker") else "")
    return str(item)


def describe_change(change: FieldChange) -> list[str]:
    """The lines that say what happened to one field: `date moved from X to Y`, `source added: ...`."""
    if change.is_list:
        noun = _NOUNS[change.field]
        return (
            [f"{noun} added: {describe_item(change.field, item)}" for item in change.added]
            + [f"{noun} removed: {describe_item(change.field, item)}" for item in change.removed]
            + [_describe_edit(before, after) for before, after in change.edited]
        )
    before, after = change.before, change.after
    if change.field == "date":
        return [f"date moved from {before} to {after}"]
    if change.field == "file":
        return [f"moved from {before} to {after}"]
    if before is None:
        return [f"{change.field} added: {_value(after)}"]
    if after is None:
        return [f"{change.field} removed (was {_value(before)})"]
    return [f"{change.field} changed from {_value(before)} to {_value(after)}"]


def _describe_edit(before: dict[str, Any], after: dict[str, Any]) -> str:
    """`source “T” changed: page 41 → 40, url added`."""
    parts = []
    for key in [*before, *(k for k in after if k not in before)]:
        if key not in after:
            parts.append(f"{key} {shorten(str(before[key]), 40)} removed")
        elif key not in before:
            parts.append(f"{key} added ({shorten(str(after[key]), 60)})")
        elif before[key] != after[key]:
            parts.append(f"{key} {shorten(str(before[key]), 40)} \u2192 {shorten(str(after[key]), 40)}")
    return f"source \u201c{after['title']}\u201d changed: {', '.join(parts)}"


def _value(value: Any) -> str:
    return f"\u201c{shorten(' '.join(str(value).split()), 80)}\u201d"


# ----- formats ------------------------------------------------------------------------------


def as_text(diff: ChronologyDiff) -> str:
    heading = f"{diff.before} \u2192 {diff.after}: "
    if diff.empty:
        return heading + "no change to the chronology\n"
    lines = [heading + diff.summary()]
    for sign, events in (("+", diff.added), ("-", diff.removed)):
        for event in events:
            lines.append(f"{sign} {event['date']}  {event['kind']}  {event['id']}: {event['title']}")
    for event, changes in diff.changed:
        lines.append(f"~ {event['id']}: {event['title']}")
        lines.extend(f"    {line}" for change in changes for line in describe_change(change))
    return "".join(visible(line) + "\n" for line in lines)


def as_markdown(diff: ChronologyDiff) -> str:
    from .render.markdown import escape

    lines = [
        f"### Chronology changes: {diff.summary() if not diff.empty else 'none'}",
        "",
        f"Between {escape(diff.before)} and {escape(diff.after)}.",
        "",
    ]
    for title, events in (("Added", diff.added), ("Removed", diff.removed)):
        if events:
            lines += [f"**{title}**", ""]
            lines += [
                f"- {escape(event['date'])} \u00b7 *{event['kind']}* \u00b7 {escape(event['title'])} (`{event['id']}`)"
                for event in events
            ]
            lines.append("")
    if diff.changed:
        lines += ["**Changed**", ""]
        for event, changes in diff.changed:
            lines.append(f"- `{event['id']}` \u00b7 {escape(event['title'])}")
            lines.extend(f"  - {escape(line)}" for change in changes for line in describe_change(change))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(diff: ChronologyDiff) -> str:
    def strip(event: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in event.items() if key != "address"}

    document = {
        "before": diff.before,
        "after": diff.after,
        "added": [strip(event) for event in diff.added],
        "removed": [strip(event) for event in diff.removed],
        "changed": [
            {
                "id": event["id"],
                "title": event["title"],
                "file": event["file"],
                "changes": [change.to_json() for change in changes],
            }
            for event, changes in diff.changed
        ],
    }
    return json_visible(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


@dataclass(frozen=True)
class DiffFormat:
    name: str
    help: str
    render: Callable[[ChronologyDiff], str]


DIFF_FORMATS: dict[str, DiffFormat] = {
    f.name: f
    for f in (
        DiffFormat("text", "one line per event, changes indented", as_text),
        DiffFormat("markdown", "for a pull-request comment", as_markdown),
        DiffFormat("json", "added, removed and changed events, for programs", as_json),
    )
}
