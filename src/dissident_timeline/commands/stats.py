"""`timeline stats`: counts and figures about the corpus (or the events the filters select)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..options import NoCacheOpt, OutputOpt, PathsArg, choice_callback, with_filters, with_format
from ..render import STATS_FORMATS

BY = ("year", "month", "kind", "controversy", "register", "actor")  # stats.BY, without importing it at start-up

ByOpt = Annotated[
    str,
    typer.Option(
        "--by",
        metavar="|".join(BY),
        callback=choice_callback("way to count", BY),
        help="What to count events by: " + ", ".join(BY) + " (default year).",
        show_default=False,
    ),
]


@with_filters
@with_format(STATS_FORMATS, "table")
def run(
    paths: PathsArg = None,
    by: ByOpt = "year",
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """Counts as bar charts, the slugs in use, who acts on whom, and response delays."""
    from ..render.stats import render_stats
    from ..stats import statistics
    from .common import selected, show, stdout_color, terminal_width

    _corpus, events = selected(paths, query, no_cache)
    color = output is None and format == "table" and stdout_color()
    show(render_stats(format, statistics(events, by), color=color, width=terminal_width(output)), output)
