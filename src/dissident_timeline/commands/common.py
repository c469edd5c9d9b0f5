"""What the commands share at run time: loading a corpus, writing results, exit codes.

The library raises or returns; this module turns that into what a user sees: problems
on stderr, `Error: ...` and exit 2 for a usage error, exit 1 for input with errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

import typer

__all__ = [
    "cache_choice",
    "exit_code",
    "fail_usage",
    "load",
    "selected",
    "show",
    "stdout_color",
    "terminal_width",
    "usable",
    "write",
]


def load(loader: Callable[..., Any], paths: list[str] | None, no_cache: bool, cache: bool = False) -> Any:
    """Run `loader` (a `pipeline` function) on the paths; a bad path exits 2.

    The cache is used unless `no_cache`; in CI only when `cache` (see `pipeline.cache_enabled`)."""
    from ..loader import UnreadablePath

    try:
        corpus = loader(paths or ["events"], use_cache=cache_choice(no_cache, cache), progress=_progress())
    except UnreadablePath as error:
        fail_usage(str(error))
    # The corpus lives until the command ends and holds no cycles: keep the garbage collector
    # from walking its millions of objects again each time the command builds an index.
    import gc

    gc.freeze()
    return corpus


def selected(paths: list[str] | None, query: Any, no_cache: bool) -> tuple[Any, list[dict[str, Any]]]:
    """The usable corpus under `paths` and the events `query` selects from it (a bad query exits 2)."""
    from ..filters import QueryError
    from ..pipeline import load_corpus

    corpus = usable(load(load_corpus, paths, no_cache))
    try:
        return corpus, query.select(corpus)
    except QueryError as error:
        fail_usage(str(error))


def cache_choice(no_cache: bool, cache: bool = False) -> bool | None:
    """`use_cache` for the pipeline: off, forced on, or None (on, except in CI)."""
    return False if no_cache else (True if cache else None)


def usable(corpus: Any) -> Any:
    """The corpus if it has no errors; otherwise print its problems to stderr and exit 1."""
    from ..reporters import REPORTERS

    if corpus.problems:
        write(sys.stderr, REPORTERS["text"].report(corpus.problems))
    if corpus.has_errors:
        raise typer.Exit(1)
    return corpus


def show(text: str, output: str | None) -> None:
    """Write a result to stdout, or atomically to the file `output`."""
    if output is None:
        write(sys.stdout, text)
        return
    from ..output import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        fail_usage(f"cannot write {output}: {error.strerror or error}")


def fail_usage(message: str) -> NoReturn:
    from ..safe import visible

    print(f"Error: {visible(message)}", file=sys.stderr)
    raise typer.Exit(2)


def stdout_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_width(output: str | None = None) -> int:
    """The terminal's width on a terminal; `$COLUMNS` or a steady 120 in files and pipes."""
    if output is None and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 120


def exit_code(problems: list[Any], strict: bool) -> int:
    if any(p.severity == "error" for p in problems) or (strict and problems):
        return 1
    return 0


def write(stream: TextIO, text: str) -> None:
    stream.write(text)
    stream.flush()


def _progress() -> Callable[[int, int], None] | None:
    """A progress callback that shows a bar on a terminal once loading takes over a second."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    import time

    started = time.monotonic()
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            if time.monotonic() - started < 1.0:
                return
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(stderr=True), transient=True)
            state["task"] = bar.add_task("Reading event files", total=total)
            bar.start()
            state["bar"] = bar
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update
