"""Figures about a set of events, for `timeline stats`: counts, the slugs in use, who acts on
whom, and how fast events are answered.

Pure, and linear in events plus relations. Partial dates are handled honestly: an event
counts under a year (or month) only when its date gives that year (or month) — `1980s` has
no year, `2017` no month — and a response delay in days is computed only between two
events dated to the day; every other pair is counted apart, never guessed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache
from typing import Any

from .dates import DateError, parse_date

__all__ = [
    "BY",
    "NONE",
    "UNKNOWN",
    "actor_pairs",
    "counts",
    "day_of",
    "quantile",
    "response_delays",
    "slugs_in_use",
    "statistics",
]

BY = ("year", "month", "kind", "controversy", "register", "actor")
UNKNOWN = "(unknown)"  # a year or month that the event's date does not give
NONE = "(none)"  # no controversy, no register
# Precisions whose start gives the year; and the month.
_YEAR_KNOWN = frozenset(("day", "month", "season", "year"))
_MONTH_KNOWN = frozenset(("day", "month"))


@lru_cache(maxsize=4096)
def _precision_of(text: str) -> str | None:
    try:
        return parse_date(text).precision
    except DateError:
        return None


def _start_precision(event: dict[str, Any]) -> str | None:
    """The precision of the event's first day: an interval's is that of its first part."""
    if not event["start"]:
        return None
    if event["precision"] != "interval":
        return event["precision"]
    first = event["date"].split("/", 1)[0]
    return None if first in ("", "..") else _precision_of(first)


def day_of(event: dict[str, Any]) -> date | None:
    """The day an event happened, when its date gives one (a single day); else None.

    The one place that decides which dates give a delay in days."""
    if event["precision"] != "day" or not event["start"]:
        return None
    return date.fromisoformat(event["start"][:10])


def _keys(event: dict[str, Any], by: str) -> list[tuple[str, str]]:
    """The (key, label) pairs an event counts under: one, or one per register or actor."""
    if by == "year":
        return [
            (event["start"][:-6], event["start"][:-6]) if _start_precision(event) in _YEAR_KNOWN else (UNKNOWN, UNKNOWN)
        ]
    if by == "month":
        return [
            (event["start"][:-3], event["start"][:-3])
            if _start_precision(event) in _MONTH_KNOWN
            else (UNKNOWN, UNKNOWN)
        ]
    if by == "kind":
        return [(event["kind"], event["kind"])]
    if by == "controversy":
        return [(event["controversy"] or NONE, event["controversy"] or NONE)]
    if by == "register":
        return [(register, register) for register in dict.fromkeys(event["registers"])] or [(NONE, NONE)]
    if by == "actor":
        return list({actor["id"]: actor["name"] for actor in event["actors"]}.items())
    raise ValueError(f"cannot count by {by!r}")


def _chronological(key: str) -> tuple[int, int, int]:
    """Years and months in time order (`-0044` before `0100`), the unknown last."""
    if key == UNKNOWN:
        return (1, 0, 0)
    key = key.removeprefix("Y")  # EDTF's years beyond four digits
    negative = key.startswith("-")
    year, _, month = key.lstrip("-").partition("-")
    return (0, -int(year) if negative else int(year), int(month or 0))


def counts(events: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """`[{key, label, events}]`: in time order by year or month, else most events first."""
    tally: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for event in events:
        for key, label in _keys(event, by):
            tally[key] += 1
            labels.setdefault(key, label)
    if by in ("year", "month"):
        order = sorted(tally, key=_chronological)
    else:
        order = sorted(tally, key=lambda key: (-tally[key], key == NONE, labels[key].casefold(), key))
    return [{"key": key, "label": labels[key], "events": tally[key]} for key in order]


def _ranked(tally: Counter[str], name: str) -> list[dict[str, Any]]:
    return [{name: key, "events": count} for key, count in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))]


def slugs_in_use(events: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The controversies, tags and roles the events use, each with its number of events."""
    controversies: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    for event in events:
        if event["controversy"]:
            controversies[event["controversy"]] += 1
        tags.update(set(event["tags"]))
        roles.update({actor["role"] for actor in event["actors"] if actor["role"]})
    return {
        "controversies": _ranked(controversies, "slug"),
        "tags": _ranked(tags, "slug"),
        "roles": _ranked(roles, "slug"),
    }


def actor_pairs(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who acts on whom: each (author, target) pair of actors within an event, with the number
    of events where it occurs, most frequent first."""
    tally: Counter[tuple[str, str]] = Counter()
    names: dict[str, str] = {}
    for event in events:
        authors = {a["id"]: a["name"] for a in event["actors"] if a["role"] == "author"}
        targets = {a["id"]: a["name"] for a in event["actors"] if a["role"] == "target"}
        names.update(authors)
        names.update(targets)
        tally.update((author, target) for author in authors for target in targets if author != target)
    ranked = sorted(
        tally.items(), key=lambda kv: (-kv[1], names[kv[0][0]].casefold(), names[kv[0][1]].casefold(), kv[0])
    )
    return [
        {
            "author": {"id": author, "name": names[author]},
            "target": {"id": target, "name": names[target]},
            "events": count,
        }
        for (author, target), count in ranked
    ]


def quantile(ordered: list[int], fraction: float) -> float:
    """The `fraction` quantile of sorted values, interpolating linearly between the two
    nearest ranks (the "inclusive" method: the median of 1, 2, 3, 4 is 2.5)."""
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _summary(delays: list[int], not_computable: int) -> dict[str, Any]:
    ordered = sorted(delays)
    figures: dict[str, Any] = {
        "pairs": len(delays) + not_computable,
        "computable": len(delays),
        "not_computable": not_computable,
    }
    for name, fraction in (("min", 0.0), ("q1", 0.25), ("median", 0.5), ("q3", 0.75), ("max", 1.0)):
        figures[name] = _number(quantile(ordered, fraction)) if ordered else None
    return figures


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def response_delays(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Days from an event to each event that `responds_to` it, both among `events`.

    Overall and by controversy (that of the response, `(none)` without one). A pair where
    either date is not a single day is counted in `not_computable`."""
    by_id = {event["id"]: event for event in events}
    delays: dict[str, list[int]] = defaultdict(list)
    apart: Counter[str] = Counter()
    for response in events:
        answered = dict.fromkeys(r["event"] for r in response["relations"] if r["type"] == "responds_to")
        for target_id in answered:
            target = by_id.get(target_id)
            if target is None:
                continue
            group = response["controversy"] or NONE
            first, then = day_of(target), day_of(response)
            if first is None or then is None:
                apart[group] += 1
            else:
                delays[group].append((then - first).days)
    overall = _summary([d for group in delays.values() for d in group], sum(apart.values()))
    groups = sorted(set(delays) | set(apart), key=lambda g: (g == NONE, g))
    overall["by_controversy"] = [{"controversy": group, **_summary(delays[group], apart[group])} for group in groups]
    return overall


def statistics(events: list[dict[str, Any]], by: str) -> dict[str, Any]:
    """Every figure of `timeline stats`, as its JSON document (docs/commands.md)."""
    return {
        "schema_version": 1,
        "events": len(events),
        "by": by,
        "counts": counts(events, by),
        "slugs": slugs_in_use(events),
        "actor_pairs": actor_pairs(events),
        "response_delays": response_delays(events),
    }
