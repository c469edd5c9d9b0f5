"""The corpus's sources, each listed once: the bibliography behind `timeline sources`.

A source is cited inside an event (in `sources`, or as the `source` of an alternative
date), often by several events, each time typed again. Two citations are of the same
source when they give the same URL (scheme and host compared case-insensitively); without
a URL, when their outlet, title and date are the same once case, accents and spacing are
ignored (`text.fold`). Each distinct source gets a `key`, stable across runs and valid as a
BibTeX key and a CSL id, and the ids of the events that cite it.

Pure and linear: one pass over the citations, one dictionary by identity, one sort.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .text import fold, slugify

__all__ = ["Citation", "Entry", "citations", "collect", "identity", "source_year"]

Record = dict[str, Any]

# The fields that say which source it is; the check `inconsistent-source` compares them.
DESCRIPTIVE_FIELDS = ("title", "outlet", "date")
# Leading words that say nothing about a source, left out of its key (`The New York Times` -> `new-york`).
_KEY_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "and", "le", "la", "les", "l", "un", "une", "de", "des", "du", "et"]
)
_YEAR = re.compile(r"-?\d{4}")


@dataclass(frozen=True)
class Citation:
    """One source as written inside one event, with where it sits in the event."""

    event: Record
    path: tuple[Any, ...]  # inside the event: ("sources", 2) or ("alternative_dates", 0, "source")
    source: Record


@dataclass
class Entry:
    """One distinct source, described by its first citation (in the order of the events given)."""

    identity: tuple[str, ...]
    source: Record
    events: list[str] = field(default_factory=list)  # ids of the citing events, first citation first
    pages: list[str] = field(default_factory=list)  # the distinct pages cited, in citation order
    key: str = ""
    citing: set[str] = field(default_factory=set, repr=False)  # `events` as a set: no quadratic lookups


def citations(events: list[Record]) -> Iterator[Citation]:
    """Every source cited by `events`, event by event, in the order written in each event."""
    for event in events:
        for position, source in enumerate(event["sources"]):
            yield Citation(event, ("sources", position), source)
        for position, alternative in enumerate(event["alternative_dates"]):
            if alternative.get("source"):
                yield Citation(event, ("alternative_dates", position, "source"), alternative["source"])


def identity(source: Record) -> tuple[str, ...]:
    """What makes two citations one source: the URL, else outlet, title and date, folded."""
    url = source.get("url")
    if url:
        return ("url", _normal_url(url))
    return ("text", fold(source.get("outlet") or ""), fold(source["title"]), fold(source.get("date") or ""))


def collect(events: list[Record]) -> list[Entry]:
    """The distinct sources cited by `events` (in corpus order), sorted like a bibliography."""
    entries: dict[tuple[str, ...], Entry] = {}
    for citation in citations(events):
        key = identity(citation.source)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = Entry(key, citation.source)
        if citation.event["id"] not in entry.citing:
            entry.citing.add(citation.event["id"])
            entry.events.append(citation.event["id"])
        page = citation.source.get("page")
        if page and page not in entry.pages:
            entry.pages.append(page)
    ordered = sorted(entries.values(), key=_bibliography_order)
    _assign_keys(ordered)
    return ordered


def source_year(source: Record) -> str | None:
    """The year written at the start of the source's date (`2017` of `2017-04-25`), if any."""
    match = _YEAR.match(source.get("date") or "")
    return match.group() if match else None


def _normal_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, parts.fragment))


def _bibliography_order(entry: Entry) -> tuple[Any, ...]:
    """Like a reference list: by outlet (the "author" of a press article; the title stands in
    when there is none), then by date (undated last), then by title; the identity breaks ties."""
    source = entry.source
    title = fold(source["title"])
    date = source.get("date")
    when = (0, _sortable_date(date)) if date else (1, ((), ()))
    return (fold(source.get("outlet") or "") or title, when, title, entry.identity)


def _sortable_date(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """First and last moment of the date's span, as the date module orders them."""
    from .dates import DateError, parse_date

    try:
        parsed = parse_date(text)
    except DateError:  # already reported as invalid-date: after every valid date
        return ((1 << 62,), ())
    return (parsed.start_key, parsed.end_key)


def _assign_keys(entries: list[Entry]) -> None:
    """`outlet-year-title-hash`: readable, and stable because the hash is of the identity, not of
    the position. Keys are lowercase ASCII letters, digits and hyphens, starting with a letter."""
    used: set[str] = set()
    for entry in entries:
        digest = hashlib.blake2b(
            "\x1f".join(entry.identity).encode("utf-8", "surrogatepass"), digest_size=4
        ).hexdigest()[:6]
        words = [
            _first_words(entry.source.get("outlet") or "", 2),
            (source_year(entry.source) or "").lstrip("-"),
            _first_words(entry.source["title"], 3),
        ]
        base = "-".join(part for part in words if part)
        key = f"{base}-{digest}" if base else f"source-{digest}"
        if not key[0].isalpha():
            key = "s" + key
        unique, suffix = key, 2
        while unique in used:  # two identities whose hashes collide: the later one in order gets a suffix
            unique, suffix = f"{key}-{suffix}", suffix + 1
        used.add(unique)
        entry.key = unique


def _first_words(text: str, count: int) -> str:
    words = [word for word in slugify(text).split("-") if word]
    while len(words) > 1 and words[0] in _KEY_STOPWORDS:
        words.pop(0)
    return "-".join(words[:count])
