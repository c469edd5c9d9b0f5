"""`timeline filter`: the events that match the filters (`build` with another default title)."""

from __future__ import annotations

from typing import Any

from ..options import NoCacheOpt, OutputOpt, PathsArg, TitleOpt, with_filters, with_format
from ..render import FORMATS
from .build import render_events


@with_filters
@with_format(FORMATS, "table")
def run(
    paths: PathsArg = None,
    output: OutputOpt = None,
    title: TitleOpt = "Matching events",
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """The events that match the filters: who did what, when, against whom."""
    render_events(paths, query, format, options, output, title, no_cache)
