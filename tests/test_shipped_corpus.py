"""The shipped corpus in events/ stays clean, sourced and consistent."""

from __future__ import annotations

from collections import Counter

import pytest

from dissident_timeline.pipeline import load_corpus

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
    assert {"sanctuary-cities", "paris-agreement", "london-brexit", "nuclear-free-zones",
            "anti-apartheid-divestment", "sanctuary-movement-1980s", "cities-of-refuge"} <= \
        {e["controversy"] for e in corpus.events}
    assert set(Counter(e["kind"] for e in corpus.events)) == {
        "decree", "legislation", "lawsuit", "ruling", "declaration", "election", "mobilization", "meeting",
        "report", "measure"}
    assert all(e["actors"] and all(a["role"] for a in e["actors"]) for e in corpus.events)


def test_date_conflicts_are_recorded(corpus) -> None:
    """Dates the book contradicts are kept once, with the other date and who gives it."""
    conflicts = [e for e in corpus.events if e["alternative_dates"]]
    assert len(conflicts) >= 4
    assert all(alt.get("note") for e in conflicts for alt in e["alternative_dates"])


def test_quotes_keep_their_language(corpus) -> None:
    """Every quote says which language it is in."""
    assert all(q.get("lang") for e in corpus.events for q in e["quotes"])
