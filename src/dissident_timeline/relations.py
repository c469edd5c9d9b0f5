"""The relation graph of a corpus: who points to whom, read both ways, and walked.

An event's `relations` point from it to an earlier move: a mayor's declaration
`responds_to` the executive order, the injunction `blocks` it. This module indexes those
edges once (outgoing and incoming, by id) and walks them:

- **up** follows the edges as written, towards what an event points to (its causes: the
  order a declaration responds to, the lawsuit an injunction is part of);
- **down** follows them backwards, towards the events that point to it (its consequences:
  the answers, the rulings, the appeals);
- **both** is the union of the two walks (the ancestors and the descendants), not the
  whole connected component: the siblings of an ancestor are not pulled in.

Pure and linear in events plus relations; every walk keeps a visited set, so cycles end.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .text import suggest
from .vocabulary import DIRECTIONS, RELATION_LABELS

__all__ = [
    "DIRECTIONS",
    "INVERSE_LABELS",
    "LABELS",
    "ChainNode",
    "RelationIndex",
    "Step",
    "UnknownEvent",
    "chain_tree",
    "inverse_label",
    "label",
    "step_phrase",
    "walk_tree",
]


# How a relation reads from the event that holds it ("A responds to B") and from the event it
# points to ("B answered by A").
LABELS = {kind: labels[0] for kind, labels in RELATION_LABELS.items()}
INVERSE_LABELS = {kind: labels[1] for kind, labels in RELATION_LABELS.items()}


def label(relation_type: str) -> str:
    return LABELS.get(relation_type, relation_type.replace("_", " "))


def inverse_label(relation_type: str) -> str:
    return INVERSE_LABELS.get(relation_type, f"{label(relation_type)} (inverse)")


class UnknownEvent(LookupError):
    """An id that no event of the corpus has; the message suggests the closest ids."""


class Step(NamedTuple):
    """One edge met on a walk: from `source` along a relation of `type`, to `target`.

    A named tuple: a chain of 100,000 events makes as many, and tuples are cheap."""

    source: str
    target: str
    type: str
    direction: str  # "up": source holds the relation; "down": target holds it


class RelationIndex:
    """Outgoing and incoming edges of every event, by id, in corpus order (then as written)."""

    def __init__(self, events: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, dict[str, Any]] = {event["id"]: event for event in events}
        self.outgoing: dict[str, list[tuple[str, str]]] = {}  # id -> [(type, target id)]
        self.incoming: dict[str, list[tuple[str, str]]] = {}  # id -> [(type, source id)]
        for event in events:
            for relation in event["relations"]:
                target = relation["event"]
                if target not in self.by_id:  # a dangling relation (an error the check reports)
                    continue
                self.outgoing.setdefault(event["id"], []).append((relation["type"], target))
                self.incoming.setdefault(target, []).append((relation["type"], event["id"]))

    def event(self, event_id: str) -> dict[str, Any]:
        """The event with this id; raises UnknownEvent, suggesting close ids."""
        found = self.by_id.get(event_id)
        if found is None:
            hint = suggest(event_id, list(self.by_id))
            containing = sorted(other for other in self.by_id if event_id and event_id in other)
            if not hint and containing:
                hint = " (did you mean " + " or ".join(f"`{other}`" for other in containing[:3]) + "?)"
            raise UnknownEvent(f"no event has the id `{event_id}`{hint}")
        return found

    def edges(self) -> Iterator[tuple[str, str, str]]:
        """Every edge as (source, type, target), sources in corpus order."""
        for source, targets in self.outgoing.items():
            for relation_type, target in targets:
                yield source, relation_type, target

    def neighbours(self, event_id: str, direction: str) -> list[Step]:
        """The steps one edge away: up (what it points to), down (what points to it), or both."""
        steps = []
        if direction in ("up", "both"):
            steps += [Step(event_id, target, kind, "up") for kind, target in self.outgoing.get(event_id, ())]
        if direction in ("down", "both"):
            steps += [Step(event_id, source, kind, "down") for kind, source in self.incoming.get(event_id, ())]
        return steps

    def reach(self, event_id: str, direction: str = "both", depth: int | None = None) -> dict[str, int]:
        """The events linked to `event_id` within `depth` edges (None: no limit), with their
        distance; the event itself at 0. `both` walks up and down separately (see module)."""
        self.event(event_id)
        found: dict[str, int] = {event_id: 0}
        for way in ("up", "down") if direction == "both" else (direction,):
            for node_id, distance in self._walk(event_id, way, depth).items():
                if distance < found.get(node_id, distance + 1):
                    found[node_id] = distance
        return found

    def _walk(self, start: str, way: str, depth: int | None) -> dict[str, int]:
        """Breadth-first: each event once, at its shortest distance."""
        edges = self.outgoing if way == "up" else self.incoming
        seen = {start: 0}
        queue = deque([start])
        while queue:
            node_id = queue.popleft()
            distance = seen[node_id]
            if depth is not None and distance >= depth:
                continue
            for _type, other in edges.get(node_id, ()):
                if other not in seen:
                    seen[other] = distance + 1
                    queue.append(other)
        return seen


@dataclass(slots=True)
class ChainNode:
    """A node of the chain as a tree: an event, how it was reached, and what it leads to.

    `step` is None for the root. A node whose event already appears elsewhere in the tree
    is a reference (`repeat` True): it has no children, and is never expanded twice."""

    event: dict[str, Any]
    step: Step | None = None
    repeat: bool = False
    children: list[ChainNode] = field(default_factory=list)


def chain_tree(index: RelationIndex, root_id: str, direction: str = "both", depth: int | None = None) -> ChainNode:
    """The chain from `root_id` as a tree: up-steps first, then down-steps, each branch going
    one way only. Breadth-first, so each event hangs where it is nearest to the root, and an
    edge to an event already placed becomes a reference (a cycle or a diamond never loops)."""
    root = ChainNode(index.event(root_id))
    by_id, placed = index.by_id, {root_id}
    ways = ("up", "down") if direction == "both" else (direction,)
    queue: deque[tuple[ChainNode, int, str | None]] = deque([(root, 0, None)])
    while queue:
        node, distance, way = queue.popleft()
        if node.repeat or (depth is not None and distance >= depth):
            continue
        node_id = node.event["id"]
        for each in (way,) if way else ways:
            edges = index.outgoing if each == "up" else index.incoming
            for kind, other in edges.get(node_id, ()):  # `neighbours`, inlined: a chain may hold every event
                child = ChainNode(by_id[other], Step(node_id, other, kind, each), other in placed)
                placed.add(other)
                node.children.append(child)
                queue.append((child, distance + 1, each))
    return root


def step_phrase(step: Step) -> str:
    """The relation from the parent's side: `implements` going up, `answered by` going down."""
    return label(step.type) if step.direction == "up" else inverse_label(step.type)


def walk_tree(root: ChainNode) -> list[tuple[ChainNode, int, str]]:
    """The nodes of a chain tree in reading order (depth first), with their depth and, for a
    reference, where its event is shown in that order (`above` or `below`; else "").
    Iterative, so that a chain of any length fits."""
    order: list[tuple[ChainNode, int]] = []
    stack = [(root, 0)]
    while stack:
        node, level = stack.pop()
        order.append((node, level))
        stack.extend((child, level + 1) for child in reversed(node.children))
    shown_at = {node.event["id"]: position for position, (node, _level) in enumerate(order) if not node.repeat}
    return [
        (node, level, ("above" if shown_at[node.event["id"]] < position else "below") if node.repeat else "")
        for position, (node, level) in enumerate(order)
    ]
