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

from . import __version__, _lazy_rich
from .vocabulary import KINDS, REGISTERS

_lazy_rich.install()  # `--help` renders with rich: skip what it imports but never uses

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


class RenderFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


FormatOpt = Annotated[RenderFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOpt = Annotated[Optional[str], typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.",
                                                  metavar="FILE")]
TitleOpt = Annotated[str, typer.Option("--title", help="Heading of the table or Markdown document.")]
_FILTERS = "Filters (repeat a flag for OR; different flags AND)"
ActorOpt = Annotated[Optional[list[str]], typer.Option("--actor", help="Actor id, name or alias (case and accents ignored).",
                                                       rich_help_panel=_FILTERS, show_default=False)]
RoleOpt = Annotated[Optional[list[str]], typer.Option("--role", help="Only where the actor has this role (author, target...).",
                                                      rich_help_panel=_FILTERS, show_default=False)]
Kind = Enum("Kind", {kind: kind for kind in KINDS}, type=str)  # type: ignore[misc]
Register = Enum("Register", {name: name for name in REGISTERS}, type=str)  # type: ignore[misc]
KindOpt = Annotated[Optional[list[Kind]], typer.Option("--kind", help="Event kind.",
                                                      rich_help_panel=_FILTERS, show_default=False)]
SinceOpt = Annotated[Optional[str], typer.Option("--since", help="Events overlapping from DATE on (2017-04, 'April 2017').",
                                                 rich_help_panel=_FILTERS, metavar="DATE")]
UntilOpt = Annotated[Optional[str], typer.Option("--until", help="Events overlapping up to DATE, all of it (2017-04 includes 30 April).",
                                                 rich_help_panel=_FILTERS, metavar="DATE")]
ControversyOpt = Annotated[Optional[list[str]], typer.Option("--controversy", help="Controversy slug.",
                                                             rich_help_panel=_FILTERS, show_default=False)]
TagOpt = Annotated[Optional[list[str]], typer.Option("--tag", help="Tag slug.", rich_help_panel=_FILTERS,
                                                     show_default=False)]
RegisterOpt = Annotated[Optional[list[Register]], typer.Option("--register", help="Register of the conflict.",
                                                          rich_help_panel=_FILTERS, show_default=False)]
TextOpt = Annotated[Optional[list[str]], typer.Option("--text", help="Words in the title or summary (case and accents ignored).",
                                                      rich_help_panel=_FILTERS, show_default=False)]


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


@app.command()
def build(
    paths: PathsArg = None,
    format: FormatOpt = RenderFormat.table,
    output: OutputOpt = None,
    title: TitleOpt = "Chronology",
    actor: ActorOpt = None, role: RoleOpt = None, kind: KindOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, controversy: ControversyOpt = None, tag: TagOpt = None,
    register: RegisterOpt = None, text: TextOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """The whole chronology (or the events matching the filters) as a table, Markdown or JSON."""
    query = _query(actor, role, kind, since, until, controversy, tag, register, text)
    _show(paths, query, format, output, title, no_cache)


@app.command(name="filter")
def filter_events(
    paths: PathsArg = None,
    actor: ActorOpt = None, role: RoleOpt = None, kind: KindOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, controversy: ControversyOpt = None, tag: TagOpt = None,
    register: RegisterOpt = None, text: TextOpt = None,
    format: FormatOpt = RenderFormat.table,
    output: OutputOpt = None,
    title: TitleOpt = "Matching events",
    no_cache: NoCacheOpt = False,
) -> None:
    """The events that match the filters: who did what, when, against whom."""
    query = _query(actor, role, kind, since, until, controversy, tag, register, text)
    _show(paths, query, format, output, title, no_cache)


@app.command()
def actors(
    paths: PathsArg = None,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format (text is a table).")] = CheckFormat.text,
    no_cache: NoCacheOpt = False,
) -> None:
    """Registered actors with their number of events, most active first."""
    from .pipeline import load_corpus

    rows = _usable(_load(load_corpus, paths, no_cache)).activity()
    if format is CheckFormat.json:
        from .render.json import dumps

        _write(sys.stdout, dumps(rows))
    else:
        from .render.actors import actors_table

        _write(sys.stdout, actors_table(rows, color=_stdout_color()))


def _query(actor, role, kind, since, until, controversy, tag, register, text):  # -> filters.Query
    """The query the filter options describe (None for a flag not given)."""
    from .filters import Query

    return Query(actors=actor or [], roles=role or [], kinds=[k.value for k in kind or []], since=since,
                 until=until, controversies=controversy or [], tags=tag or [],
                 registers=[r.value for r in register or []], texts=text or [])


def _show(paths, query, format: RenderFormat, output: str | None, title: str, no_cache: bool) -> None:
    """Render the events `query` selects (build and filter)."""
    from .filters import QueryError
    from .pipeline import load_corpus
    from .render import View, render

    corpus = _usable(_load(load_corpus, paths, no_cache))
    try:
        events = query.select(corpus)
    except QueryError as error:
        _fail_usage(str(error))
    color = output is None and format is RenderFormat.table and _stdout_color()
    result = render(format.value, View(events, corpus.actors, title, color=color, width=_width(output)))
    if output:
        from .output import write_atomic

        try:
            write_atomic(output, result)
        except OSError as error:
            _fail_usage(f"cannot write {output}: {error.strerror or error}")
    else:
        _write(sys.stdout, result)


def _usable(corpus):
    """The corpus if it has no errors; otherwise print its problems to stderr and exit 1."""
    from .reporters import REPORTERS

    if corpus.problems:
        _write(sys.stderr, REPORTERS["text"](corpus.problems))
    if corpus.has_errors:
        raise typer.Exit(1)
    return corpus


def _fail_usage(message: str) -> None:
    from .safe import visible

    print(f"Error: {visible(message)}", file=sys.stderr)
    raise typer.Exit(2)


def _stdout_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _width(output: str | None) -> int | None:
    """The terminal's width on a terminal; a steady 120 columns in files and pipes."""
    if output is None and sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else 120


def _load(loader, paths: list[str] | None, no_cache: bool):
    """Run `loader` (a `pipeline` function) on the paths; a bad path exits 2."""
    from .loader import UnreadablePath

    try:
        return loader(paths or ["events"], use_cache=False if no_cache else None, progress=_progress())
    except UnreadablePath as error:
        _fail_usage(str(error))


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
