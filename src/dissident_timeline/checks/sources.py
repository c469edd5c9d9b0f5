"""Sources: `no-source` and `source-before-event`."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import DateError, parse_date
from ..problems import WARNING, Code
from . import Context, Finding, check


@check(("no-source", Code(WARNING, "Event without source", "Every event should cite at least one source.")))
def no_source(context: Context) -> Iterator[Finding]:
    for event in context.events:
        if not event["sources"]:
            yield Finding("no-source", event, ("id",), f"`{event['id']}` cites no source; add `sources:`")
    for record in context.partial:  # an invalid event: say it all in one run, not after the first fix
        if not record["cites"]:
            name = f"`{record['id']}`" if record["id"] else "the event"
            yield Finding("no-source", record, ("id",), f"{name} cites no source; add `sources:`")


@check(
    (
        "source-before-event",
        Code(
            WARNING,
            "Source older than the event",
            "A source's date span ends before the event's starts: a source cannot report what had not happened. "
            "Check both dates.",
        ),
    )
)
def source_before_event(context: Context) -> Iterator[Finding]:
    for event in context.events + context.partial:  # invalid events too, when their date is valid
        if not event["start"]:
            continue
        for position, source in enumerate(event["sources"]):
            if "date" not in source:
                continue
            try:
                when = parse_date(source["date"])
            except DateError:  # already reported as invalid-date
                continue
            if when.end and when.end_key < event["sort_key"][0]:  # time order, not ISO text (`-0050`)
                yield Finding(
                    "source-before-event",
                    event,
                    ("sources", position, "date"),
                    f"source dated {source['date']} ends before the event ({event['date']}) starts; check both dates",
                )
