"""`timeline diff`: what changed in the chronology between two git revisions."""

from __future__ import annotations

from typing import Annotated

import typer

from ..chronology_diff import DIFF_FORMATS
from ..options import NoCacheOpt, with_format

ArgsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="REV_A REV_B PATHS",
        show_default=False,
        help="Up to two git revisions (default: HEAD and the working tree), then event files or directories "
        "(default: events/). An argument that names an existing path is a path.",
    ),
]


@with_format(DIFF_FORMATS, "text")
def run(args: ArgsArg = None, no_cache: NoCacheOpt = False, *, format: str, options: dict[str, bool]) -> None:
    """What changed in the chronology between two git revisions: events added, removed, and changed field
    by field. Reads the revisions with git; never touches the working tree or the index."""
    import sys

    from ..chronology_diff import diff_events
    from ..gitread import GitError, repository_top, resolve_revision, revision_files
    from ..loader import UnreadablePath
    from ..pipeline import load_corpus, load_files
    from .common import cache_choice, fail_usage, show

    revisions, paths = _split(args or [])
    paths = paths or ["events"]
    try:
        top = repository_top(paths[0])
        commits = []
        for revision in revisions:
            commit = resolve_revision(top, revision)
            if commit is None:
                raise GitError(f"`{revision}` is neither a revision of the repository at {top} nor an existing path")
            commits.append(commit)
        commits = commits or [resolve_revision(top, "HEAD") or _no_head(top)]
        before = load_files(revision_files(top, commits[0], paths), use_cache=cache_choice(no_cache))
        if len(commits) > 1:
            after = load_files(revision_files(top, commits[1], paths), use_cache=cache_choice(no_cache))
        else:
            after = load_corpus(paths, use_cache=cache_choice(no_cache))
    except (GitError, UnreadablePath) as error:
        fail_usage(str(error))
    names = [*(revisions or ["HEAD"]), *([] if len(revisions) > 1 else ["the working tree"])]
    for name, corpus in zip(names, (before, after), strict=False):
        errors = sum(problem.severity == "error" for problem in corpus.problems)
        if errors:
            print(
                f"note: {name} has {errors} error{'s' if errors > 1 else ''} (see `timeline check`); events "
                "that fail validation are left out of the comparison",
                file=sys.stderr,
            )
    show(DIFF_FORMATS[format].render(diff_events(before.events, after.events, names[0], names[1])), None)


def _split(args: list[str]) -> tuple[list[str], list[str]]:
    """At most two leading arguments that are not existing paths are revisions; the rest are paths."""
    import os

    count = 0
    while count < min(2, len(args)) and not os.path.exists(args[count]):
        count += 1
    return args[:count], args[count:]


def _no_head(top: str) -> str:
    from ..gitread import GitError

    raise GitError(f"the repository at {top} has no commit yet: there is nothing to compare with")
