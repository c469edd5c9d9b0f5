"""Command-line options declared once, shared by every command that takes them.

Two kinds of declarations live here:

- `Annotated` aliases for the options several commands share (`PathsArg`, `StrictOpt`...);
- decorators that add a whole declared family of options to a command: `with_filters`
  (the filters of `filters.FILTERS`, handed to the command as one `Query`) and
  `with_format` (the `--format` choices of a registry, plus every flag its formats declare).

Only typer is imported at start-up: `--help` and `--version` must stay fast.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from types import GenericAlias
from typing import Annotated, Any

import typer

from .text import suggest
from .vocabulary import DIRECTIONS

__all__ = [
    "CacheOpt",
    "DepthOpt",
    "DirectionOpt",
    "EventArg",
    "NoCacheOpt",
    "OutputOpt",
    "PathsArg",
    "StrictOpt",
    "TitleOpt",
    "choice_callback",
    "with_filters",
    "with_format",
]

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Event files or directories (walked recursively). Default: events/.", show_default=False, metavar="PATHS"
    ),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors (exit 1).")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse every file again; ignore the on-disk cache.")]
CacheOpt = Annotated[
    bool,
    typer.Option(
        "--cache",
        help="Use the on-disk cache even in CI (where it is off by default: a restored cache is not to be trusted).",
    ),
]
OutputOpt = Annotated[
    str | None, typer.Option("--output", "-o", help="Write to FILE (atomically) instead of stdout.", metavar="FILE")
]
EventArg = Annotated[str, typer.Argument(help="The id of an event.", show_default=False, metavar="ID")]
TitleOpt = Annotated[str, typer.Option("--title", help="Heading of the document.", metavar="TEXT")]

_FILTERS_PANEL = "Filters (repeat a flag for OR; different flags AND)"


def choice_callback(noun: str, choices: tuple[str, ...] | list[str]) -> Callable[[Any], Any]:
    """A click callback that accepts only `choices`, and says so in a sentence with a suggestion
    (`--kind rulling` -> "`rulling` is not a kind (did you mean `ruling`?)")."""

    def check(value: Any) -> Any:
        for given in value if isinstance(value, list) else [value]:
            if given is not None and given not in choices:
                raise typer.BadParameter(
                    f"`{given}` is not a {noun}{suggest(given, list(choices))}; choose from: {', '.join(choices)}."
                )
        return value

    return check


# `timeline chain`'s own --depth and --direction, worded as the --related filter's (filters.FILTERS).
DepthOpt = Annotated[
    int | None,
    typer.Option("--depth", help="At most N relations away (default: no limit).", metavar="N", show_default=False),
]
DirectionOpt = Annotated[
    str,
    typer.Option(
        "--direction",
        metavar="DIRECTION",
        callback=choice_callback("direction", DIRECTIONS),
        show_default=False,
        help="up (what ID points to), down (what points to ID) or both (default).",
    ),
]


Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _declared(name: str, extra: list[inspect.Parameter], build: Callable[[dict[str, Any]], Any]) -> Decorator:
    """Decorator: give a command the options `extra`; it receives `build(values of extra)` as `name`.

    Typer reads a command's options from its signature, so the wrapper presents the command's
    own parameters (without `name`) followed by `extra`."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        own = [p for p in inspect.signature(function).parameters.values() if p.name != name]
        names = [p.name for p in extra]

        @functools.wraps(function)
        def command(**kwargs: Any) -> Any:
            values = {key: kwargs.pop(key) for key in names}
            return function(**kwargs, **{name: build(values)})

        annotations = {p.name: _evaluated(p.annotation, function) for p in own}
        own = [p.replace(annotation=annotations[p.name]) for p in own]
        command.__signature__ = inspect.Signature(own + extra)  # type: ignore[attr-defined]  # typer reads it
        command.__annotations__ = {**annotations, **{p.name: p.annotation for p in extra}}
        return command

    return decorate


def _evaluated(annotation: Any, function: Callable[..., Any]) -> Any:
    """An annotation written as a string (`from __future__ import annotations`) as its value."""
    return eval(annotation, function.__globals__) if isinstance(annotation, str) else annotation


def _option(name: str, annotation: Any, default: Any, *decls: str, **info: Any) -> inspect.Parameter:
    return inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=default,
        annotation=Annotated[annotation, typer.Option(*decls, **info)],
    )


def with_filters(function: Callable[..., Any]) -> Callable[..., Any]:
    """Add the filter options (`filters.FILTERS`) to a command, which receives `query: Query`."""
    from .filters import FILTERS, Query

    extra = []
    for spec in FILTERS:
        kind: Any = GenericAlias(list, (spec.type,)) if spec.repeatable else spec.type  # list[int] for a type in hand
        info: dict[str, Any] = {
            "help": spec.help,
            "metavar": spec.metavar,
            "rich_help_panel": _FILTERS_PANEL,
            "show_default": False,
        }
        if spec.choices:
            info["callback"] = choice_callback(spec.noun, spec.choices)
        extra.append(_option(spec.field, kind | None, None, spec.flag, **info))
    return _declared("query", extra, lambda values: Query(**{k: v for k, v in values.items() if v is not None}))(
        function
    )


def with_format(registry: dict[str, Any], default: str, help_text: str = "Output format") -> Decorator:
    """Add `--format/-f` with the registry's names as choices (each one's help listed), and every
    flag the registry's formats declare; the command receives `format: str` and `options: dict`."""
    names = tuple(registry)
    listing = "; ".join(f"{name}: {entry.help}" for name, entry in registry.items())
    fmt = _option(
        "format",
        str,
        default,
        "--format",
        "-f",
        help=f"{help_text} ({listing}).",
        metavar="|".join(names),
        callback=choice_callback("format", names),
    )
    flags = {flag.name: flag for entry in registry.values() for flag in getattr(entry, "flags", ())}
    flag_params = [_option(name, bool, False, f"--{name}", help=flag.help) for name, flag in sorted(flags.items())]

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        with_options = _declared("options", flag_params, dict)(function)
        return _declared("format", [fmt], lambda values: values["format"])(with_options)

    return decorate
