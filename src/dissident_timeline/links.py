"""The links of a corpus: where each URL is cited, and what a check of it means for the corpus.

Pure, apart from reading event files again to place a URL at its line and column. The
network work is in `linkcheck`; the cache in `linkcache`; this module decides which URLs
there are, where they are written, which failures fail the run, and what to ask the
archive for.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .bibliography import citations
from .yamlread import decode, locate

if TYPE_CHECKING:
    from .linkcheck import LinkResult

__all__ = ["Use", "failing", "link_uses", "place", "snapshot_timestamp"]

Record = dict[str, Any]
LINK_FIELDS = ("url", "archive_url")


@dataclass(frozen=True)
class Use:
    """One place a URL is written: a source's `url` or `archive_url`, in one event."""

    event_id: str
    file: str
    address: tuple[Any, ...]  # of the field in its file, for `yamlread.locate`
    name: str  # "url" or "archive_url"
    source: Record = field(compare=False)  # the citation, for its archive_url and dates
    line: int = 1  # of the event: where the use is shown if the file cannot be read again

    @property
    def has_archive(self) -> bool:
        return bool(self.source.get("archive_url"))


def link_uses(events: list[Record]) -> dict[str, list[Use]]:
    """Every URL and archive URL cited by `events`, with the places it is written, in corpus order."""
    uses: dict[str, list[Use]] = defaultdict(list)
    for citation in citations(events):
        event = citation.event
        for name in LINK_FIELDS:
            url = citation.source.get(name)
            if url:
                address = (*event["address"], *citation.path, name)
                uses[url].append(Use(event["id"], event["file"], address, name, citation.source, event["line"]))
    return dict(uses)


def failing(result: LinkResult, uses: list[Use]) -> bool:
    """A dead link fails the run unless every source citing it keeps an archived copy; a dead
    `archive_url` always does (it is the copy of last resort)."""
    if result.status not in ("broken", "unreachable"):
        return False
    return any(use.name == "archive_url" or not use.has_archive for use in uses)


def snapshot_timestamp(uses: list[Use]) -> str | None:
    """`YYYYMMDD` to ask the archive for the copy nearest to when the source was read (`accessed`),
    else to its date; None when neither is written."""
    for name in ("accessed", "date"):
        for use in uses:
            digits = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", use.source.get(name) or "")
            if digits and digits.group(1):
                month = digits.group(2) if digits.group(2) and digits.group(2) <= "12" else "01"
                return digits.group(1) + month + (digits.group(3) or "01")
    return None


def place(uses: list[Use]) -> dict[Use, tuple[int, int]]:
    """(line, col) of each use's value, parsing each file concerned once more."""
    by_file: dict[str, list[Use]] = defaultdict(list)
    for use in uses:
        by_file[use.file].append(use)
    positions: dict[Use, tuple[int, int]] = {}
    for path, group in by_file.items():
        try:
            with open(path, "rb") as handle:
                data, problem = decode(handle.read())
        except OSError:
            data, problem = b"", True  # type: ignore[assignment]  # any truthy problem: the file is unreadable
        if problem:
            positions.update((use, (use.line, 1)) for use in group)
            continue
        positions.update(zip(group, locate(data, [use.address for use in group]), strict=True))
    return positions
