"""The corpus engine: merge analysed files into one ordered, cross-checked corpus.

Pure: it takes analyses (see `loader`) and the bytes they came from, and returns a `Corpus`
of event records in the one total order of the format, the registry's actors, and every
problem, sorted. Positions of cross-file problems (a duplicate id, a dangling relation)
are found by parsing again only the files concerned.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .checks import CHECKS, Context, Finding
from .loader import Analysis, SourceFile
from .problems import Problem, problem
from .text import Suggester, did_you_mean, fold, slugify
from .yamlread import decode, locate

__all__ = ["ORDERING_RELATIONS", "ActorIndex", "Corpus", "build_corpus", "corpus_order"]

# An event comes after the events it points to with these, when both share a span.
ORDERING_RELATIONS = frozenset(("responds_to", "appeals", "blocks", "overturns", "implements", "follows"))


@dataclass
class Corpus:
    events: list[dict[str, Any]]  # in corpus order, actors resolved to {id, name, role}
    actors: list[dict[str, Any]]  # the registry's, sorted by id
    problems: list[Problem]  # sorted by path, line, column
    has_registry: bool = False
    # Problems reported only when their file is checked without the file named (see `Finding.twin`).
    counterparts: list[tuple[Problem, str]] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)  # the files read, set by `pipeline`

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def activity(self) -> list[dict[str, Any]]:
        """Actors with the number of events they take part in, most active first (then by id).

        Without a registry, the actors named in events."""
        counts: dict[str, int] = defaultdict(int)
        named: dict[str, str] = {}
        for event in self.events:
            for actor in event["actors"]:
                named.setdefault(actor["id"], actor["name"])
            for actor_id in {actor["id"] for actor in event["actors"]}:
                counts[actor_id] += 1
        actors = self.actors or [
            {"id": actor_id, "name": name, "type": None, "aliases": [], "affiliations": []}
            for actor_id, name in named.items()
        ]
        rows = [
            {
                "id": a["id"],
                "name": a["name"],
                "type": a["type"],
                "aliases": a["aliases"],
                "affiliations": a["affiliations"],
                "events": counts[a["id"]],
            }
            for a in actors
        ]
        return sorted(rows, key=lambda row: (-row["events"], row["id"]))

    @cached_property
    def index(self) -> ActorIndex | None:
        """Registered actors by id, name and alias; None without a registry."""
        return ActorIndex(self.actors) if self.has_registry else None


class ActorIndex:
    """Finds registered actors by id, name or alias, ignoring case and accents."""

    def __init__(self, actors: list[dict[str, Any]]) -> None:
        self.by_id = {actor["id"]: actor for actor in actors}
        self.by_key: dict[str, set[str]] = defaultdict(set)
        self._resolved: dict[str, list[str]] = {}
        self._suggester: Suggester | None = None
        for actor in actors:
            for key in (actor["id"], actor["name"], *actor["aliases"]):
                self.by_key[fold(key)].add(actor["id"])

    def resolve(self, reference: str) -> list[str]:
        """Ids of the actors that `reference` can mean (exactly one when it resolves)."""
        found = self._resolved.get(reference)
        if found is None:
            found = self._resolved[reference] = sorted(self.by_key.get(fold(reference), ()))
        return found

    def suggestions(self, reference: str) -> str:
        """` (did you mean `A` or `B`?)` with the names of the closest actors, or ""."""
        if self._suggester is None:  # built on the first unknown actor only
            self._suggester = Suggester(list(self.by_key))
        names: list[str] = []
        for key in self._suggester.close(fold(reference), n=12):
            for actor_id in sorted(self.by_key[key]):
                name = self.by_id[actor_id]["name"]
                if name not in names:
                    names.append(name)
        return did_you_mean(names[:3])


def build_corpus(
    analysed: list[tuple[SourceFile, Analysis]], contents: Mapping[str, bytes], walk_problems: Iterable[Problem] = ()
) -> Corpus:
    """Merge `analysed` files; `contents` holds each file's bytes by display path.

    Pure: the analyses are not modified, so the same input always gives the same corpus."""
    problems = list(walk_problems)
    events: list[dict[str, Any]] = []
    actors: list[dict[str, Any]] = []
    partial: list[dict[str, Any]] = []  # invalid events: only their references are checked
    has_registry = False
    for source, analysis in sorted(analysed, key=lambda pair: pair[0]):
        problems.extend(problem(p.code, source.display, p.line, p.col, p.message) for p in analysis.problems)
        events.extend({**record, "file": source.display} for record in analysis.events)
        actors.extend({**actor, "file": source.display} for actor in analysis.actors)
        partial.extend({**record, "file": source.display} for record in analysis.partial)
        has_registry = has_registry or source.registry

    unique_actors, duplicate_actors = _unique(actors)
    unique_events, duplicate_events = _unique(events)
    index = ActorIndex(unique_actors) if has_registry else None
    context = Context(
        events=unique_events,
        partial=partial,
        actors=unique_actors,
        duplicate_events=duplicate_events,
        duplicate_actors=duplicate_actors,
        index=index,
        by_id={event["id"]: event for event in unique_events},
        known_ids=frozenset([event["id"] for event in unique_events] + [r["id"] for r in partial if r["id"]]),
    )
    findings = [finding for entry in CHECKS.values() for finding in entry.function(context)]
    placed = _place(findings, contents)
    problems.extend(found for found, finding in zip(placed, findings, strict=False) if finding.twin is None)
    counterparts = sorted(
        {(found, finding.twin) for found, finding in zip(placed, findings, strict=False) if finding.twin}
    )
    resolve = _resolver(index)
    resolved_events = [_with_actors_resolved(event, resolve) for event in unique_events]
    resolved_actors = [_with_affiliations_resolved(actor, resolve) for actor in unique_actors]
    return Corpus(
        corpus_order(resolved_events),
        sorted(resolved_actors, key=lambda a: a["id"]),
        sorted(set(problems)),
        has_registry,
        counterparts,
    )


def _unique(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[dict, dict]]]:
    """The first record of each id (in file order), and (later, first) for every id used again."""
    first: dict[str, dict[str, Any]] = {}
    again: list[tuple[dict, dict]] = []
    for record in records:
        kept = first.setdefault(record["id"], record)
        if kept is not record:
            again.append((record, kept))
    return list(first.values()), again


Resolver = Callable[[str], "dict[str, Any] | None"]


def _resolver(index: ActorIndex | None) -> Resolver:
    """resolve(reference) -> `{id, name}`, or None when it names no single registered actor
    (the `actor_references` check reports why)."""

    def resolve(reference: str) -> dict[str, Any] | None:
        if index is None:
            return {"id": slugify(reference) or reference, "name": reference}
        ids = index.resolve(reference)
        if len(ids) != 1:
            return None
        actor = index.by_id[ids[0]]
        return {"id": actor["id"], "name": actor["name"]}

    return resolve


def _with_actors_resolved(event: dict[str, Any], resolve: Resolver) -> dict[str, Any]:
    """The event with each actor reference as `{id, name, role}`, and each quote's speaker as an id."""
    actors = []
    for ref in event["actors"]:
        actor = resolve(ref["actor"])
        if actor:
            actors.append({**actor, "role": ref["role"]})
    quotes = []
    for quote in event["quotes"]:
        speaker = resolve(quote["speaker"]) if "speaker" in quote else None
        quotes.append({**quote, "speaker": speaker["id"]} if speaker else quote)
    return {**event, "actors": actors, "quotes": quotes}


def _with_affiliations_resolved(actor: dict[str, Any], resolve: Resolver) -> dict[str, Any]:
    found = (resolve(ref) for ref in actor["affiliations"])
    return {**actor, "affiliations": [affiliation["id"] for affiliation in found if affiliation]}


def _place(findings: list[Finding], contents: Mapping[str, bytes]) -> list[Problem]:
    """Turn findings into problems (in the same order), parsing each concerned file once more for positions."""
    by_file: dict[str, list[int]] = defaultdict(list)
    for number, finding in enumerate(findings):
        by_file[finding.record["file"]].append(number)
    placed: list[Problem | None] = [None] * len(findings)
    for display, group in by_file.items():
        data, _ = decode(contents[display])
        paths = [tuple(findings[n].record["address"]) + findings[n].subpath for n in group]
        for number, (line, col) in zip(group, locate(data, paths), strict=False):
            finding = findings[number]
            placed[number] = problem(finding.code, display, line, col, finding.message)
    return placed  # type: ignore[return-value]  # every finding has been placed


def corpus_order(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The total order of the format: first day, last day, relations within a span, id."""
    spans: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        spans[event["sort_key"]].append(event)
    ordered: list[dict[str, Any]] = []
    for span in sorted(spans):
        ordered.extend(_order_within_span(spans[span]))
    return ordered


def _order_within_span(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Kahn's algorithm, smallest id first; events caught in a cycle follow in id order."""
    if len(group) == 1:
        return group
    by_id = {event["id"]: event for event in group}
    after: dict[str, set[str]] = defaultdict(set)  # id -> ids that must come after it
    waiting = {event_id: 0 for event_id in by_id}
    for event in group:
        for relation in event["relations"]:
            earlier = relation["event"]
            if (
                relation["type"] in ORDERING_RELATIONS
                and earlier in by_id
                and earlier != event["id"]
                and event["id"] not in after[earlier]
            ):
                after[earlier].add(event["id"])
                waiting[event["id"]] += 1
    ready = [event_id for event_id, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        event_id = heapq.heappop(ready)
        ordered.append(by_id[event_id])
        for later in after[event_id]:
            waiting[later] -= 1
            if waiting[later] == 0:
                heapq.heappush(ready, later)
    if len(ordered) < len(group):
        done = {event["id"] for event in ordered}
        ordered.extend(by_id[i] for i in sorted(by_id) if i not in done)
    return ordered
