"""The suggestion index gives suggestions as close as a full difflib scan, without one.

The index ranks a shortlist, not every candidate: among equally close candidates it can
name others than difflib (which breaks ties by candidate text, over every candidate), and
its second or third suggestion can be a little less close. What must hold: a suggestion
whenever difflib has one, the first as close as difflib's first, every one within the
cutoff, never more than difflib's.
"""

from __future__ import annotations

import difflib
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from dissident_timeline.text import Suggester, suggest

WORDS = [
    "city",
    "council",
    "court",
    "ruling",
    "sanctuary",
    "order",
    "grant",
    "funding",
    "appeal",
    "mayor",
    "police",
    "ice",
    "detainer",
    "lawsuit",
    "injunction",
    "federal",
    "state",
    "county",
    "vote",
    "law",
]


def _ratio(word: str, candidate: str) -> float:
    return difflib.SequenceMatcher(None, candidate, word).ratio()


def _same_quality(suggester: Suggester, word: str) -> None:
    found = suggester.close(word)
    expected = difflib.get_close_matches(word, suggester.candidates)
    assert bool(found) == bool(expected), (word, found, expected)
    assert len(found) <= len(expected)
    assert all(_ratio(word, c) >= 0.6 for c in found) and set(found) <= set(suggester.candidates)
    if found:
        # The shortlist can miss an id that shares fewer n-grams yet scores a little higher:
        # the best suggestion is as close as difflib's best, or within a few points of it.
        assert _ratio(word, found[0]) >= _ratio(word, expected[0]) - 0.05, (word, found, expected)
        assert [_ratio(word, c) for c in found] == sorted((_ratio(word, c) for c in found), reverse=True)


def _typo(rng: random.Random, word: str) -> str:
    for _ in range(rng.randrange(1, 3)):
        i = rng.randrange(len(word) + 1)
        letter = rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-")
        swapped = word[:i] + word[i + 1 : i + 2] + word[i : i + 1] + word[i + 2 :]
        word = rng.choice(
            [
                word[:i] + letter + word[i:],
                word[:i] + word[i + 1 :] or letter,
                word[:i] + letter + word[i + 1 :],
                swapped,
            ]
        )
    return word


def _slug_ids(rng: random.Random, count: int) -> list[str]:
    return ["-".join(rng.sample(WORDS, rng.randrange(1, 4))) + f"-{rng.randrange(1990, 2030)}" for _ in range(count)]


NUMBERED = Suggester([f"event-{i}" for i in range(5000)])


@settings(max_examples=150, deadline=None)
@given(st.randoms(use_true_random=False))
def test_numbered_ids_typos_and_deleted_ids(rng: random.Random) -> None:
    """Ids like the benchmark's: a typo of an id, or an id past the last one (a deleted folder)."""
    word = _typo(rng, f"event-{rng.randrange(5000)}") if rng.random() < 0.7 else f"event-{rng.randrange(5000, 99_999)}"
    _same_quality(NUMBERED, word)


@settings(max_examples=30, deadline=None)
@given(st.randoms(use_true_random=False))
def test_slug_ids(rng: random.Random) -> None:
    """Ids made of words, like the shipped corpus's, with typos and unrelated words."""
    suggester = Suggester(_slug_ids(rng, rng.choice([300, 2000])))
    for _ in range(5):
        word = _typo(rng, rng.choice(suggester.candidates)) if rng.random() < 0.8 else _slug_ids(rng, 1)[0]
        _same_quality(suggester, word)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abcde-", min_size=1, max_size=8), min_size=1, max_size=60), st.text("abcde-", max_size=8))
def test_small_sets_are_exactly_difflib(candidates: list[str], word: str) -> None:
    """Below the index's threshold every candidate is compared: the very same list as difflib."""
    unique = list(dict.fromkeys(candidates))
    assert Suggester(candidates).close(word) == difflib.get_close_matches(word, unique)


def test_no_suggestion_when_nothing_is_close() -> None:
    assert NUMBERED.close("zzzzzzzzzzzzzz") == []
    assert NUMBERED.suggest("zzzzzzzzzzzzzz") == ""


def test_message_is_the_one_of_suggest() -> None:
    """The same wording as the full scan it replaces, and the memoised answer is the same list."""
    ids = [f"event-{i}" for i in range(5000)]
    message = " (did you mean `event-4999` or `event-999` or `event-499`?)"
    assert suggest("event-49999", ids) == message
    suggester = Suggester(ids)
    assert suggester.suggest("event-49999") == message
    assert suggester.close("event-49999") == suggester.close("event-49999") == ["event-4999", "event-999", "event-499"]
