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
    from ..render.sources import render_sources
    from .common import selected, show, terminal_width

    _corpus, events = selected(paths, query, no_cache)
    show(render_sources(format, collect(events), title=title, width=terminal_width(output)), output)
