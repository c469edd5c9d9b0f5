"""The commands of `timeline`, one module each, registered by name in `COMMANDS`.

Each module defines `run`, the typer command (its docstring is the command's help). A
module imports only typer and `..options` at the top, and what it needs inside `run`, so
that `timeline --help` stays fast.
"""

__all__ = ["COMMANDS"]

# Command name -> module in this package, in the order `timeline --help` lists them.
COMMANDS = {
    "check": "check",
    "build": "build",
    "filter": "filter",
    "actors": "actors",
    "show": "show",
    "chain": "chain",
    "graph": "graph",
    "stats": "stats",
    "new": "new",
    "diff": "diff",
    "schema": "schema",
    "sources": "sources",
    "links": "links",
}
