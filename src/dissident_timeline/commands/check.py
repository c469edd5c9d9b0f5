"""`timeline check`: the CI gate."""

from __future__ import annotations

import sys

import typer

from ..options import NoCacheOpt, PathsArg, StrictOpt, with_format
from ..reporters import REPORTERS


@with_format(REPORTERS, "text")
def run(paths: PathsArg = None, strict: StrictOpt = False, no_cache: NoCacheOpt = False, *,
        format: str, options: dict[str, bool]) -> None:
    """Check event files: every problem in every file, as PATH:LINE:COL. Exit 1 on errors."""
    from ..pipeline import check_paths
    from .common import exit_code, load, write

    problems = load(check_paths, paths, no_cache)
    write(sys.stdout, REPORTERS[format].report(problems))
    raise typer.Exit(exit_code(problems, strict))
