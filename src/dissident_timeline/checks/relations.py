"""Relations: `dangling-relation`, `self-relation` and `relation-order`."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import ERROR, WARNING, Code
from ..text import Suggester, shorten
from . import Context, Finding, check

# Relations that claim the event came after its target.
AFTER_TARGET = ("responds_to", "appeals", "blocks", "overturns", "implements")


@check(
    (
        "dangling-relation",
        Code(ERROR, "Relation to a missing event", "A relation points to an event id that no file defines."),
    ),
    ("self-relation", Code(ERROR, "Relation to itself", "An event cannot be related to itself.")),
)
def relation_targets(context: Context) -> Iterator[Finding]:
    suggester: Suggester | None = None  # an index of the known ids, built only if a relation dangles
    for event in context.events + context.partial:
        for position, relation in enumerate(event["relations"]):
            if relation is None:
                continue
            target = relation["event"]
            if target == event["id"]:
                yield Finding(
                    "self-relation",
                    event,
                    ("relations", position, "event"),
                    f"`{event['id']}` cannot `{shorten(relation['type'])}` itself",
                )
            elif target not in context.known_ids:
                suggester = suggester or Suggester(sorted(context.known_ids))
                yield Finding(
                    "dangling-relation",
                    event,
                    ("relations", position, "event"),
                    f"no event has the id `{shorten(target)}`{suggester.suggest(target)}",
                )


@check(
    (
        "relation-order",
        Code(
            WARNING,
            "Relation against time",
            "An event responds to, appeals, blocks, overturns or implements an event that starts after it ends.",
        ),
    )
)
def relation_order(context: Context) -> Iterator[Finding]:
    for event in context.events + context.partial:  # invalid events too, when their date is valid
        if not event["end"]:
            continue
        for position, relation in enumerate(event["relations"]):
            if relation is None:  # not well formed in an invalid event, already reported
                continue
            target = context.by_id.get(relation["event"])
            if (
                relation["type"] in AFTER_TARGET
                and target
                and target["start"]
                and target["sort_key"][0] > event["sort_key"][1]
            ):  # time order, moments of a day too
                yield Finding(
                    "relation-order",
                    event,
                    ("relations", position, "event"),
                    f"`{event['id']}` ({event['date']}) {relation['type'].replace('_', ' ')} "
                    f"`{target['id']}`, which starts later ({target['date']})",
                )
