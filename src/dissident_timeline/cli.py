"""The `timeline` command line: a thin layer over the library.

Each command lives in its own module under `commands/`, registered in `COMMANDS`. Start-up
time matters (`check` runs in pre-commit hooks), so this module and the command modules
import only typer at the top: each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Annotated

import typer
import typer.core

from . import __version__
from .commands import COMMANDS

# Typer labels an argument with its Python type (`PATHS <list[str]>`); the metavar says it all.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    name="timeline",
    help="Turn a folder of YAML event files into a sourced, validated chronology.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: no type labels like <bool>, words never broken, and no rich import
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn a folder of YAML event files into a sourced, validated chronology."""


for _name, _module in COMMANDS.items():
    app.command(name=_name)(import_module(f".commands.{_module}", __package__).run)


def main() -> None:
    """Entry point of the `timeline` script: a closed pipe (`| head`) ends quietly."""
    try:
        app()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
