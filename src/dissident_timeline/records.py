"""The records the tool works on, defined once: what the loader returns, what `--format json`
writes, and what `docs/timeline.schema.json` describes (generated from these classes by
`make docs`; a test keeps the file equal to what they generate).

Records are plain dicts (cheap to cache and to pass between processes); these TypedDicts
give them their shape for the type checker and the JSON Schema for users.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from .vocabulary import ACTOR_TYPES, KINDS, REGISTERS, RELATION_TYPES

__all__ = ["ACTOR_KEYS", "EVENT_KEYS", "SCHEMA_VERSION", "ActorRecord", "EventRecord", "json_schema"]

SCHEMA_VERSION = 1
_CLOSED = ConfigDict(extra="forbid")

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]
Day = Annotated[
    str,
    Field(
        pattern=r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}$",
        description="an ISO calendar day; the year as EDTF writes it: astronomical (0000 is 1 BC, "
        "-0044 is 45 BC), four digits or more",
    ),
]
Time = Annotated[
    str,
    Field(
        pattern=r"^[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$",
        description="a time of day as written, normalised: 16:30:00, 16:30:00Z or 16:30:00-05:00",
    ),
]
Bound = Annotated[
    Literal["known", "open", "unknown"],
    Field(description="known (written), open (`..`) or unknown (left empty, `1985/`)"),
]
Kind = Literal[KINDS]  # type: ignore[valid-type]  # a Literal built from the vocabulary tuple
Register = Literal[REGISTERS]  # type: ignore[valid-type]  # idem
RelationType = Literal[RELATION_TYPES]  # type: ignore[valid-type]  # idem
ActorType = Literal[ACTOR_TYPES]  # type: ignore[valid-type]  # idem


@with_config(_CLOSED)
class SourceRecord(TypedDict):
    title: Text
    outlet: NotRequired[Text]
    date: NotRequired[Annotated[Text, Field(description="a date as written (EDTF)")]]
    url: NotRequired[Annotated[str, Field(pattern="^[Hh][Tt][Tt][Pp][Ss]?://")]]
    archive_url: NotRequired[
        Annotated[str, Field(pattern="^[Hh][Tt][Tt][Pp][Ss]?://", description="an archived copy of `url`")]
    ]
    accessed: NotRequired[Annotated[Text, Field(description="when the source was read, as written (EDTF)")]]
    lang: NotRequired[Text]
    page: NotRequired[Text]
    quote: NotRequired[Text]


@with_config(_CLOSED)
class ActorInEvent(TypedDict):
    id: str
    name: Text
    role: Slug | None


@with_config(_CLOSED)
class RelationRecord(TypedDict):
    type: RelationType
    event: Slug


@with_config(_CLOSED)
class AlternativeDateRecord(TypedDict):
    date: Text
    note: NotRequired[Text]
    source: NotRequired[SourceRecord]


@with_config(_CLOSED)
class LegalRecord(TypedDict):
    case: NotRequired[Text]
    court: NotRequired[Text]
    docket: NotRequired[Text]
    outcome: NotRequired[Text]


@with_config(_CLOSED)
class QuoteRecord(TypedDict):
    text: Text
    speaker: NotRequired[Annotated[str, Field(description="id of the resolved actor")]]
    lang: NotRequired[Text]


@with_config(_CLOSED)
class EventRecord(TypedDict):
    """One event, every field present (null or empty when the author wrote none)."""

    id: Slug
    date: Annotated[Text, Field(description="the date as written (EDTF), without YAML quoting")]
    start: Annotated[Day | None, Field(description="first day of the span; null for an open or unknown start")]
    end: Annotated[Day | None, Field(description="last day of the span; null for an open or unknown end")]
    start_time: Annotated[Time | None, Field(description="time of day of the start, if written")]
    end_time: Annotated[Time | None, Field(description="time of day of the end, if written")]
    start_bound: Bound
    end_bound: Bound
    precision: Literal["day", "month", "season", "year", "decade", "century", "interval"]
    approximate: bool
    uncertain: bool
    kind: Kind
    title: Annotated[str, Field(min_length=1, max_length=200)]
    summary: str | None
    actors: list[ActorInEvent]
    controversy: Slug | None
    registers: list[Register]
    tags: list[Slug]
    place: str | None
    sources: list[SourceRecord]
    relations: list[RelationRecord]
    alternative_dates: list[AlternativeDateRecord]
    legal: LegalRecord | None
    quotes: list[QuoteRecord]
    file: Annotated[Text, Field(description="the file, as the path was given")]
    line: Annotated[int, Field(ge=1)]


@with_config(_CLOSED)
class ActorRecord(TypedDict):
    """A registered actor."""

    id: Slug
    name: Text
    type: ActorType
    aliases: list[str]
    affiliations: list[Slug]


@with_config(_CLOSED)
class TimelineDocument(TypedDict):
    """Output of `timeline build --format json` and `timeline filter --format json`."""

    schema_version: Literal[1]
    events: list[EventRecord]
    actors: list[ActorRecord]


EVENT_KEYS = tuple(EventRecord.__annotations__)
ACTOR_KEYS = tuple(ActorRecord.__annotations__)


def json_schema() -> str:
    """The text of docs/timeline.schema.json (draft 2020-12), generated from `TimelineDocument`."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/dissident-timeline/dissident-timeline/docs/timeline.schema.json",
        **TypeAdapter(TimelineDocument).json_schema(ref_template="#/$defs/{model}"),
    }
    schema["title"] = f"dissident-timeline JSON output (schema_version {SCHEMA_VERSION})"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
