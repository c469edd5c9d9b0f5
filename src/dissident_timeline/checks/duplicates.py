"""`duplicate-id` and `duplicate-actor`: ids are unique across all files."""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import ERROR, Code
from . import Context, Finding, check


@check(
    (
        "duplicate-id",
        Code(
            ERROR,
            "Duplicate event id",
            "Two events have the same id. Ids must be unique across all files; the message names the other one.",
        ),
    ),
    ("duplicate-actor", Code(ERROR, "Duplicate actor id", "Two registered actors have the same id.")),
)
def duplicate_ids(context: Context) -> Iterator[Finding]:
    for code, noun, pairs in (
        ("duplicate-id", "event", context.duplicate_events),
        ("duplicate-actor", "actor", context.duplicate_actors),
    ):
        for record, first in pairs:
            yield Finding(
                code,
                record,
                ("id",),
                f"{noun} id `{record['id']}` is already used at {first['file']}:{first['line']}; ids must be unique",
            )
            # So that `check FIRST-FILE` (a pre-commit hook) sees the clash that a new file causes.
            yield Finding(
                code,
                first,
                ("id",),
                f"{noun} id `{first['id']}` is also used at {record['file']}:{record['line']}; ids must be unique",
                twin=record["file"],
            )
