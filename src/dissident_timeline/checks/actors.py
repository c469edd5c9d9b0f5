"""`unknown-actor` and `ambiguous-actor`: with a registry, every reference names one actor."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import ERROR, Code
from ..text import shorten
from . import Context, Finding, check


@check(
    (
        "unknown-actor",
        Code(
            ERROR,
            "Unknown actor",
            "With a registry, every actor reference (in `actors`, `quotes` and `affiliations`) must match the id, "
            "name or alias of a registered actor (case and accents do not matter).",
        ),
    ),
    (
        "ambiguous-actor",
        Code(
            ERROR,
            "Ambiguous actor",
            "An actor reference matches several registered actors (through a shared name or alias). Use the id.",
        ),
    ),
)
def actor_references(context: Context) -> Iterator[Finding]:
    index = context.index
    if index is None:  # without a registry, actors are plain names
        return
    for record, subpath, reference in references(context):
        ids = index.resolve(reference)
        if len(ids) > 1:
            yield Finding(
                "ambiguous-actor",
                record,
                subpath,
                f"`{shorten(reference)}` matches several registered actors ({', '.join(ids)}); use the id",
            )
        elif not ids:
            yield Finding(
                "unknown-actor",
                record,
                subpath,
                f"`{shorten(reference)}` is not a registered actor{index.suggestions(reference)}; "
                "add it to actors.yaml or use a registered id, name or alias",
            )


def references(context: Context) -> Iterator[tuple[dict, tuple, str]]:
    """Every actor reference: (record, subpath, reference) in events, invalid events and affiliations."""
    for event in context.events + context.partial:
        for position, ref in enumerate(event["actors"]):
            if ref is not None:  # None: not well formed in an invalid event, already reported
                yield event, ("actors", position, "actor"), ref["actor"]
        for position, quote in enumerate(event["quotes"]):
            if quote and "speaker" in quote:
                yield event, ("quotes", position, "speaker"), quote["speaker"]
    for actor in context.actors:
        for position, ref in enumerate(actor["affiliations"]):
            yield actor, ("affiliations", position), ref
