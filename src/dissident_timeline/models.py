"""The event file format, as pydantic v2 schemas.

The schemas are TypedDicts validated in strict mode: validation returns plain dicts (the
records the rest of the tool works on and caches), and never coerces (`"1"` stays a
string, a number is never read as a timestamp). The loader only ever hands them strings,
None, lists and dicts, because it reads every YAML scalar as the text written.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, NotRequired
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, ConfigDict, StringConstraints, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic needs it on Python < 3.12

from .dates import DateError, parse_date
from .vocabulary import ACTOR_TYPES, KINDS, REGISTERS, RELATION_TYPES

__all__ = ["ACTOR_ADAPTER", "EVENT_ADAPTER", "FIELDS", "SLUG_PATTERN", "Actor", "Event"]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

_CONFIG = ConfigDict(extra="forbid", strict=True)
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f]")


def _check_date(text: str) -> str:
    try:
        return parse_date(text).text
    except DateError as error:
        raise ValueError(str(error)) from None


def _check_one_line(text: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError("must be a single line")
    return text


def _check_url(text: str) -> str:
    if _UNSAFE_URL_CHARS.search(text):
        raise ValueError("URLs cannot contain spaces or control characters (percent-encode them)")
    try:
        parts = urlsplit(text)
    except ValueError:
        raise ValueError("not a URL") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("only absolute http:// and https:// URLs are allowed")
    return text


def _check_lang(text: str) -> str:
    if not _LANG.fullmatch(text):
        from .languages import suggest_tag

        tag = suggest_tag(text)
        hint = f": write `{tag}`" if tag and tag != text else " such as `en`, `fr` or `pt-BR`"
        raise ValueError(f"must be a BCP 47 language tag{hint}")
    return text


def _actor_reference(value: Any) -> Any:
    """`- Trump` is short for `- {actor: Trump}`."""
    return {"actor": value} if isinstance(value, str) else value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=200), AfterValidator(_check_one_line)]
DateText = Annotated[str, AfterValidator(_check_date)]
Url = Annotated[str, AfterValidator(_check_url)]
Lang = Annotated[str, AfterValidator(_check_lang)]


@with_config(_CONFIG)
class Source(TypedDict):
    title: Text
    outlet: NotRequired[Text | None]
    date: NotRequired[DateText | None]
    url: NotRequired[Url | None]
    archive_url: NotRequired[Url | None]  # a copy kept by an archive, for when `url` dies
    accessed: NotRequired[DateText | None]  # when the author read it
    lang: NotRequired[Lang | None]
    page: NotRequired[Text | None]
    quote: NotRequired[Text | None]


@with_config(_CONFIG)
class ActorReference(TypedDict):
    actor: Line
    role: NotRequired[Slug | None]


@with_config(_CONFIG)
class Relation(TypedDict):
    type: Literal[RELATION_TYPES]  # type: ignore[valid-type]  # Literal of a vocabulary tuple
    event: Slug


@with_config(_CONFIG)
class AlternativeDate(TypedDict):
    date: DateText
    note: NotRequired[Text | None]
    source: NotRequired[Source | None]


@with_config(_CONFIG)
class Legal(TypedDict):
    case: NotRequired[Text | None]
    court: NotRequired[Text | None]
    docket: NotRequired[Text | None]
    outcome: NotRequired[Text | None]


@with_config(_CONFIG)
class Quote(TypedDict):
    text: Text
    speaker: NotRequired[Line | None]
    lang: NotRequired[Lang | None]


@with_config(_CONFIG)
class Event(TypedDict):
    id: Slug
    date: DateText
    kind: Literal[KINDS]  # type: ignore[valid-type]  # Literal of a vocabulary tuple
    title: Line
    summary: NotRequired[Text | None]
    actors: NotRequired[list[Annotated[ActorReference, BeforeValidator(_actor_reference)]] | None]
    controversy: NotRequired[Slug | None]
    registers: NotRequired[list[Literal[REGISTERS]] | None]  # type: ignore[valid-type]  # Literal of a vocabulary tuple
    tags: NotRequired[list[Slug] | None]
    place: NotRequired[Line | None]
    sources: NotRequired[list[Source] | None]
    relations: NotRequired[list[Relation] | None]
    alternative_dates: NotRequired[list[AlternativeDate] | None]
    legal: NotRequired[Legal | None]
    quotes: NotRequired[list[Quote] | None]


@with_config(_CONFIG)
class Actor(TypedDict):
    id: Slug
    name: Line
    type: Literal[ACTOR_TYPES]  # type: ignore[valid-type]  # Literal of a vocabulary tuple
    aliases: NotRequired[list[Line] | None]
    affiliations: NotRequired[list[Line] | None]
    country: NotRequired[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None]


EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
ACTOR_ADAPTER: TypeAdapter[Actor] = TypeAdapter(Actor)

# Field names of each kind of mapping, keyed by the field that holds it ("" for the top).
FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "event": {
        "": tuple(Event.__annotations__),
        "actors": tuple(ActorReference.__annotations__),
        "sources": tuple(Source.__annotations__),
        "source": tuple(Source.__annotations__),
        "relations": tuple(Relation.__annotations__),
        "alternative_dates": tuple(AlternativeDate.__annotations__),
        "legal": tuple(Legal.__annotations__),
        "quotes": tuple(Quote.__annotations__),
    },
    "registry": {"": tuple(Actor.__annotations__)},  # actors are validated one by one
}
