"""`timeline show ID`: one event in full, with the events it points to and those that point to it."""

from __future__ import annotations

from ..options import EventArg, NoCacheOpt, OutputOpt, PathsArg, with_format
from ..render import SHOW_FORMATS


@with_format(SHOW_FORMATS, "table")
def run(
    event_id: EventArg,
    paths: PathsArg = None,
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
) -> None:
    """One event in full, then the events it points to and those that point to it, by relation type."""
    from ..pipeline import load_corpus
    from ..relations import RelationIndex, UnknownEvent
    from ..render.show import detail, render_show
    from .common import fail_usage, load, show, stdout_color, terminal_width, usable

    corpus = usable(load(load_corpus, paths, no_cache))
    try:
        item = detail(RelationIndex(corpus.events), event_id, corpus.actors)
    except UnknownEvent as error:
        fail_usage(str(error))
    color = output is None and format == "table" and stdout_color()
    show(render_show(format, item, color=color, width=terminal_width(output)), output)
