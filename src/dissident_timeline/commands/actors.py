"""`timeline actors`: the registry, most active actors first."""

from __future__ import annotations

from ..options import NoCacheOpt, PathsArg, with_format
from ..render import ACTOR_FORMATS


@with_format(ACTOR_FORMATS, "text")
def run(paths: PathsArg = None, no_cache: NoCacheOpt = False, *, format: str, options: dict[str, bool]) -> None:
    """Registered actors with their number of events, most active first."""
    from ..pipeline import load_corpus
    from ..render.actors import render_actors
    from .common import load, show, stdout_color, terminal_width, usable

    rows = usable(load(load_corpus, paths, no_cache)).activity()
    show(render_actors(format, rows, color=stdout_color(), width=terminal_width()), None)
