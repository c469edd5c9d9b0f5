"""Small text helpers shared by the engine, the filters and the renderers."""

from __future__ import annotations

import difflib
import functools
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from operator import itemgetter

__all__ = ["Suggester", "did_you_mean", "fold", "shorten", "slugify", "suggest"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: `Ville de Montréal` and `ville de montreal` match."""
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def shorten(value: object, limit: int = 40) -> str:
    """At most `limit` characters of a value quoted in a message: enough to find it, too
    little to copy a secret from a stray file into a CI log."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def slugify(text: str) -> str:
    """`Ville de Montréal` -> `ville-de-montreal`."""
    return _NON_ALNUM.sub("-", fold(text)).strip("-")


def did_you_mean(close: list[str]) -> str:
    """` (did you mean `x` or `y`?)`, or "" when `close` is empty."""
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"`{c}`" for c in close) + "?)"


def suggest(word: str, candidates: list[str] | tuple[str, ...], limit: int = 3) -> str:
    """` (did you mean `x` or `y`?)`, or "" when nothing is close. Scans every candidate:
    for the few names of a schema; use a `Suggester` for ids and actors."""
    if len(candidates) > 64:  # not memoised: hashing a long list per call would cost a scan too
        return did_you_mean(difflib.get_close_matches(word, candidates, n=limit, cutoff=0.6))
    return _suggest(word, tuple(candidates), limit)


@functools.lru_cache(maxsize=4096)
def _suggest(word: str, candidates: tuple[str, ...], limit: int) -> str:
    # Memoised: the same misspelt key in thousands of files costs one scan per process.
    return did_you_mean(difflib.get_close_matches(word, candidates, n=limit, cutoff=0.6))


class Suggester:
    """`difflib.get_close_matches` over a fixed, possibly large, set of candidates, without
    comparing the word with every candidate.

    Comparing each missing id with each of 100,000 ids would take hours on a corpus with a
    deleted folder. Instead, an inverted index maps the character trigrams of the candidates
    (padded, so that first and last letters count) to the candidates holding them. A word is
    looked up by its rarest trigrams first, up to a budget of postings (trigrams that nearly
    every id shares, like `eve` in `event-…`, say nothing about which id is meant); the
    candidates sharing the most trigrams, of a length that can still reach the cutoff, form
    a shortlist, which is ranked with difflib's ratio exactly as `get_close_matches` ranks.
    Small sets are scanned in full: the result is then exactly difflib's. Results are
    memoised per word, since the same missing id is often referenced many times.
    """

    FULL_SCAN_BELOW = 200  # candidates; below this a full scan is as fast and exact
    POSTINGS_BUDGET = 2000  # postings read per lookup, rarest grams first
    SHORTLIST = 12  # candidates ranked with difflib's ratio

    def __init__(self, candidates: list[str]) -> None:
        self.candidates = list(dict.fromkeys(candidates))  # duplicates would be suggested twice
        self._memo: dict[tuple[str, int, float], list[str]] = {}
        self._postings: dict[str, list[int]] | None = None

    def close(self, word: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """The `n` closest candidates with a ratio of at least `cutoff`, best first."""
        key = (word, n, cutoff)
        found = self._memo.get(key)
        if found is None:
            if len(self.candidates) < self.FULL_SCAN_BELOW:
                found = difflib.get_close_matches(word, self.candidates, n=n, cutoff=cutoff)
            else:
                found = difflib.get_close_matches(word, self._shortlist(word, cutoff), n=n, cutoff=cutoff)
            self._memo[key] = found
        return list(found)

    def suggest(self, word: str, n: int = 3) -> str:
        """` (did you mean `x` or `y`?)`, or "" when nothing is close (as `suggest`)."""
        return did_you_mean(self.close(word, n))

    def _index(self) -> dict[str, list[int]]:
        if self._postings is None:
            postings: dict[str, list[int]] = defaultdict(list)
            for position, candidate in enumerate(self.candidates):
                for gram in _grams(candidate):
                    postings[gram].append(position)
            self._postings = dict(postings)
        return self._postings

    def _shortlist(self, word: str, cutoff: float) -> list[str]:
        postings = self._index()
        lists = sorted((postings[gram] for gram in _grams(word) if gram in postings), key=len)
        shared: Counter[int] = Counter()
        read = 0
        for found in lists:
            if read and read + len(found) > self.POSTINGS_BUDGET:
                break
            read += len(found)
            shared.update(found)
        # difflib's real_quick_ratio, 2·min(a, b)/(a + b), bounds the ratio from the lengths alone.
        size, candidates, shortlist = len(word), self.candidates, []
        for position, _count in heapq.nlargest(3 * self.SHORTLIST, shared.items(), key=itemgetter(1)):
            other = len(candidates[position])
            if 2 * min(size, other) >= cutoff * (size + other):
                shortlist.append(candidates[position])
                if len(shortlist) == self.SHORTLIST:
                    break
        return shortlist


def _grams(text: str) -> set[str]:
    """Padded bigrams and trigrams: bigrams find the short ids and the last digits, trigrams
    the long words."""
    padded = f"\0{text}\0"
    return {padded[i : i + 2] for i in range(len(padded) - 1)} | {padded[i : i + 3] for i in range(len(padded) - 2)}
