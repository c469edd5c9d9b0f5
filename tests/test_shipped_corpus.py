"""The shipped corpus in events/ stays clean, sourced and consistent."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from dissident_timeline.pipeline import load_corpus
from dissident_timeline.vocabulary import KINDS

from .conftest import ROOT, run


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([str(ROOT / "events")], use_cache=False)


def test_check_strict_is_clean() -> None:
    """`timeline check --strict events/` prints nothing and exits 0."""
    result = run("check", "--strict", "events/", cwd=ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_every_event_has_a_source(corpus) -> None:
    """Every event cites at least one source with a title."""
    assert all(event["sources"] and all(s["title"] for s in event["sources"]) for event in corpus.events)


def test_every_registered_actor_appears(corpus) -> None:
    """Every actor of the registry takes part in, or is quoted in, at least one event."""
    used = {a["id"] for e in corpus.events for a in e["actors"]}
    used |= {q["speaker"] for e in corpus.events for q in e["quotes"] if "speaker" in q}
    assert [a["id"] for a in corpus.actors if a["id"] not in used] == []


def test_size_and_coverage(corpus) -> None:
    """The corpus holds the whole book: enough events, actors, links, threads and kinds."""
    assert len(corpus.events) >= 110
    assert len(corpus.actors) >= 60
    assert sum(len(e["relations"]) for e in corpus.events) >= 40
    assert {
        "sanctuary-cities",
        "paris-agreement",
        "london-brexit",
        "nuclear-free-zones",
        "anti-apartheid-divestment",
        "sanctuary-movement-1980s",
        "cities-of-refuge",
    } <= {e["controversy"] for e in corpus.events}
    assert set(Counter(e["kind"] for e in corpus.events)) == set(KINDS)
    assert all(e["actors"] and all(a["role"] for a in e["actors"]) for e in corpus.events)


def test_date_conflicts_are_recorded(corpus) -> None:
    """Dates the book contradicts are kept once, with the other date and who gives it."""
    conflicts = [e for e in corpus.events if e["alternative_dates"]]
    assert len(conflicts) >= 4
    assert all(alt.get("note") for e in conflicts for alt in e["alternative_dates"])


def test_quotes_keep_their_language(corpus) -> None:
    """Every quote says which language it is in."""
    assert all(q.get("lang") for e in corpus.events for q in e["quotes"])


BOOK = "Le retour des villes dissidentes"
PAGES_MD = ROOT / "events" / "PAGES.md"
PAGE_ROW = re.compile(r"^\| (\d+) \| (yes|no) \|", re.MULTILINE)
PAGE_LIST = re.compile(r"^\d+(?:[\u2013-]\d+)?(?:, \d+(?:[\u2013-]\d+)?)*$")
PAGE_MENTION = re.compile(r"\bpp?\. (\d+(?:(?:, | and |\u2013)\d+)*)")
AUTHOR_AND_YEAR = re.compile(r"^[A-Z][\w .'-]+ \(\d{4}\)$")


def book_pages_with_text(page_map: str) -> set[int]:
    """The pages of the book that carry text, from the table of events/PAGES.md."""
    rows = [(int(page), text == "yes") for page, text in PAGE_ROW.findall(page_map)]
    pages = [page for page, _ in rows]
    assert pages == list(range(pages[0], pages[-1] + 1)), "PAGES.md must list every page once, in order"
    return {page for page, has_text in rows if has_text}


def pages_of(value: str) -> list[int]:
    """`44, 45` and `12-14` (hyphen or en dash) as page numbers; anything else is not a page reference."""
    assert PAGE_LIST.match(value), f"page {value!r} is not a list of page numbers"
    pages: list[int] = []
    for part in value.split(", "):
        first, _, last = part.replace("\u2013", "-").partition("-")
        pages.extend(range(int(first), int(last or first) + 1))
    return pages


def all_sources(event: dict) -> Iterator[dict]:
    """The event's sources and the sources of its alternative dates."""
    yield from event["sources"]
    yield from (alt["source"] for alt in event["alternative_dates"] if alt.get("source"))


@pytest.fixture(scope="module")
def text_pages() -> set[int]:
    return book_pages_with_text(PAGES_MD.read_text(encoding="utf-8"))


def test_page_map_covers_the_book(text_pages) -> None:
    """The page map runs from the preface (p. 5) to the last page of the conclusion (p. 72)."""
    assert (min(text_pages), max(text_pages)) == (5, 72)
    assert {11, 12, 23, 49, 59, 67, 69}.isdisjoint(text_pages)  # photograph, title pages, the empty p. 67


def test_every_book_page_is_a_page_of_the_book(corpus, text_pages) -> None:
    """Every `page` given for the book is a page of the page map that carries text."""
    wrong = [
        (e["id"], s["page"])
        for e in corpus.events
        for s in all_sources(e)
        if s["title"] == BOOK and s.get("page") and not set(pages_of(s["page"])) <= text_pages
    ]
    assert wrong == []


def test_pages_named_in_notes_are_pages_of_the_book(corpus, text_pages) -> None:
    """'p. 36' or 'pp. 35 and 45' in a summary or a note points to a page of the book that carries text."""
    texts = [(e["id"], e.get("summary") or "") for e in corpus.events]
    texts += [(e["id"], alt.get("note") or "") for e in corpus.events for alt in e["alternative_dates"]]
    wrong = [
        (event_id, mention)
        for event_id, text in texts
        for mention in PAGE_MENTION.findall(text)
        if not {int(n) for n in re.findall(r"\d+", mention)} <= text_pages
    ]
    assert wrong == []


def test_every_source_of_the_book_has_a_page(corpus) -> None:
    """A citation of the book says where in the book."""
    assert [e["id"] for e in corpus.events for s in all_sources(e) if s["title"] == BOOK and not s.get("page")] == []


def test_every_alternative_date_has_a_note_and_a_source(corpus) -> None:
    """An alternative date says why it differs and who gives it."""
    assert [
        (e["id"], alt["date"])
        for e in corpus.events
        for alt in e["alternative_dates"]
        if not (alt.get("note") and alt.get("source"))
    ] == []


def test_no_source_title_is_an_author_and_a_year(corpus) -> None:
    """`Heidi Hobbs (1994)` is a reference, not a title: sources name the work."""
    assert [
        (e["id"], s["title"]) for e in corpus.events for s in all_sources(e) if AUTHOR_AND_YEAR.match(s["title"])
    ] == []
