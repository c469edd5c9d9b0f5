"""`timeline check`: the CI gate."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..options import CacheOpt, NoCacheOpt, PathsArg, StrictOpt, with_format
from ..reporters import REPORTERS

CorpusOpt = Annotated[
    str | None,
    typer.Option(
        "--corpus",
        metavar="DIR",
        show_default=False,
        help="Check the files given against the corpus in DIR. Default: the nearest folder above each file "
        "that holds an actors.yaml (none: the files alone).",
    ),
]


@with_format(REPORTERS, "text")
def run(
    paths: PathsArg = None,
    strict: StrictOpt = False,
    corpus: CorpusOpt = None,
    no_cache: NoCacheOpt = False,
    cache: CacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
) -> None:
    """Check event files: every problem in every file, as PATH:LINE:COL. Exit 1 on errors.

    Files inside a corpus (a folder with an actors.yaml) are checked against the whole corpus, and only
    their own problems are reported: what a pre-commit hook needs."""
    import functools

    from ..pipeline import check_in_corpus
    from .common import exit_code, load, write

    problems = load(functools.partial(check_in_corpus, corpus_dir=corpus), paths, no_cache, cache)
    write(sys.stdout, REPORTERS[format].report(problems))
    if problems:  # a clean run stays silent; stdout holds only the report, whatever the format
        write(sys.stderr, summary_line(problems) + "\n")
    raise typer.Exit(exit_code(problems, strict))


def summary_line(problems: list) -> str:
    """`3 errors, 1 warning in 2 files`."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    return f"{count(errors, 'error')}, {count(warnings, 'warning')} in {count(files, 'file')}"
