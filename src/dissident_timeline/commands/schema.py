"""`timeline schema`: a JSON Schema of event files (or of actors.yaml) for editors."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import NoCacheOpt, OutputOpt, PathsArg

RegistryOpt = Annotated[
    bool,
    typer.Option("--registry", help="Offer the actor ids, names and aliases of the corpus in PATHS for completion."),
]
ActorsOpt = Annotated[bool, typer.Option("--actors", help="The schema of actors.yaml instead of event files.")]


def run(
    paths: PathsArg = None,
    registry: RegistryOpt = False,
    actors: ActorsOpt = False,
    output: OutputOpt = None,
    no_cache: NoCacheOpt = False,
) -> None:
    """A JSON Schema (draft 2020-12) of event files, for completion and hover help in editors."""
    import json

    from ..editor_schema import actors_schema, event_schema
    from .common import fail_usage, load, show

    if actors and registry:
        fail_usage("--registry applies to the schema of event files, not to --actors")
    if actors:
        schema = actors_schema()
    elif registry:
        from ..pipeline import load_corpus

        corpus = load(load_corpus, paths, no_cache)
        if not corpus.has_registry:
            fail_usage(f"no actors.yaml under {', '.join(paths or ['events'])}: --registry needs a registry")
        schema = event_schema(corpus.actors)
    else:
        schema = event_schema()
    show(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", output)
