"""The pure core of the controversy's structure: the relation index and its walks, and the
figures of `timeline stats`, checked against brute force on random corpora (hypothesis)."""

from __future__ import annotations

import statistics as pystats
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dissident_timeline.relations import INVERSE_LABELS, LABELS, RelationIndex, chain_tree, step_phrase, walk_tree
from dissident_timeline.stats import UNKNOWN, actor_pairs, counts, quantile, response_delays, slugs_in_use
from dissident_timeline.vocabulary import KINDS, REGISTERS, RELATION_TYPES


def event(event_id: str, *relations: tuple[str, str], **fields: Any) -> dict[str, Any]:
    record = {
        "id": event_id,
        "date": "2017-01-01",
        "start": "2017-01-01",
        "end": "2017-01-01",
        "precision": "day",
        "kind": "decree",
        "title": event_id,
        "controversy": None,
        "registers": [],
        "tags": [],
        "actors": [],
        "relations": [{"type": kind, "event": target} for kind, target in relations],
        "summary": None,
        "place": None,
        "sources": [],
        "alternative_dates": [],
        "legal": None,
        "quotes": [],
        "file": "f.yaml",
        "line": 1,
        "approximate": False,
        "uncertain": False,
    }
    record.update(fields)
    return record


def test_every_relation_type_reads_both_ways() -> None:
    """Each relation type has a label and an inverse label in plain English."""
    assert set(LABELS) == set(INVERSE_LABELS) == set(RELATION_TYPES)
    assert INVERSE_LABELS["responds_to"] == "answered by" and INVERSE_LABELS["part_of"] == "includes"
    assert len(set(INVERSE_LABELS.values())) == len(RELATION_TYPES)


# a <- b <- d, a <- c <- d (a diamond), d <- e, and x <-> y (a cycle); dangling `gone` ignored.
DIAMOND = [
    event("a"),
    event("b", ("responds_to", "a")),
    event("c", ("blocks", "a")),
    event("d", ("part_of", "b"), ("part_of", "c"), ("cites", "gone")),
    event("e", ("appeals", "d")),
    event("x", ("responds_to", "y")),
    event("y", ("responds_to", "x")),
]


@pytest.mark.parametrize(
    ("start", "direction", "depth", "expected"),
    [
        ("a", "down", None, {"a": 0, "b": 1, "c": 1, "d": 2, "e": 3}),
        ("a", "down", 1, {"a": 0, "b": 1, "c": 1}),
        ("a", "up", None, {"a": 0}),
        ("e", "up", None, {"e": 0, "d": 1, "b": 2, "c": 2, "a": 3}),
        ("d", "both", 1, {"d": 0, "b": 1, "c": 1, "e": 1}),
        ("b", "both", None, {"b": 0, "a": 1, "d": 1, "e": 2}),  # not c: a sibling, not an ancestor or descendant
        ("x", "both", None, {"x": 0, "y": 1}),
        ("x", "down", 0, {"x": 0}),
    ],
)
def test_reach(start: str, direction: str, depth: int | None, expected: dict[str, int]) -> None:
    """Up follows relations as written, down backwards, both is the union; each event at its
    shortest distance; cycles end."""
    assert RelationIndex(DIAMOND).reach(start, direction, depth) == expected


def test_chain_tree_shows_each_event_once() -> None:
    """In a diamond the shared event is expanded once; other edges to it are references."""
    rows = walk_tree(chain_tree(RelationIndex(DIAMOND), "a", "down"))
    shown = [
        (level, node.event["id"], step_phrase(node.step) if node.step else "", where) for node, level, where in rows
    ]
    assert shown == [
        (0, "a", "", ""),
        (1, "b", "answered by", ""),
        (2, "d", "includes", ""),
        (3, "e", "appealed by", ""),
        (1, "c", "blocked by", ""),
        (2, "d", "includes", "above"),
    ]
    cycle = walk_tree(chain_tree(RelationIndex(DIAMOND), "x"))
    assert [(node.event["id"], where) for node, _level, where in cycle] == [
        ("x", ""),
        ("y", ""),
        ("x", "above"),
        ("y", "above"),
    ]


def test_unknown_id_suggests() -> None:
    from dissident_timeline.relations import UnknownEvent

    index = RelationIndex([*DIAMOND, event("injunction-blocks-order")])
    with pytest.raises(UnknownEvent, match="did you mean `injunction-blocks-order`"):
        index.reach("injunction-blocks-ordr")
    with pytest.raises(UnknownEvent, match="did you mean `injunction-blocks-order`"):
        index.reach("injunction")  # a part of an id is enough


def test_long_chain_is_walked_without_recursion() -> None:
    """A chain of 5,000 answers (deeper than Python's recursion limit) walks and prints."""
    events = [event("e0")] + [event(f"e{n}", ("responds_to", f"e{n - 1}")) for n in range(1, 5000)]
    index = RelationIndex(events)
    assert len(index.reach("e0", "down")) == 5000
    rows = walk_tree(chain_tree(index, "e0"))
    assert [level for _node, level, _where in rows] == list(range(5000))


# --- stats against brute force ----------------------------------------------------------

ACTORS = ["alpha", "beta", "gamma", "delta"]
DATES = [
    ("2016-05-01", "2016-05-01", "2016-05-01", "day"),
    ("2017-01-25", "2017-01-25", "2017-01-25", "day"),
    ("2017-03-02", "2017-03-02", "2017-03-02", "day"),
    ("2017-03", "2017-03-01", "2017-03-31", "month"),
    ("2017", "2017-01-01", "2017-12-31", "year"),
    ("198X", "1980-01-01", "1989-12-31", "decade"),
    ("2017-21", "2017-03-01", "2017-05-31", "season"),
    ("2017-01/2017-03", "2017-01-01", "2017-03-31", "interval"),
    ("198X/1990", "1980-01-01", "1990-12-31", "interval"),
]


@st.composite
def corpora(draw: st.DrawFn) -> list[dict[str, Any]]:
    size = draw(st.integers(0, 12))
    events = []
    for number in range(size):
        written, start, end, precision = draw(st.sampled_from(DATES))
        if precision == "day":  # spread day dates so delays vary
            day = date.fromisoformat(start) + timedelta(days=draw(st.integers(0, 400)))
            written = start = end = day.isoformat()
        actors = [
            {"id": name, "name": name.title(), "role": draw(st.sampled_from(["author", "target", None]))}
            for name in draw(st.lists(st.sampled_from(ACTORS), max_size=3, unique=True))
        ]
        relations = [
            {"type": draw(st.sampled_from(["responds_to", "follows"])), "event": f"e{target}"}
            for target in draw(st.lists(st.integers(0, max(size - 1, 0)), max_size=3))
            if size
        ]
        events.append(
            event(
                f"e{number}",
                date=written,
                start=start,
                end=end,
                precision=precision,
                kind=draw(st.sampled_from(KINDS)),
                actors=actors,
                relations=relations,
                controversy=draw(st.sampled_from([None, "one", "two"])),
                registers=draw(st.lists(st.sampled_from(REGISTERS), max_size=2, unique=True)),
                tags=draw(st.lists(st.sampled_from(["t1", "t2", "t3"]), max_size=2, unique=True)),
            )
        )
    return events


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_counts_match_brute_force(events: list[dict[str, Any]]) -> None:
    def brute(by: str) -> Counter[str]:
        tally: Counter[str] = Counter()
        for record in events:
            first = record["date"].split("/")[0]
            if by == "year":
                tally[first[:4] if "X" not in first else UNKNOWN] += 1
            elif by == "month":
                month_known = len(first) >= 7 and "X" not in first and int(first[5:7]) <= 12
                tally[first[:7] if month_known else UNKNOWN] += 1
            elif by == "kind":
                tally[record["kind"]] += 1
            elif by == "controversy":
                tally[record["controversy"] or "(none)"] += 1
            elif by == "register":
                for register in record["registers"] or ["(none)"]:
                    tally[register] += 1
            else:
                for actor_id in {actor["id"] for actor in record["actors"]}:
                    tally[actor_id] += 1
        return tally

    for by in ("year", "month", "kind", "controversy", "register", "actor"):
        rows = counts(events, by)
        assert {row["key"]: row["events"] for row in rows} == brute(by), by
        if by not in ("year", "month"):
            assert [row["events"] for row in rows] == sorted((row["events"] for row in rows), reverse=True)


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_slugs_and_pairs_match_brute_force(events: list[dict[str, Any]]) -> None:
    slugs = slugs_in_use(events)
    assert {s["slug"]: s["events"] for s in slugs["controversies"]} == Counter(
        e["controversy"] for e in events if e["controversy"]
    )
    assert {s["slug"]: s["events"] for s in slugs["tags"]} == Counter(t for e in events for t in e["tags"])
    assert {s["slug"]: s["events"] for s in slugs["roles"]} == Counter(
        role for e in events for role in {a["role"] for a in e["actors"]} if role
    )
    expected: Counter[tuple[str, str]] = Counter()
    for record in events:
        for author in record["actors"]:
            for target in record["actors"]:
                if author["role"] == "author" and target["role"] == "target" and author["id"] != target["id"]:
                    expected[(author["id"], target["id"])] += 1
    pairs = actor_pairs(events)
    assert {(p["author"]["id"], p["target"]["id"]): p["events"] for p in pairs} == expected
    assert [p["events"] for p in pairs] == sorted((p["events"] for p in pairs), reverse=True)


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_response_delays_match_brute_force(events: list[dict[str, Any]]) -> None:
    """Delays only between two single days; every other pair is counted apart."""
    by_id = {e["id"]: e for e in events}
    delays, apart = [], 0
    for response in events:
        for target_id in {r["event"] for r in response["relations"] if r["type"] == "responds_to"}:
            target = by_id[target_id]
            if response["precision"] == "day" and target["precision"] == "day":
                delays.append((date.fromisoformat(response["start"]) - date.fromisoformat(target["start"])).days)
            else:
                apart += 1
    figures = response_delays(events)
    assert (figures["pairs"], figures["computable"], figures["not_computable"]) == (
        len(delays) + apart,
        len(delays),
        apart,
    )
    if delays:
        assert figures["median"] == pystats.median(delays)
        assert (figures["min"], figures["max"]) == (min(delays), max(delays))
        if len(delays) > 1:
            q1, _q2, q3 = pystats.quantiles(delays, n=4, method="inclusive")
            assert figures["q1"] == pytest.approx(q1) and figures["q3"] == pytest.approx(q3)
    else:
        assert figures["median"] is None
    assert sum(group["pairs"] for group in figures["by_controversy"]) == figures["pairs"]


def test_quantile_interpolates() -> None:
    assert quantile([1, 2, 3, 4], 0.5) == 2.5
    assert quantile([7], 0.25) == 7


def test_terminal_output_keeps_author_text_inert() -> None:
    """On a colour terminal, markup and escape sequences in titles are shown, never obeyed."""
    from dissident_timeline.render.chain import render_chain
    from dissident_timeline.render.show import detail, render_show
    from dissident_timeline.render.stats import render_stats
    from dissident_timeline.stats import statistics

    hostile = "[bold]x[/bold] \x1b[31mred\x1b]52;c;AAAA\x07 :fire:"
    events = [
        event(
            "a",
            title=hostile,
            controversy="[red]c",
            actors=[
                {"id": "p", "name": "[blink]P", "role": "author"},
                {"id": "q", "name": "=cmd|' /C calc'!A0", "role": "target"},
            ],
        ),
        event("b", ("responds_to", "a"), title="answer"),
    ]
    index = RelationIndex(events)
    outputs = [
        render_chain("table", chain_tree(index, "b"), "both", None, color=True, width=60),
        render_show("table", detail(index, "a", []), color=True, width=60),
        render_stats("table", statistics(events, "actor"), color=True, width=60),
    ]
    for output in outputs:
        assert "\x1b[31mred" not in output and "\x1b]52" not in output and "\x07" not in output
        assert "\\u001b[31mred" in output or "[red]c" in output
        assert "🔥" not in output
    assert "[bold]x[/bold]" in outputs[0] and "[bold]x[/bold]" in outputs[1]
    assert "[blink]P → =cmd" in outputs[2]
    assert "q,'=cmd|' /C calc'!A0,1" in render_stats("csv", statistics(events, "actor")).splitlines()
