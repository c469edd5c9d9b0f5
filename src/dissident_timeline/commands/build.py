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
    from ..render import View, render
    from .common import selected, show, stdout_color, terminal_width

    corpus, events = selected(paths, query, no_cache)
    color = output is None and format == "table" and stdout_color()
    view = View(events, corpus.actors, title, color=color, width=terminal_width(output), options=options)
    show(render(format, view), output)
