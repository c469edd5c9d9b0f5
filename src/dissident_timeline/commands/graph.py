"""`timeline graph`: the relation graph of the corpus (or of the events the filters select)."""

from __future__ import annotations

from typing import Any

from ..options import NoCacheOpt, OutputOpt, PathsArg, with_filters, with_format
from ..render import GRAPH_FORMATS


@with_filters
@with_format(GRAPH_FORMATS, "dot")
def run(
    paths: PathsArg = None,
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """The relation graph: events grouped by controversy, relations as labelled arrows."""
    from ..render.graph import render_graph
    from .common import selected, show

    _corpus, events = selected(paths, query, no_cache)
    show(render_graph(format, events), output)
