"""`timeline new`: write a new event file from flags."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..options import NoCacheOpt
from ..vocabulary import KINDS

DateOpt = Annotated[
    str,
    typer.Option(
        "--date",
        metavar="DATE",
        show_default=False,
        help="When it happened, in EDTF (2017-01-25, 2017-01, 2017, 2017-21...).",
    ),
]
KindOpt = Annotated[
    str, typer.Option("--kind", metavar="KIND", show_default=False, help=f"What sort of event: {', '.join(KINDS)}.")
]
TitleArg = Annotated[
    str,
    typer.Option("--title", metavar="TEXT", show_default=False, help="Headline (one line); the id is derived from it."),
]
ActorOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        metavar="ACTOR[:ROLE]",
        show_default=False,
        help="An actor (id, name or alias), with its role after a colon: `Donald Trump:author`. Repeatable.",
    ),
]
ControversyOpt = Annotated[
    str | None,
    typer.Option(
        "--controversy",
        metavar="SLUG",
        show_default=False,
        help="The thread it belongs to; the file goes in DIR/SLUG/.",
    ),
]
SummaryOpt = Annotated[
    str | None, typer.Option("--summary", metavar="TEXT", show_default=False, help="What happened and why it matters.")
]
SourceTitleOpt = Annotated[
    str | None,
    typer.Option(
        "--source-title",
        metavar="TEXT",
        show_default=False,
        help="Title of the source (without a source, `check` warns `no-source`).",
    ),
]
SourceUrlOpt = Annotated[
    str | None,
    typer.Option("--source-url", metavar="URL", show_default=False, help="URL of the source (http or https)."),
]
DirOpt = Annotated[str, typer.Option("--dir", metavar="DIR", help="Folder of the corpus's event files.")]
PrintOpt = Annotated[bool, typer.Option("--print", help="Print the event to stdout instead of writing a file.")]


def run(
    date: DateOpt,
    kind: KindOpt,
    title: TitleArg,
    actor: ActorOpt = None,
    controversy: ControversyOpt = None,
    summary: SummaryOpt = None,
    source_title: SourceTitleOpt = None,
    source_url: SourceUrlOpt = None,
    dir: DirOpt = "events",
    print_only: PrintOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a new event file, DIR/CONTROVERSY/DATE-ID.yaml, with an id derived from the title.

    Prints the path of the file written; never overwrites a file."""
    import os
    import sys

    from ..new_event import build_event, event_yaml, file_name, problems_of, unique_id
    from ..output import create_atomic
    from .common import fail_usage, show

    draft = build_event("event", date, kind, title, actor or [], controversy, summary, source_title, source_url)
    problems = problems_of(draft)
    if problems:  # every bad flag at once, each in the words `check` would use
        for code, flag, message in problems[:-1]:
            print(f"Error: {flag}: {message} [{code}]", file=sys.stderr)
        code, flag, message = problems[-1]
        fail_usage(f"{flag}: {message} [{code}]")
    corpus = _corpus(dir, no_cache)
    _check_actors(corpus, draft.get("actors", []))
    event = {**draft, "id": unique_id(title, {e["id"] for e in corpus.events} if corpus else set())}
    text = event_yaml(event)
    if print_only:
        show(text, None)
        return
    folder = os.path.join(dir, controversy) if controversy else dir
    path = os.path.join(folder, file_name(event["date"], event["id"]))
    try:
        os.makedirs(folder, exist_ok=True)
        create_atomic(path, text)
    except FileExistsError:
        print(f"Error: {path} already exists; it is left as it was", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as error:
        fail_usage(f"cannot write {path}: {error.strerror or error}")
    print(path)
    if "sources" not in event:
        print("note: the event cites no source yet (`check` warns no-source): add `sources:`", file=sys.stderr)


def _corpus(directory: str, no_cache: bool) -> Any:
    """The corpus (a `corpus.Corpus`) the new event joins: the nearest registry at or above DIR, else DIR;
    None when there is neither."""
    import os

    from ..pipeline import corpus_root, load_corpus
    from .common import load

    root = corpus_root(directory)  # DIR may not exist yet: its parents may still hold the registry
    if root is None and not os.path.isdir(directory):
        return None
    return load(load_corpus, [root or directory], no_cache)


def _check_actors(corpus: Any, actors: list[dict[str, Any]]) -> None:
    """With a registry, each actor must name one registered actor, as `check` requires."""
    from ..text import shorten
    from .common import fail_usage

    index = corpus.index if corpus else None
    if index is None:
        return
    for reference in (ref["actor"] for ref in actors):
        ids = index.resolve(reference)
        if len(ids) > 1:
            fail_usage(
                f"--actor: `{shorten(reference)}` matches several registered actors ({', '.join(ids)}); "
                "use the id [ambiguous-actor]"
            )
        if not ids:
            fail_usage(
                f"--actor: `{shorten(reference)}` is not a registered actor{index.suggestions(reference)}; "
                "add it to actors.yaml or use a registered id, name or alias [unknown-actor]"
            )
