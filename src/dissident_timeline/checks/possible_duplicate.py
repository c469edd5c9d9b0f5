"""`possible-duplicate`: the same event entered twice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..problems import WARNING, Code
from ..text import fold
from . import Context, Finding, check

_NOT_ALNUM = re.compile(r"[\W_]+")


@check(
    (
        "possible-duplicate",
        Code(
            WARNING,
            "Possible duplicate event",
            "Two events share the same span and kind and have near-identical titles. Merge them, or make the "
            "titles say how they differ.",
        ),
    )
)
def possible_duplicate(context: Context) -> Iterator[Finding]:
    """Same span, same kind, and titles equal once case, accents and punctuation are ignored."""
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for event in context.events:  # in file order: the first one met is reported as the original
        key = (
            event["sort_key"],
            event["start_bound"],
            event["end_bound"],
            event["kind"],
            _NOT_ALNUM.sub("", fold(event["title"])),
        )
        first = seen.setdefault(key, event)
        if first is not event:
            yield Finding(
                "possible-duplicate",
                event,
                ("title",),
                f"same date, kind and title as `{first['id']}` ({first['file']}:{first['line']}); "
                "merge them or make the titles differ",
            )
