"""The `timeline` script's entry point: `--version` answers before the command line is built.

Building the command line imports typer and declares every command (about 60 ms); a
version query, which scripts and package managers run often, needs none of it.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        print(f"timeline {__version__}")
        return
    from .cli import main as run_cli

    run_cli()
