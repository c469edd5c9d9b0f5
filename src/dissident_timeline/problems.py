"""Problems found in event files, and the catalog of their codes.

Every problem has a stable code from `CATALOG`: CI filters and docs depend on it. The
catalog is the single source of `docs/problems.md` (a test checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["CATALOG", "ERROR", "WARNING", "Code", "Problem", "problem"]

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One finding: where it is (1-based line and column), how bad, which code, and why."""

    path: str
    line: int
    col: int
    severity: str
    code: str
    message: str


class Code(NamedTuple):
    severity: str
    title: str
    description: str


CATALOG: dict[str, Code] = {
    # Reading files.
    "unreadable-path": Code(ERROR, "Path cannot be read",
        "The file or directory does not exist or cannot be opened. Check the path and its permissions."),
    "file-too-large": Code(ERROR, "File over the size cap",
        "Event files are capped at 4 MiB so that a stray or hostile file cannot exhaust memory. Split the file."),
    "invalid-encoding": Code(ERROR, "File is not UTF-8",
        "Event files must be UTF-8 (a BOM is tolerated). NUL bytes usually mean UTF-16: re-save the file as UTF-8."),
    "symlink-outside": Code(ERROR, "Symbolic link leaves the tree",
        "A symbolic link found while walking a directory points outside the directory given on the command "
        "line. It is not followed, so that a pull request cannot make the tool read files elsewhere."),
    "symlink-loop": Code(ERROR, "Symbolic link loop",
        "A symbolic link points to a directory that contains it, or cannot be resolved. It is not followed."),
    # YAML.
    "yaml-syntax": Code(ERROR, "YAML syntax error",
        "The file is not valid YAML. The position is where the parser gave up; the mistake is often just before."),
    "yaml-too-deep": Code(ERROR, "Nesting too deep",
        "Mappings and lists are nested more than 32 levels deep; event files need at most six."),
    "yaml-anchor": Code(ERROR, "YAML anchor or alias",
        "Anchors (`&name`) and aliases (`*name`) are refused: event files are plain data, and aliases can "
        "multiply a small file into gigabytes. Write the value out in full."),
    "yaml-merge-key": Code(ERROR, "YAML merge key",
        "Merge keys (`<<`) are refused: write the keys out in full."),
    "yaml-tag": Code(ERROR, "YAML tag",
        "Tags (`!!python/object`, `!!binary`, `!!set`, `!custom`...) are refused: event files hold only plain "
        "strings, lists and mappings."),
    "duplicate-key": Code(ERROR, "Duplicate key",
        "A key appears twice in the same mapping. YAML parsers silently keep the last one; remove one of them."),
    "complex-key": Code(ERROR, "Key is not a plain string",
        "A mapping key is itself a list or a mapping. Keys are field names."),
    "empty-file": Code(WARNING, "Empty file",
        "The file holds no event (it is empty or holds only comments)."),
    # Structure of events and of the registry.
    "not-an-event": Code(ERROR, "Not an event",
        "A document must be an event (a mapping) or a list of events. Check the indentation."),
    "not-a-registry": Code(ERROR, "Not an actor registry",
        "`actors.yaml` must be a mapping with one key, `actors`, holding a list of actors."),
    "missing-field": Code(ERROR, "Required field missing",
        "An event needs `id`, `date`, `kind` and `title`; a source needs `title`; an actor needs `id`, `name` "
        "and `type`."),
    "unknown-field": Code(ERROR, "Unknown field",
        "The field is not part of the format. The message suggests the closest valid name."),
    "invalid-value": Code(ERROR, "Invalid value",
        "A value has the wrong type (a list where text is expected...) or is not one of the allowed values."),
    "invalid-id": Code(ERROR, "Invalid slug",
        "Ids, controversies, tags and roles are slugs: lowercase letters and digits in words joined by single "
        "hyphens (`eo-13768`), at most 80 characters."),
    "invalid-date": Code(ERROR, "Invalid date",
        "The date is not in the supported EDTF subset, names a day or month that does not exist, or is an "
        "interval that ends before it starts."),
    "invalid-url": Code(ERROR, "Invalid URL",
        "Source URLs must be absolute `http` or `https` URLs without spaces or control characters."),
    # The merged corpus.
    "duplicate-id": Code(ERROR, "Duplicate event id",
        "Two events have the same id. Ids must be unique across all files; the message names the other one."),
    "duplicate-actor": Code(ERROR, "Duplicate actor id",
        "Two registered actors have the same id."),
    "unknown-actor": Code(ERROR, "Unknown actor",
        "With a registry, every actor reference (in `actors`, `quotes` and `affiliations`) must match the id, "
        "name or alias of a registered actor (case and accents do not matter)."),
    "ambiguous-actor": Code(ERROR, "Ambiguous actor",
        "An actor reference matches several registered actors (through a shared name or alias). Use the id."),
    "dangling-relation": Code(ERROR, "Relation to a missing event",
        "A relation points to an event id that no file defines."),
    "self-relation": Code(ERROR, "Relation to itself",
        "An event cannot be related to itself."),
    # Consistency warnings (errors under --strict).
    "no-source": Code(WARNING, "Event without source",
        "Every event should cite at least one source."),
    "source-before-event": Code(WARNING, "Source older than the event",
        "A source's date span ends before the event's starts: a source cannot report what had not happened. "
        "Check both dates."),
    "relation-order": Code(WARNING, "Relation against time",
        "An event responds to, appeals, blocks, overturns or implements an event that starts after it ends."),
    "possible-duplicate": Code(WARNING, "Possible duplicate event",
        "Two events share the same span and kind and have near-identical titles. Merge them, or make the "
        "titles say how they differ."),
}


def problem(code: str, path: str, line: int, col: int, message: str) -> Problem:
    """A problem with the severity its code has in the catalog."""
    return Problem(path, line, col, CATALOG[code].severity, code, message)


def catalog_markdown() -> str:
    """The text of `docs/problems.md`, generated from the catalog (`make docs` writes it)."""
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from src/dissident_timeline/problems.py by `make docs`; a test keeps them in sync. -->",
        "",
        "`timeline check` reports each problem as `PATH:LINE:COL: SEVERITY: MESSAGE [CODE]`. Codes are stable:",
        "filter on them in CI. Warnings become failures under `--strict`.",
        "",
        "| code | severity | title | what it means and how to fix it |",
        "|---|---|---|---|",
    ]
    for code, entry in CATALOG.items():
        description = entry.description.replace("|", "\\|")
        lines.append(f"| `{code}` | {entry.severity} | {entry.title} | {description} |")
    return "\n".join(lines) + "\n"
