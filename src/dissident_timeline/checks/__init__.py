"""Checks over the merged corpus, declared once each.

A check is a function decorated with `@check(Code(...), ...)`: the decorator registers its
problem codes in the catalog (and so in `docs/problems.md`) and the function in `CHECKS`,
which the corpus engine runs. Each check receives one `Context` (the events, the actors,
the indexes) and yields `Finding`s; none compares all pairs of events. Adding a check is
adding one module to this package and its name to `_MODULES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..problems import CATALOG, Code

if TYPE_CHECKING:
    from ..corpus import ActorIndex

__all__ = ["CHECKS", "Check", "Context", "Finding", "check"]

Record = dict[str, Any]


@dataclass(frozen=True)
class Finding:
    """A problem about a record, to be placed at `subpath` inside it (see `corpus._place`)."""

    code: str
    record: Record
    subpath: tuple[Any, ...]
    message: str
    # Set on the counterpart of a problem reported elsewhere (the first event of a duplicate id):
    # the file of the other record. Only `check FILE...` reports it, when that file is not named.
    twin: str | None = None


@dataclass(frozen=True)
class Context:
    """What every check sees. Records are as loaded (actor references as written), with `file`."""

    events: list[Record]  # valid events with a unique id (the first of each id), in file order
    partial: list[Record]  # invalid events: their id, actor references, relations and quotes
    actors: list[Record]  # registered actors with a unique id, in file order
    duplicate_events: list[tuple[Record, Record]]  # (later, first) for each id used again
    duplicate_actors: list[tuple[Record, Record]]
    index: ActorIndex | None  # None without a registry
    by_id: dict[str, Record] = field(default_factory=dict)  # valid events by id
    known_ids: frozenset[str] = frozenset()  # ids of valid and invalid events


CheckFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    codes: tuple[str, ...]
    function: CheckFunction


CHECKS: dict[str, Check] = {}


def check(*codes: tuple[str, Code]) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check and the codes it reports: `@check(("no-source", Code(WARNING, ...)))`."""

    def register(function: CheckFunction) -> CheckFunction:
        for code, entry in codes:
            if code in CATALOG:
                raise ValueError(f"problem code {code!r} is declared twice")
            CATALOG[code] = entry
        CHECKS[function.__name__] = Check(function.__name__, tuple(code for code, _entry in codes), function)
        return function

    return register


# The check modules, in the order their codes appear in docs/problems.md.
_MODULES = ("duplicates", "actors", "relations", "sources", "inconsistent_source", "possible_duplicate")
for _module in _MODULES:
    import_module(f".{_module}", __name__)
