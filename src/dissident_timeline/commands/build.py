"""`timeline build`: the chronology (or the events matching the filters) in any format."""

from __future__ import annotations

from typing import Any

from ..options import NoCacheOpt, OutputOpt, PathsArg, TitleOpt, with_filters, with_format
from ..render import FORMATS


@with_filters
@with_format(FORMATS, "table")
def run(
    paths: PathsArg = None,
    output: OutputOpt = None,
    title: TitleOpt = "Chronology",
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """The whole chronology (or the events matching the filters), in any format."""
    render_events(paths, query, format, options, output, title, no_cache)


def render_events(
    paths: list[str] | None,
    query: Any,
    format: str,
    options: dict[str, bool],
    output: str | None,
    title: str,
    no_cache: bool,
) -> None:
    """Load, select and render: what `build` and `filter` do."""
    from ..filters import QueryError
    from ..pipeline import load_corpus
    from ..render import View, render
    from .common import fail_usage, load, show, stdout_color, terminal_width, usable

    corpus = usable(load(load_corpus, paths, no_cache))
    try:
        events = query.select(corpus)
    except QueryError as error:
        fail_usage(str(error))
    color = output is None and format == "table" and stdout_color()
    view = View(events, corpus.actors, title, color=color, width=terminal_width(output), options=options)
    show(render(format, view), output)
