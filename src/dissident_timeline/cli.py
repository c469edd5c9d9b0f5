"""The `timeline` command line: a thin layer over the library.

Start-up time matters (`check` runs in pre-commit hooks), so this module imports only
typer: each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer

from . import __version__

app = typer.Typer(
    name="timeline",
    help="Turn a folder of YAML event files into a sourced, validated chronology.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CheckFormat(str, Enum):
    text = "text"
    github = "github"
    json = "json"


PathsArg = Annotated[
    Optional[list[str]],
    typer.Argument(help="Event files or directories (walked recursively). Default: events/.", show_default=False),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse every file again; ignore the on-disk cache.")]


def _version(value: bool) -> None:
    if value:
        print(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn a folder of YAML event files into a sourced, validated chronology."""


@app.command()
def check(
    paths: PathsArg = None,
    strict: StrictOpt = False,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check event files: every problem in every file, as PATH:LINE:COL. Exit 1 on errors."""
    from .pipeline import check_paths
    from .reporters import REPORTERS

    problems = _load(check_paths, paths, no_cache)
    _write(sys.stdout, REPORTERS[format.value](problems))
    raise typer.Exit(_exit_code(problems, strict))


def _load(loader, paths: list[str] | None, no_cache: bool):
    """Run `loader` (a `pipeline` function) on the paths; a bad path exits 2."""
    from .loader import UnreadablePath

    try:
        return loader(paths or ["events"], use_cache=not no_cache, progress=_progress())
    except UnreadablePath as error:
        from .safe import visible

        print(f"Error: {visible(str(error))}", file=sys.stderr)
        raise typer.Exit(2) from None


def _progress():
    """A progress callback that shows a bar on a terminal once loading takes over a second."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    import time

    started = time.monotonic()
    state: dict = {}

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


def _exit_code(problems, strict: bool) -> int:
    if any(p.severity == "error" for p in problems) or (strict and problems):
        return 1
    return 0


def _write(stream, text: str) -> None:
    stream.write(text)
    stream.flush()


def main() -> None:
    """Entry point of the `timeline` script: a closed pipe (`| head`) ends quietly."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
