"""`inconsistent-source`: one source cited by several events, written differently.

Citations are grouped by what identifies a source (`bibliography.identity`: the URL, or the
outlet, title and date with case and accents ignored). In each group, the first citation in
corpus order is the reference; every later one whose title, outlet or date is not written
exactly the same is reported, at the first field that differs. One pass and one sort:
linear in the number of citations, whatever the number of events citing one source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..bibliography import DESCRIPTIVE_FIELDS, Citation, citations, identity
from ..problems import WARNING, Code
from ..text import shorten
from . import Context, Finding, check


@check(
    (
        "inconsistent-source",
        Code(
            WARNING,
            "Same source written differently",
            "Two events cite the same source (the same URL, or the same outlet, title and date ignoring case and "
            "accents) but write its title, outlet or date differently. Copy the citation that is right over the "
            "others, so that `timeline sources` lists the source once with the right details.",
        ),
    )
)
def inconsistent_source(context: Context) -> Iterator[Finding]:
    from ..corpus import corpus_order  # here: the corpus engine imports the checks

    first: dict[tuple[str, ...], Citation] = {}
    for citation in citations(corpus_order(context.events)):
        reference = first.setdefault(identity(citation.source), citation)
        if reference is citation:
            continue
        for name in DESCRIPTIVE_FIELDS:
            mine, theirs = citation.source.get(name), reference.source.get(name)
            if mine != theirs:
                yield Finding(
                    "inconsistent-source",
                    citation.event,
                    _where(citation, name, mine),
                    _message(citation, reference, name, mine, theirs),
                )
                break


def _where(citation: Citation, name: str, value: Any) -> tuple[Any, ...]:
    """The differing field, or the source itself when the field is missing here."""
    return (*citation.path, name) if value is not None else citation.path


def _message(citation: Citation, reference: Citation, name: str, mine: Any, theirs: Any) -> str:
    same = "URL" if citation.source.get("url") else "outlet, title and date"
    event = reference.event
    shown = f"`{shorten(theirs, 60)}`" if theirs is not None else "none"
    here = f"`{shorten(mine, 60)}`" if mine is not None else "none"
    return (
        f"same source ({same}) as in `{event['id']}` ({event['file']}:{event['line']}), where its {name} is "
        f"{shown}; here it is {here}: make the citations agree"
    )
