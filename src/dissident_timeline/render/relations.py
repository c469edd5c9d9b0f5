"""Relations read both ways: "responds to X" on one event, "answered by Y" on the other.

Event files write a relation once, on the event that points (`relations: [{type:
responds_to, event: eo-13768}]`); readers want it on both events. `both_ways` indexes a
view's events once (linear time) for the renderers that show them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..vocabulary import RELATION_LABELS

__all__ = ["INCOMING", "OUTGOING", "both_ways", "by_label"]

# How a relation reads on the event that points, and on the event pointed at.
OUTGOING = {kind: labels[0] for kind, labels in RELATION_LABELS.items()}
INCOMING = {kind: labels[1] for kind, labels in RELATION_LABELS.items()}


def both_ways(events: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """For each event id: (label, other event id) pairs, its own relations first (as written),
    then the events that point to it (in corpus order)."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event in events:
        for relation in event.get("relations") or []:
            kind = relation["type"]
            found[event["id"]].append((OUTGOING.get(kind, kind.replace("_", " ")), relation["event"]))
            incoming[relation["event"]].append((INCOMING.get(kind, kind.replace("_", " ") + " by"), event["id"]))
    for event_id, pairs in incoming.items():
        found[event_id].extend(pairs)
    return found


def by_label(pairs: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """The pairs of one event grouped by label, in order of first appearance:
    `answered by X, Y · implemented by Z` rather than the label once per event."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for label, other in pairs:
        grouped[label].append(other)
    return list(grouped.items())
