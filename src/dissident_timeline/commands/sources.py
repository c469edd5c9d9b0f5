"""`timeline sources`: every distinct source once, with the events that cite it."""

from __future__ import annotations

from typing import Any

from ..options import NoCacheOpt, OutputOpt, PathsArg, TitleOpt, with_filters, with_format
from ..render.sources import SOURCE_FORMATS


@with_filters
@with_format(SOURCE_FORMATS, "table")
def run(
    paths: PathsArg = None,
    output: OutputOpt = None,
    title: TitleOpt = "Sources",
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """Each distinct source once, with the events citing it; exports CSL-JSON and BibTeX."""
    from ..bibliography import collect
    from ..filters import QueryError
    from ..pipeline import load_corpus
    from ..render.sources import render_sources
    from .common import fail_usage, load, show, terminal_width, usable

    corpus = usable(load(load_corpus, paths, no_cache))
    try:
        events = query.select(corpus)
    except QueryError as error:
        fail_usage(str(error))
    show(render_sources(format, collect(events), title=title, width=terminal_width(output)), output)
