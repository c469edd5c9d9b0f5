"""Consistency checks over the merged corpus: one small function per warning code.

Each check takes the events (valid, unique, actors resolved) and an index by id, and
yields `Finding`s. None compares all pairs of events: each is linear, or sorts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .dates import DateError, parse_date
from .text import fold

__all__ = ["CHECKS", "Finding"]

Events = list[dict[str, Any]]
ById = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Finding:
    """A problem about a record, to be placed at `subpath` inside it (see `corpus._place`)."""

    code: str
    record: dict[str, Any]
    subpath: tuple
    message: str


CheckFunction = Callable[[Events, ById], Iterable[Finding]]

# Relations that claim the event came after its target.
_AFTER_TARGET = ("responds_to", "appeals", "blocks", "overturns", "implements")
_NOT_ALNUM = re.compile(r"[\W_]+")


def no_source(events: Events, by_id: ById) -> Iterator[Finding]:
    for event in events:
        if not event["sources"]:
            yield Finding("no-source", event, ("id",), f"`{event['id']}` cites no source; add `sources:`")


def source_before_event(events: Events, by_id: ById) -> Iterator[Finding]:
    for event in events:
        if not event["start"]:
            continue
        for position, source in enumerate(event["sources"]):
            if "date" not in source:
                continue
            try:
                when = parse_date(source["date"])
            except DateError:  # already reported as invalid-date
                continue
            if when.end and when.end_key < event["sort_key"][0]:
                yield Finding("source-before-event", event, ("sources", position, "date"),
                              f"source dated {source['date']} ends before the event ({event['date']}) "
                              "starts; check both dates")


def relation_order(events: Events, by_id: ById) -> Iterator[Finding]:
    for event in events:
        if not event["end"]:
            continue
        for position, relation in enumerate(event["relations"]):
            target = by_id.get(relation["event"])
            if relation["type"] in _AFTER_TARGET and target and target["start"] \
                    and target["sort_key"][0] > event["sort_key"][1]:
                yield Finding("relation-order", event, ("relations", position, "event"),
                              f"`{event['id']}` ({event['date']}) {relation['type'].replace('_', ' ')} "
                              f"`{target['id']}`, which starts later ({target['date']})")


def possible_duplicate(events: Events, by_id: ById) -> Iterator[Finding]:
    """Same span, same kind, and titles equal once case, accents and punctuation are ignored."""
    seen: dict[tuple, dict[str, Any]] = {}
    for event in events:  # in file order: the first one met is reported as the original
        key = (event["sort_key"], event["start_bound"], event["end_bound"], event["kind"],
               _NOT_ALNUM.sub("", fold(event["title"])))
        first = seen.setdefault(key, event)
        if first is not event:
            yield Finding("possible-duplicate", event, ("title",),
                          f"same date, kind and title as `{first['id']}` ({first['file']}:{first['line']}); "
                          "merge them or make the titles differ")


CHECKS: dict[str, CheckFunction] = {
    "no-source": no_source,
    "source-before-event": source_before_event,
    "relation-order": relation_order,
    "possible-duplicate": possible_duplicate,
}
