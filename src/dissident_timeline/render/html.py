"""`--format html`: the chronology as one self-contained page, to publish or send as a file.

The page is server-rendered: every event is an `<li id="EVENT-ID">` in one `<ol>` per year,
with its date in `<time datetime>` where HTML allows it, actors and roles, place, legal
details, quotes in their language (`lang`), alternative dates with their notes, relations
in both directions ("responds to X" on one event, "answered by Y" on the other) and its
sources as numbered notes. It reads fully with scripts off and prints.

With scripts on, the inline script (html.js) reads a JSON data island and adds a time axis
(one lane per controversy), filters (actor, controversy, kind, register, period, words) that
toggle `hidden` on the pre-rendered events, and keeps the filters in the URL fragment.

Event files are untrusted. Every piece of author text goes through `_text` (hidden
characters made visible, then `html.escape(quote=True)`); the script builds DOM only with
`textContent`; only http(s) URLs become links; the data island escapes `<`, `>` and `&`.
A Content-Security-Policy allows exactly the page's own style and script (by hash) and no
request of any kind, so even a slip elsewhere could not load or run anything.
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import math
import re
from collections import defaultdict
from functools import lru_cache
from html import escape
from importlib.resources import files
from typing import Any

from .. import vocabulary
from ..safe import visible
from ..vocabulary import KINDS, REGISTERS
from . import View
from .humane import human_date
from .markdown import safe_url

__all__ = ["RELATION_LABELS", "render"]

# How a relation reads from each end, as a label: (on the event that holds it, on the event it points to).
RELATION_LABELS = {
    kind: (outgoing[:1].upper() + outgoing[1:], incoming[:1].upper() + incoming[1:])
    for kind, (outgoing, incoming) in vocabulary.RELATION_LABELS.items()
}
NO_CONTROVERSY = "(no controversy)"

# What HTML's `datetime` accepts among EDTF dates: a year (not 0000), a month, a day, a moment.
_HTML_DATETIME = re.compile(
    r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)?)?)?)?", re.ASCII
)
_SHORT_OFFSET = re.compile(r"(T[\d:.]+[+-]\d\d)$")
_ISO_DAY = re.compile(r"(-?\d+)-(\d\d)-(\d\d)")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(?=\S)([^<>*]+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=\S)([^<>*_]+?)(?<=\S)\1(?![\w*])")
_CUMULATIVE_DAYS = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def render(view: View) -> str:
    style = _asset("html.css")
    script = _asset("html.js")
    events = view.events
    by_id = {event["id"]: event for event in events}
    inverse = _inverse_relations(events)
    speakers = _speaker_names(view.actors)
    title = _text(view.title)
    body = [
        f'<a class="skip" href="#_main">Skip to the events</a>\n<header>\n<h1>{title}</h1>\n'
        f"<p>{_overview(events)}</p>\n</header>\n",
        _year_nav(events),
        '<main id="_main" tabindex="-1">\n',
        '<details id="_tools" class="tools" hidden><summary>Filters and time axis</summary>\n',
        _filters(events),
        '<figure id="_axis"><div id="_axis-box"></div><figcaption id="_axis-hint">'
        "Time axis: one lane per controversy; busy years are wider, long empty stretches are cut. "
        "Point at a mark to see its event, click to go to it, drag across years to keep them."
        "</figcaption></figure>\n</details>\n",
        f'<p id="_count" role="status" aria-live="polite">{_count(len(events))}</p>\n',
    ]
    for label, key, group in _by_year(events):
        body.append(
            f'<section class="year" aria-labelledby="_y{key}">\n<h2 id="_y{key}">{label}</h2>\n<ol class="events">\n'
        )
        body.extend(_event(event, by_id, inverse, speakers) for event in group)
        body.append("</ol>\n</section>\n")
    body.append(
        "</main>\n<footer><p>Made with <code>timeline build --format html</code> (dissident-timeline) "
        "from YAML event files. Every event links to its sources.</p></footer>\n"
    )
    csp = (
        f"default-src 'none'; style-src '{_hash(style)}'; script-src '{_hash(script)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        '<meta name="generator" content="dissident-timeline">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "".join(body)
        + f'<script type="application/json" id="_data">{_data_island(view)}</script>\n'
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def _asset(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    """The CSP source that allows exactly this inline style or script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=65536)  # names, outlets, roles and related titles come back again and again
def _text(text: str) -> str:
    """Author text as inert HTML text, safe in an element and in a quoted attribute."""
    if not text.isprintable() or "  " in text or text != text.strip():  # breaks, tabs, hidden characters
        text = visible(" ".join(text.split()))
    return escape(text, quote=True)


def _paragraphs(text: str, inline: bool = False) -> str:
    """Paragraphs at blank lines; with `inline`, Markdown code spans and emphasis too."""
    paragraphs = (_text(paragraph) for paragraph in _PARAGRAPHS.split(text.strip()) if paragraph.strip())
    return "".join(f"<p>{_inline(paragraph) if inline else paragraph}</p>" for paragraph in paragraphs)


def _inline(escaped: str) -> str:
    """`code`, **strong** and *emphasis* (or _emphasis_) in text already escaped: the only tags
    written are these, each opened and closed around text that holds no tag, so none can nest
    badly; what is not one of them stays as written."""
    parts = _CODE.split(escaped)  # odd parts are code spans, left alone by emphasis
    for index in range(0, len(parts), 2):
        parts[index] = _EMPHASIS.sub(r"<em>\2</em>", _STRONG.sub(r"<strong>\1</strong>", parts[index]))
    return "".join(f"<code>{part}</code>" if index % 2 else part for index, part in enumerate(parts))


def _count(n: int) -> str:
    return f"{n} event{'s' if n != 1 else ''}"


def _overview(events: list[dict[str, Any]]) -> str:
    if not events:
        return "No events."
    controversies = {event["controversy"] for event in events if event.get("controversy")}
    starts = [event["start"] for event in events if event["start"]]
    ends = [event["end"] for event in events if event["end"]]
    span = ""
    if starts and ends:
        first, last = _year_label(_year(min(starts, key=_sort_key))), _year_label(_year(max(ends, key=_sort_key)))
        span = f", {first}" if first == last else f", {first} – {last}"
    kinds = len(controversies)
    plural = "controversy" if kinds == 1 else "controversies"
    return f"{_count(len(events))}{span}" + (f", in {kinds} {plural}" if kinds else "") + "."


def _sort_key(iso: str) -> tuple[int, str]:
    """ISO days in time order, BC years included (`-0044-03-15` sorts before `0001-01-01`)."""
    year = _year(iso)
    return year, iso[iso.index("-", 1) :]


def _year(iso: str) -> int:
    return int(iso[: iso.index("-", 1)])


def _year_label(year: int) -> str:
    """Astronomical year numbering (0 is 1 BC) as people read it: `2017`, `45 BC`, `170,000,002`."""
    shown = year if year > 0 else 1 - year
    text = str(shown) if shown < 10_000 else f"{shown:,}"
    return text if year > 0 else f"{text} BC"


def _by_year(events: list[dict[str, Any]]) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(heading, id suffix, events) per year where events start, in corpus order; events with an
    open start (`../2016`) come first under their own heading, and one with an unknown start
    (`/1985`) goes under the year of its end, where the corpus order puts it. Corpus order
    sorts by start, so each year is one run and no heading repeats."""
    groups: list[tuple[str, str, list[dict[str, Any]]]] = []
    for event in events:
        first = event["start"] or (event["end"] if event.get("start_bound") == "unknown" else None)
        if first:
            year = _year(first)
            label, key = _year_label(year), str(year)
        else:
            label, key = "Open start", "open"
        if groups and groups[-1][1] == key:
            groups[-1][2].append(event)
        else:
            groups.append((label, key, [event]))
    return groups


def _year_nav(events: list[dict[str, Any]]) -> str:
    links = " ".join(f'<li><a href="#_y{key}">{label}</a></li>' for label, key, _ in _by_year(events))
    return f'<nav aria-label="Years"><ol class="years">{links}</ol></nav>\n' if links else ""


def _filters(events: list[dict[str, Any]]) -> str:
    """The filter form (in `#_tools`, hidden until the script shows it: it does nothing without it)."""
    actors: dict[str, str] = {}
    for event in events:
        for actor in event["actors"]:
            actors.setdefault(actor["id"], actor["name"])
    controversies = sorted({event.get("controversy") or "" for event in events})
    kinds = [kind for kind in KINDS if any(event["kind"] == kind for event in events)]

    def select(name: str, label: str, anything: str, options: list[tuple[str, str]]) -> str:
        items = "".join(f'<option value="{_text(value)}">{_text(text)}</option>' for value, text in options)
        return (
            f'<div class="field"><label for="_f-{name}">{label}</label>'
            f'<select id="_f-{name}" name="{name}"><option value="">{anything}</option>{items}</select></div>'
        )

    by_name = sorted(actors.items(), key=lambda item: (visible(item[1]).casefold(), item[0]))
    return (
        '<form id="_filters" class="filters" role="search" aria-label="Filter the events">'
        '<div class="field words"><label for="_f-q">Words</label>'
        '<input id="_f-q" name="q" type="search" autocomplete="off" spellcheck="false" '
        'placeholder="in titles and summaries"></div>'
        + select("actor", "Actor", "Any actor", by_name)
        + select(
            "controversy", "Controversy", "Any controversy", [(c or "-", c or NO_CONTROVERSY) for c in controversies]
        )  # "-" is no slug
        + select("kind", "Kind", "Any kind", [(k, k) for k in kinds])
        + select("register", "Register", "Any register", [(r, r) for r in REGISTERS])
        + '<div class="field period"><label for="_f-from">From year</label>'
        '<input id="_f-from" name="from" inputmode="numeric" pattern="-?[0-9]{1,6}" size="6" autocomplete="off">'
        '</div><div class="field period"><label for="_f-to">To year</label>'
        '<input id="_f-to" name="to" inputmode="numeric" pattern="-?[0-9]{1,6}" size="6" autocomplete="off">'
        '</div><div class="field buttons"><button type="reset">Clear filters</button></div></form>\n'
    )


def _inverse_relations(events: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """For each event id, the (relation type, event id) of the events that point to it, in corpus order."""
    inverse: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for event in events:
        for relation in event["relations"]:
            inverse[relation["event"]].append((relation["type"], event["id"]))
    return inverse


def _speaker_names(actors: list[dict[str, Any]]) -> dict[str, str]:
    """A quote's speaker as written (id, name or alias, any case) -> the registered name."""
    names: dict[str, str] = {}
    for actor in actors:
        for key in (actor["id"], actor["name"], *(actor.get("aliases") or [])):
            names.setdefault(key.casefold(), actor["name"])
    return names


def _event(
    event: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    inverse: dict[str, list[tuple[str, str]]],
    speakers: dict[str, str],
) -> str:
    ident = event["id"]  # a slug: safe as an id and in a URL fragment
    notes: list[str] = []
    meta = [f'<span class="date">{_date(event["date"])}</span>', f'<span class="kind">{_text(event["kind"])}</span>']
    if event.get("controversy"):
        meta.append(f'<span class="controversy">{_text(event["controversy"])}</span>')
    meta.extend(f'<span class="register">{_text(register)}</span>' for register in event["registers"])
    parts = [
        f'<li id="{ident}" class="event"><article aria-labelledby="{ident}_t">',
        f'<h3 id="{ident}_t"><a href="#{ident}">{_text(event["title"])}</a></h3>',
        '<p class="meta">' + " ".join(meta) + "</p>",
    ]
    if event.get("summary"):
        parts.append(f'<div class="summary">{_paragraphs(event["summary"], inline=True)}</div>')
    parts.extend(_quote(quote, speakers) for quote in event["quotes"])
    details = _details(event, by_id, inverse, notes)
    if details:
        parts.append(f'<dl class="details">{details}</dl>')
    for source in event["sources"]:
        _note(notes, _source(source))
    if notes:
        items = "".join(f'<li id="{ident}_n{number}">{note}</li>' for number, note in enumerate(notes, 1))
        parts.append(f'<ol class="notes" aria-label="Sources">{items}</ol>')
    parts.append("</article></li>\n")
    return "".join(parts)


def _note(notes: list[str], note: str) -> int:
    """The number of `note` among the event's notes, added unless an identical one is there."""
    if note not in notes:
        notes.append(note)
    return notes.index(note) + 1


def _details(
    event: dict[str, Any], by_id: dict[str, dict[str, Any]], inverse: dict[str, list[tuple[str, str]]], notes: list[str]
) -> str:
    rows: list[tuple[str, str]] = []
    if event["actors"]:
        rows.append(("Actors", ", ".join(_actor(actor) for actor in event["actors"])))
    if event.get("place"):
        rows.append(("Place", _text(event["place"])))
    legal = event.get("legal") or {}
    for key, label in (("case", "Case"), ("court", "Court"), ("docket", "Docket"), ("outcome", "Outcome")):
        if legal.get(key):
            value = _text(legal[key])
            rows.append((label, f"<cite>{value}</cite>" if key == "case" else value))
    for alternative in event["alternative_dates"]:
        text = _date(alternative["date"])
        if alternative.get("note"):
            text += f": {_text(alternative['note'])}"
        if alternative.get("source"):
            number = _note(notes, _source(alternative["source"]))
            text += f' <a class="ref" href="#{event["id"]}_n{number}">[source {number}]</a>'
        rows.append(("Also dated", text))
    for relation in event["relations"]:
        rows.append((RELATION_LABELS[relation["type"]][0], _event_link(relation["event"], by_id)))
    for kind, other in inverse.get(event["id"], []):
        rows.append((RELATION_LABELS[kind][1], _event_link(other, by_id)))
    if event["tags"]:
        rows.append(("Tags", ", ".join(_text(tag) for tag in event["tags"])))
    grouped: dict[str, list[str]] = {}  # one <dt> per label, its values in order
    for label, value in rows:
        grouped.setdefault(label, []).append(value)
    return "".join(
        f"<dt>{label}</dt>" + "".join(f"<dd>{value}</dd>" for value in values) for label, values in grouped.items()
    )


def _actor(actor: dict[str, Any]) -> str:
    name = _text(actor["name"])
    return f'{name} <span class="role">({_text(actor["role"])})</span>' if actor.get("role") else name


def _event_link(ident: str, by_id: dict[str, dict[str, Any]]) -> str:
    other = by_id.get(ident)
    if other is None:  # filtered out of this page: name it, do not link to nothing
        return f"<code>{_text(ident)}</code> (not in this selection)"
    return f'<a href="#{_text(ident)}">{_text(other["title"])}</a> ({_date(other["date"])})'


def _quote(quote: dict[str, Any], speakers: dict[str, str]) -> str:
    lang = f' lang="{_text(quote["lang"])}"' if quote.get("lang") else ""
    block = f"<blockquote{lang}>{_paragraphs(quote['text'])}</blockquote>"
    speaker = quote.get("speaker")
    if not speaker:
        return f'<figure class="quote">{block}</figure>'
    name = speakers.get(speaker.casefold(), speaker)
    return f'<figure class="quote">{block}<figcaption>— {_text(name)}</figcaption></figure>'


def _source(source: dict[str, Any]) -> str:
    """A numbered note: outlet, date, “title” (a link for an http(s) URL), page, quote."""
    parts = []
    if source.get("outlet"):
        parts.append(f"<i>{_text(source['outlet'])}</i>")
    if source.get("date"):
        parts.append(_date(source["date"]))
    lang = f' lang="{_text(source["lang"])}"' if source.get("lang") else ""
    title = f"“<cite{lang}>{_text(source['title'])}</cite>”"
    url = safe_url(source.get("url"))
    parts.append(f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{title}</a>' if url else title)
    if source.get("page"):
        parts.append(f"p. {_text(source['page'])}")
    archive = safe_url(source.get("archive_url"))
    if archive:
        parts.append(f'<a href="{escape(archive, quote=True)}" rel="noopener noreferrer">archived copy</a>')
    if source.get("accessed"):
        parts.append(f"accessed {_date(source['accessed'])}")
    note = ", ".join(parts)
    if source.get("quote"):
        note += f": <q{lang}>{_text(source['quote'])}</q>"
    return note + "."


@lru_cache(maxsize=65536)
def _date(text: str) -> str:
    """An EDTF date as people read it, each end in `<time datetime>` when HTML can express it."""
    if "/" in text:
        first, last = text.split("/", 1)
        return f"{_date_end(first)} – {_date_end(last)}"
    return _date_end(text)


def _date_end(text: str) -> str:
    if text == "..":
        return "…"
    if text == "":
        return "?"
    shown = escape(human_date(text), quote=True)
    core = _SHORT_OFFSET.sub(r"\1:00", text.rstrip("~?%"))  # HTML wants `-05:00`, EDTF allows `-05`
    if _HTML_DATETIME.fullmatch(core) and not core.startswith("0000"):
        return f'<time datetime="{core}">{shown}</time>'
    return shown


def _data_island(view: View) -> str:
    """What the script needs and the markup does not say: each event's span (in fractional
    years), lane, kind, registers and actors, as compact arrays in corpus order."""
    lanes: list[str] = []
    lane_of: dict[str, int] = {}
    actors: list[str] = []
    actor_of: dict[str, int] = {}
    rows = []
    for event in view.events:
        lane = event.get("controversy") or ""
        if lane not in lane_of:
            lane_of[lane] = len(lanes)
            lanes.append(lane)
        indexes = []
        for actor in event["actors"]:
            if actor["id"] not in actor_of:
                actor_of[actor["id"]] = len(actors)
                actors.append(actor["id"])
            indexes.append(actor_of[actor["id"]])
        registers = sum(1 << REGISTERS.index(r) for r in event["registers"])
        rows.append([*_span(event), lane_of[lane], KINDS.index(event["kind"]), registers, indexes])
    data = {
        "lanes": lanes,
        "noLane": NO_CONTROVERSY,
        "actors": actors,
        "kinds": list(KINDS),
        "registers": list(REGISTERS),
        "events": rows,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # Inert inside <script>: no `</script>` or `<!--` can form; U+2028/9 spelled for old parsers.
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _span(event: dict[str, Any]) -> tuple[float | None, float | None]:
    """The event's first and last instant in fractional years; None for an open end. An unknown
    end (`1985/`) is taken to be the known end's year, as the filters do."""
    start, end = _year_float(event["start"], False), _year_float(event["end"], True)
    if start is None and end is not None and event.get("start_bound") == "unknown":
        start = float(math.ceil(end) - 1)
    if end is None and start is not None and event.get("end_bound") == "unknown":
        end = float(math.floor(start) + 1)
    return start, end


def _year_float(iso: str | None, end: bool) -> float | None:
    """`2017-07-02` -> 2017.5 (the start of that day; its end with `end`), for the axis."""
    if not iso:
        return None
    match = _ISO_DAY.fullmatch(iso)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    leap = calendar.isleap(year)
    day_of_year = _CUMULATIVE_DAYS[month - 1] + (1 if leap and month > 2 else 0) + day - (0 if end else 1)
    return round(year + day_of_year / (366 if leap else 365), 4)
