"""Problems found in event files, and the catalog of their codes.

Every problem has a stable code from `CATALOG`: CI filters and docs depend on it. The
catalog is the single source of `docs/problems.md` (a test checks they agree). The codes
of reading and validating one file are declared here; each corpus check declares its own
codes where it is defined (`checks/`), and importing this module registers them too.
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
    "unreadable-path": Code(
        ERROR,
        "Path cannot be read",
        "The file or directory does not exist or cannot be opened. Check the path and its permissions.",
    ),
    "file-too-large": Code(
        ERROR,
        "File over the size cap",
        "Event files are capped at 4 MiB so that a stray or hostile file cannot exhaust memory. Split the file.",
    ),
    "invalid-encoding": Code(
        ERROR,
        "File is not UTF-8",
        "Event files must be UTF-8 (a BOM is tolerated). NUL bytes usually mean UTF-16: re-save the file as UTF-8.",
    ),
    "symlink-outside": Code(
        ERROR,
        "Symbolic link leaves the tree",
        "A symbolic link found while walking a directory points outside the directory given on the command "
        "line. It is not followed, so that a pull request cannot make the tool read files elsewhere.",
    ),
    "symlink-loop": Code(
        ERROR,
        "Symbolic link loop",
        "A symbolic link points to a directory that contains it, or cannot be resolved. It is not followed.",
    ),
    # YAML.
    "yaml-syntax": Code(
        ERROR,
        "YAML syntax error",
        "The file is not valid YAML. The position is where the parser gave up; the mistake is often just before.",
    ),
    "yaml-too-deep": Code(
        ERROR,
        "Nesting too deep",
        "Mappings and lists are nested more than 32 levels deep; event files need at most six.",
    ),
    "yaml-anchor": Code(
        ERROR,
        "YAML anchor or alias",
        "Anchors (`&name`) and aliases (`*name`) are refused: event files are plain data, and aliases can "
        "multiply a small file into gigabytes. Write the value out in full.",
    ),
    "yaml-merge-key": Code(ERROR, "YAML merge key", "Merge keys (`<<`) are refused: write the keys out in full."),
    "yaml-tag": Code(
        ERROR,
        "YAML tag",
        "Tags (`!!python/object`, `!!binary`, `!!set`, `!custom`...) are refused: event files hold only plain "
        "strings, lists and mappings.",
    ),
    "duplicate-key": Code(
        ERROR,
        "Duplicate key",
        "A key appears twice in the same mapping. YAML parsers silently keep the last one; remove one of them.",
    ),
    "complex-key": Code(
        ERROR, "Key is not a plain string", "A mapping key is itself a list or a mapping. Keys are field names."
    ),
    "comment-in-text": Code(
        WARNING,
        "Comment cuts a title or summary",
        "An unquoted title or summary holds ` #`: YAML reads the rest of the line as a comment, so the text is "
        "cut there (`title: Article 155 #applied` is `Article 155`). Put the whole value in double quotes.",
    ),
    "empty-file": Code(WARNING, "Empty file", "The file holds no event (it is empty or holds only comments)."),
    # Structure of events and of the registry.
    "not-an-event": Code(
        ERROR, "Not an event", "A document must be an event (a mapping) or a list of events. Check the indentation."
    ),
    "not-a-registry": Code(
        ERROR,
        "Not an actor registry",
        "`actors.yaml` must be a mapping with one key, `actors`, holding a list of actors.",
    ),
    "missing-field": Code(
        ERROR,
        "Required field missing",
        "An event needs `id`, `date`, `kind` and `title`; a source needs `title`; an actor needs `id`, `name` "
        "and `type`.",
    ),
    "unknown-field": Code(
        ERROR, "Unknown field", "The field is not part of the format. The message suggests the closest valid name."
    ),
    "invalid-value": Code(
        ERROR,
        "Invalid value",
        "A value has the wrong type (a list where text is expected...) or is not one of the allowed values.",
    ),
    "invalid-id": Code(
        ERROR,
        "Invalid slug",
        "Ids, controversies, tags and roles are slugs: lowercase letters and digits in words joined by single "
        "hyphens (`eo-13768`), at most 80 characters.",
    ),
    "invalid-date": Code(
        ERROR,
        "Invalid date",
        "The date is not in the supported EDTF subset, names a day or month that does not exist, or is an "
        "interval that ends before it starts.",
    ),
    "invalid-url": Code(
        ERROR,
        "Invalid URL",
        "Source URLs must be absolute `http` or `https` URLs without spaces or control characters.",
    ),
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
    for code, entry in sorted(CATALOG.items(), key=lambda item: item[1].severity != ERROR):  # errors first
        description = entry.description.replace("|", "\\|")
        lines.append(f"| `{code}` | {entry.severity} | {entry.title} | {description} |")
    return "\n".join(lines) + "\n"


# The corpus checks declare their codes where they are defined; importing them completes CATALOG.
from . import checks as _checks  # noqa: E402, F401  (after CATALOG exists: checks add to it)
