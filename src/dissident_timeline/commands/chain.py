"""`timeline chain ID`: the chain of decisions and responses around an event, as a tree."""

from __future__ import annotations

from ..options import DepthOpt, DirectionOpt, EventArg, NoCacheOpt, OutputOpt, PathsArg, with_format
from ..render import CHAIN_FORMATS


@with_format(CHAIN_FORMATS, "table")
def run(
    event_id: EventArg,
    paths: PathsArg = None,
    depth: DepthOpt = None,
    direction: DirectionOpt = "both",
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
) -> None:
    """The events linked to ID through relations, transitively: what it answers (up) and what answers it (down)."""
    from ..pipeline import load_corpus
    from ..relations import RelationIndex, UnknownEvent, chain_tree
    from ..render.chain import render_chain
    from .common import fail_usage, load, show, stdout_color, terminal_width, usable

    if depth is not None and depth < 0:
        fail_usage(f"--depth {depth}: give 0 or more relations")
    corpus = usable(load(load_corpus, paths, no_cache))
    try:
        root = chain_tree(RelationIndex(corpus.events), event_id, direction, depth)
    except UnknownEvent as error:
        fail_usage(str(error))
    color = output is None and format == "table" and stdout_color()
    show(render_chain(format, root, direction, depth, color=color, width=terminal_width(output)), output)
