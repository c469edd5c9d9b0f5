"""Queries over a corpus: `--actor`, `--role`, `--kind`, `--since`, `--until`, `--controversy`,
`--tag`, `--register`, `--text`, `--related` (with `--depth` and `--direction`).

Repeated flags of one kind are alternatives (OR); different flags must all hold (AND).
Dates keep the precision the user wrote: `--until 2017-04` and `--until "April 2017"`
both include 30 April, and an event matches when its span overlaps the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .text import fold, slugify, suggest
from .vocabulary import DIRECTIONS, KINDS, REGISTERS

if TYPE_CHECKING:  # dates are imported where a query reads them: `--help` needs only the declarations
    from .corpus import Corpus
    from .dates import PartialDate

__all__ = ["FILTERS", "FilterSpec", "Query", "QueryError", "parse_query_date"]


@dataclass(frozen=True)
class FilterSpec:
    """One filter option, declared once: the CLI's option and the `Query` field it fills."""

    field: str  # the `Query` field
    flag: str
    help: str
    metavar: str
    repeatable: bool = True  # repeated flags are alternatives (OR)
    choices: tuple[str, ...] = ()
    noun: str = ""  # what a value is, for the message about a bad choice
    type: type = str  # what the command line converts a value to (`int` for --depth)


FILTERS = (
    FilterSpec("actors", "--actor", "Actor id, name or alias (case and accents ignored).", "NAME"),
    FilterSpec("roles", "--role", "Only where the actor has this role (author, target...).", "ROLE"),
    FilterSpec("kinds", "--kind", f"Event kind: {', '.join(KINDS)}.", "KIND", choices=KINDS, noun="kind"),
    FilterSpec(
        "since",
        "--since",
        "Events overlapping from DATE on (2017-04, 'April 2017', 'autumn 2017', '44 BC').",
        "DATE",
        repeatable=False,
    ),
    FilterSpec(
        "until",
        "--until",
        "Events overlapping up to DATE, all of it (2017-04 includes 30 April).",
        "DATE",
        repeatable=False,
    ),
    FilterSpec("controversies", "--controversy", "Controversy slug.", "SLUG"),
    FilterSpec("tags", "--tag", "Tag slug.", "SLUG"),
    FilterSpec(
        "registers",
        "--register",
        f"Register of the conflict: {', '.join(REGISTERS)}.",
        "REGISTER",
        choices=REGISTERS,
        noun="register",
    ),
    FilterSpec("texts", "--text", "Words in the title or summary (case and accents ignored).", "WORDS"),
    FilterSpec(
        "related",
        "--related",
        "Only the event ID and the events linked to it through relations, transitively.",
        "ID",
        repeatable=False,
    ),
    FilterSpec(
        "depth",
        "--depth",
        "With --related: at most N relations away (default: no limit).",
        "N",
        repeatable=False,
        type=int,
    ),
    FilterSpec(
        "direction",
        "--direction",
        "With --related: up (what ID points to), down (what points to ID) or both (default).",
        "DIRECTION",
        repeatable=False,
        choices=DIRECTIONS,
        noun="direction",
    ),
)


class QueryError(ValueError):
    """A query that cannot mean anything: an unknown actor, an unreadable date (exit 2)."""


@dataclass
class Query:
    actors: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    controversies: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    registers: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    related: str | None = None
    depth: int | None = None
    direction: str | None = None

    def select(self, corpus: Corpus) -> list[dict[str, Any]]:
        """The events of `corpus` that match, in corpus order. Raises QueryError."""
        self._check_slugs_in_use(corpus)
        actor_ids = self._actor_ids(corpus)
        # Sort keys (see dates.PartialDate): an unknown end stands for the known end's span.
        since = parse_query_date(self.since).start_key if self.since else None
        until = parse_query_date(self.until).end_key if self.until else None
        if since and until and until < since:
            raise QueryError(f"--until {self.until} ends before --since {self.since} starts")
        window = (since, until)
        texts = [fold(t) for t in self.texts]
        linked = self._linked(corpus)
        return [
            event
            for event in corpus.events
            if (linked is None or event["id"] in linked) and self._matches(event, actor_ids, window, texts)
        ]

    def _linked(self, corpus: Corpus) -> dict[str, int] | None:
        """The ids that `--related` keeps (walked over the whole corpus), or None without it."""
        from .relations import RelationIndex, UnknownEvent

        if self.related is None:
            if self.depth is not None or self.direction is not None:
                raise QueryError("--depth and --direction go with --related ID")
            return None
        if self.depth is not None and self.depth < 0:
            raise QueryError(f"--depth {self.depth}: give 0 or more relations")
        try:
            return RelationIndex(corpus.events).reach(self.related, self.direction or "both", self.depth)
        except UnknownEvent as error:
            raise QueryError(f"--related: {error}") from None

    def _matches(
        self,
        event: dict[str, Any],
        actor_ids: set[str] | None,
        window: tuple[tuple | None, tuple | None],
        texts: list[str],
    ) -> bool:
        if self.kinds and event["kind"] not in self.kinds:
            return False
        if self.controversies and event["controversy"] not in self.controversies:
            return False
        if self.tags and not set(self.tags) & set(event["tags"]):
            return False
        if self.registers and not set(self.registers) & set(event["registers"]):
            return False
        if (actor_ids is not None or self.roles) and not any(
            (actor_ids is None or actor["id"] in actor_ids) and (not self.roles or actor["role"] in self.roles)
            for actor in event["actors"]
        ):
            return False
        since, until = window
        if since and event["sort_key"][1] < since:
            return False
        if until and event["sort_key"][0] > until:
            return False
        if texts:
            haystack = fold(event["title"] + "\n" + (event["summary"] or ""))
            if not any(text in haystack for text in texts):
                return False
        return True

    def _check_slugs_in_use(self, corpus: Corpus) -> None:
        """A controversy, tag or role that no event uses is a typo, not an empty answer."""
        for values, flag, used in (
            (self.controversies, "--controversy", lambda e: [e["controversy"]]),
            (self.tags, "--tag", lambda e: e["tags"]),
            (self.roles, "--role", lambda e: [a["role"] for a in e["actors"]]),
        ):
            if not values:
                continue
            in_use = {value for event in corpus.events for value in used(event) if value}
            for value in values:
                if value not in in_use:
                    raise QueryError(f"{flag} {value!r}: no event uses it{suggest(value, sorted(in_use))}")

    def _actor_ids(self, corpus: Corpus) -> set[str] | None:
        if not self.actors:
            return None
        ids: set[str] = set()
        for name in self.actors:
            ids.update(_resolve_actor(name, corpus))
        return ids


def _resolve_actor(name: str, corpus: Corpus) -> list[str]:
    index = corpus.index
    if index is not None:
        found = index.resolve(name)
        if len(found) > 1:
            raise QueryError(f"--actor {name!r} matches several actors ({', '.join(found)}); use the id")
        if not found:
            raise QueryError(f"unknown actor {name!r}{index.suggestions(name)}")
        return found
    # Without a registry, actors are the names used in events, and their slugs.
    known: dict[str, str] = {}
    for event in corpus.events:
        for actor in event["actors"]:
            known[fold(actor["name"])] = actor["id"]
            known[actor["id"]] = actor["id"]
    wanted = known.get(fold(name)) or known.get(slugify(name))
    if wanted is None:
        raise QueryError(f"unknown actor {name!r}{suggest(fold(name), sorted(known))}")
    return [wanted]


def parse_query_date(text: str) -> PartialDate:
    """A partial date as in event files, or plain English (`Jan 2017`, `autumn 2017`, `44 BC`)."""
    from . import query_dates
    from .dates import DateError

    try:
        return query_dates.parse_query_date(text)
    except DateError as error:
        raise QueryError(f"{text.strip()!r} is not a date: {error}") from None
