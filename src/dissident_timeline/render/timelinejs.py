"""`--format timelinejs`: TimelineJS3's JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per event: `start_date` and `end_date` carry only the parts the author wrote
(a month gives `{"year", "month"}`, never an invented day); what TimelineJS's dates cannot
say (a season, `c.`, `?`, a decade, an open end) is in `display_date`, the date as a person
reads it. `group` is the controversy, so TimelineJS draws one row per controversy, and
`unique_id` is the event id, so `#event-id` links to the slide.

TimelineJS renders `headline` and `text` as HTML: every piece of author text is escaped
with `html.escape`, and the only markup is ours (paragraphs, links to http(s) sources).
"""

from __future__ import annotations

import json
from html import escape as _escape
from typing import Any

from ..safe import json_visible
from . import View
from .dateparts import DateRange, Point, date_range
from .humane import human_date
from .markdown import safe_url
from .relations import both_ways, by_label

__all__ = ["render", "slide_text", "tl_date", "tl_year"]

# The title slide's id: not a slug, so no event id can take it (TimelineJS would rename the event).
TITLE_ID = "_title"


def render(view: View) -> str:
    """The document, one slide per line (readable, diff-friendly)."""
    count = len(view.events)
    title = {
        "unique_id": TITLE_ID,
        "text": {"headline": escape(_line(view.title)), "text": f"<p>{count} event{'s' if count != 1 else ''}</p>"},
    }
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": ")).encode
    related = both_ways(view.events)
    titles = {event["id"]: event["title"] for event in view.events}
    slides = ",\n    ".join(encode(_slide(event, related, titles)) for event in view.events)
    events = f"[\n    {slides}\n  ]" if slides else "[]"
    return json_visible(f'{{\n  "title": {encode(title)},\n  "events": {events}\n}}\n')


def _slide(event: dict[str, Any], related: dict[str, list[tuple[str, str]]], titles: dict[str, str]) -> dict[str, Any]:
    start, end = tl_dates(date_range(event["date"]))
    slide: dict[str, Any] = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = human_date(event["date"])
    body = slide_text(event, related.get(event["id"], []), titles)
    slide["text"] = {"headline": escape(_line(event["title"])), "text": body}
    if event.get("controversy"):
        slide["group"] = event["controversy"]
    slide["unique_id"] = event["id"]
    return slide


def tl_dates(span: DateRange) -> tuple[dict[str, int | str], dict[str, int | str] | None]:
    """TimelineJS's `start_date` and `end_date` (None: no end). TimelineJS needs a start:
    an open or unknown start takes the known end's parts (`display_date` says so: `... - 2016`)."""
    first = span.first or span.last
    assert first is not None  # a date has at least one known end
    start = tl_date(first)
    if span.single or span.last is None or span.first is None:
        return start, None
    return start, tl_date(span.last)


def tl_date(point: Point) -> dict[str, int | str]:
    """A TimelineJS date object: `year` (BC numbering), then only the parts written.
    A time zone is not kept: TimelineJS shows dates in the reader's local time."""
    parts: dict[str, int | str] = {"year": tl_year(point.year)}
    if point.month is not None:
        parts["month"] = point.month
    if point.day is not None:
        parts["day"] = point.day
    if point.time is not None:
        hour, minute, *second = point.time.split(":")
        parts["hour"], parts["minute"] = int(hour), int(minute)
        if second:
            parts["second"] = int(float(second[0]))
    return parts


def tl_year(year: int) -> int:
    """EDTF's astronomical year as TimelineJS numbers it: it shows a negative year as
    `N BCE` and has no year 0, so 0 (1 BC) is -1 and -44 (45 BC) is -45."""
    return year if year > 0 else year - 1


def escape(text: str) -> str:
    """Author text as HTML element content: `&`, `<` and `>` escaped (quotes need no escape there)."""
    return _escape(text, quote=False)


def slide_text(
    event: dict[str, Any], related: list[tuple[str, str]] | None = None, titles: dict[str, str] | None = None
) -> str:
    """The slide's body, as HTML: summary, actors, place, legal details, quotes, relations
    (both ways, by title), alternative dates and sources."""
    parts = []
    if event.get("summary"):
        parts += [f"<p>{escape(paragraph)}</p>" for paragraph in _paragraphs(event["summary"])]
    if event["actors"]:
        parts.append("<p>Actors: " + ", ".join(_actor(actor) for actor in event["actors"]) + "</p>")
    if event.get("place"):
        parts.append(f"<p>Place: {escape(_line(event['place']))}</p>")
    legal = event.get("legal") or {}
    if legal:
        shown = [
            f"{label}: {escape(_line(legal[key]))}"
            for key, label in (("case", "Case"), ("court", "Court"), ("docket", "Docket"), ("outcome", "Outcome"))
            if legal.get(key)
        ]
        parts.append("<p>" + "; ".join(shown) + "</p>")
    for quote in event.get("quotes") or []:
        lang = quote.get("lang")
        attribute = f' lang="{_escape(lang)}"' if lang else ""
        speaker = _speaker(quote.get("speaker"), event["actors"])
        parts.append(f"<blockquote{attribute}>{escape(_line(quote['text']))}{speaker}</blockquote>")
    if related:
        titles = titles or {}
        parts.append(
            "<p>"
            + "; ".join(
                f"{label.capitalize()}: " + ", ".join(escape(_line(titles.get(other, other))) for other in others)
                for label, others in by_label(related)
            )
            + "</p>"
        )
    for alternative in event.get("alternative_dates") or []:
        note = f": {escape(_line(alternative['note']))}" if alternative.get("note") else ""
        source = f" (source: {_source(alternative['source'])})" if alternative.get("source") else ""
        parts.append(f"<p>Also dated {escape(human_date(alternative['date']))}{note}{source}</p>")
    if event["sources"]:
        parts.append("<p>Sources: " + "; ".join(_source(source) for source in event["sources"]) + "</p>")
    return "".join(parts)


def _speaker(reference: str | None, actors: list[dict[str, Any]]) -> str:
    """` — Name`: a quote's speaker, by name when the event lists that actor."""
    if not reference:
        return ""
    names = {actor["id"]: actor["name"] for actor in actors}
    return f" — {escape(_line(names.get(reference, reference)))}"


def _actor(actor: dict[str, Any]) -> str:
    name = escape(_line(actor["name"]))
    return f"{name} ({escape(actor['role'])})" if actor.get("role") else name


def _source(source: dict[str, Any]) -> str:
    title = escape(_line(source["title"]))
    url = safe_url(source.get("url"))
    shown = f'<a href="{_escape(url)}">{title}</a>' if url else title
    details = [escape(_line(source[key])) for key in ("outlet",) if source.get(key)]
    if source.get("date"):
        details.append(escape(human_date(source["date"])))
    return shown + (f" ({', '.join(details)})" if details else "")


def _paragraphs(text: str) -> list[str]:
    return [_line(block) for block in text.split("\n\n") if block.strip()]


def _line(text: str) -> str:
    return " ".join(str(text).split())
