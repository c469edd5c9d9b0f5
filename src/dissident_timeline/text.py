"""Small text helpers shared by the engine, the filters and the renderers."""

from __future__ import annotations

import difflib
import re
import unicodedata

__all__ = ["fold", "shorten", "slugify", "suggest"]

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


def suggest(word: str, candidates: list[str], limit: int = 3) -> str:
    """` (did you mean `x` or `y`?)`, or "" when nothing is close."""
    close = difflib.get_close_matches(word, candidates, n=limit, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"`{c}`" for c in close) + "?)"
