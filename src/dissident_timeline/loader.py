"""Find event files, read them safely, and validate them into records.

The work is split so that it can be cached and run in several processes:

- `discover` walks the paths given (sorted, hidden entries skipped, symbolic links kept
  inside the tree) and returns `SourceFile`s;
- `analyse` turns the bytes of one file into a path-free `Analysis`: the validated event
  records or registry actors, and the file's problems with their positions. It depends on
  nothing but the bytes, so its result can be cached by content hash.

Positions are expensive and rarely needed: a file is parsed once, fast, and parsed a
second time, with positions, only when it has problems to place.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

from .dates import parse_date
from .problems import Problem, problem
from .yamlread import KEY, MAX_BYTES, RawProblem, decode, locate, read_yaml

__all__ = ["Analysis", "SourceFile", "UnreadablePath", "analyse", "discover", "read_source"]

REGISTRY_NAMES = ("actors.yaml", "actors.yml")
EXTENSIONS = (".yaml", ".yml")


class UnreadablePath(Exception):
    """A path given on the command line does not exist or cannot be read (a usage error)."""


@dataclass(frozen=True, order=True)
class SourceFile:
    display: str  # the path as the user will see it in problems and in JSON
    real: str  # the resolved path on disk
    registry: bool


@dataclass
class Analysis:
    """What one file holds, independent of where it lives (cacheable by content)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RawProblem] = field(default_factory=list)
    # What can still be checked of events that failed validation (see `_partial_record`), so
    # that one run also reports their unknown actors and dangling relations.
    partial: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "actors": self.actors,
            "problems": [list(p) for p in self.problems],
            "partial": self.partial,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        return cls(data["events"], data["actors"], [RawProblem(*p) for p in data["problems"]], data["partial"])


def discover(paths: list[str]) -> tuple[list[SourceFile], list[Problem]]:
    """The files to read under `paths`, in sorted order, and the problems of the walk."""
    found: list[SourceFile] = []
    problems: list[Problem] = []
    for given in paths:
        try:
            info = os.stat(given)
        except OSError as error:
            raise UnreadablePath(f"{given}: {error.strerror or error}") from None
        if stat.S_ISDIR(info.st_mode):
            root = os.path.realpath(given)
            _walk(given, root, root, {root}, found, problems)
        elif stat.S_ISREG(info.st_mode):
            name = os.path.basename(given)
            found.append(SourceFile(os.path.normpath(given), os.path.realpath(given), name in REGISTRY_NAMES))
        else:
            raise UnreadablePath(f"{given}: not a regular file or directory")
    unique: dict[str, SourceFile] = {}
    for source in sorted(found):
        unique.setdefault(source.real, source)  # the same file reached twice is read once
    return sorted(unique.values()), sorted(set(problems))


def _walk(
    display: str, real: str, root: str, ancestors: set[str], found: list[SourceFile], problems: list[Problem]
) -> None:
    try:
        entries = sorted(os.scandir(real), key=lambda entry: entry.name)
    except OSError as error:
        problems.append(problem("unreadable-path", display, 1, 1, f"cannot read directory: {error.strerror}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        shown = os.path.normpath(os.path.join(display, entry.name))
        target = entry.path  # already real: `real` is resolved and this entry is no link
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            if os.path.commonpath([root, target]) != root:
                problems.append(
                    problem(
                        "symlink-outside",
                        shown,
                        1,
                        1,
                        "symbolic link to a path outside the tree given; it is not followed",
                    )
                )
                continue
            if target in ancestors:
                problems.append(
                    problem(
                        "symlink-loop", shown, 1, 1, "symbolic link to a directory that contains it; it is not followed"
                    )
                )
                continue
            if not os.path.exists(target):
                problems.append(problem("unreadable-path", shown, 1, 1, "broken symbolic link"))
                continue
        try:
            is_dir = entry.is_dir()  # follows links; cached by scandir for plain entries
            is_file = not is_dir and entry.is_file()
        except OSError as error:
            problems.append(problem("unreadable-path", shown, 1, 1, f"cannot read: {error.strerror}"))
            continue
        if is_dir:
            _walk(shown, target, root, ancestors | {target}, found, problems)
        elif is_file and entry.name.endswith(EXTENSIONS):
            found.append(SourceFile(shown, target, entry.name in REGISTRY_NAMES))


def read_source(source: SourceFile) -> bytes | Problem:
    """The bytes of a file, or the problem that prevents reading them."""
    try:
        with open(source.real, "rb") as handle:
            # Ask for the file's size, not the cap: a read of n bytes reserves n bytes first,
            # and 4 MiB reservations for 65,000 small files exhaust the process's mappings.
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(min(size, MAX_BYTES) + 1)
    except OSError as error:
        return problem("unreadable-path", source.display, 1, 1, f"cannot read: {error.strerror}")
    if len(data) > MAX_BYTES:
        return problem(
            "file-too-large",
            source.display,
            1,
            1,
            f"the file is over the {MAX_BYTES // (1024 * 1024)} MiB cap for event files; split it",
        )
    return data


def analyse(data: bytes, registry: bool) -> Analysis:
    """Parse and validate the bytes of one file (an event file, or a registry if `registry`)."""
    data, encoding_problem = decode(data)
    if encoding_problem:
        return Analysis(problems=[encoding_problem])
    parsed = read_yaml(data)
    result = Analysis(problems=list(parsed.problems))
    # Problems whose position is known only once the file is parsed again with positions.
    to_place: list[tuple[str, tuple, str]] = []
    documents = [(index, doc) for index, doc in enumerate(parsed.documents) if doc is not None]
    # An event file whose documents are all empty lists (`[]`) holds no event either.
    holds_nothing = not documents or (not registry and all(doc == [] for _index, doc in documents))
    if holds_nothing and not result.problems:
        result.problems.append(RawProblem("empty-file", 1, 1, "the file holds no event"))
    if registry:
        _analyse_registry(documents, parsed.lines, result, to_place)
    else:
        _analyse_events(documents, parsed.lines, result, to_place)
        if b" #" in data:  # rare: only then look for a comment that cuts a title or summary
            result.problems.extend(_comments_in_text(data, result.events + result.partial, documents))
    if to_place:
        positions = locate(data, [path for _code, path, _message in to_place])
        for (code, _path, message), (line, col) in zip(to_place, positions, strict=False):
            result.problems.append(RawProblem(code, line, col, message))
    result.problems.sort()
    return result


def _analyse_events(
    documents: list[tuple[int, Any]], lines: dict[tuple, int], result: Analysis, to_place: list[tuple[str, tuple, str]]
) -> None:
    from .models import EVENT_ADAPTER

    for index, document in documents:
        items: list[tuple[tuple[int, ...], dict[str, Any]]]
        if document.__class__ is dict:
            items = [((index,), document)]
        elif document.__class__ is list:
            items = []
            for position, item in enumerate(document):
                if item.__class__ is dict:
                    items.append(((index, position), item))
                else:
                    to_place.append(
                        (
                            "not-an-event",
                            (index, position),
                            "a list item must be an event (a mapping with `id`, `date`, `kind`, `title`)",
                        )
                    )
        else:
            to_place.append(("not-an-event", (index,), "a document must be an event (a mapping) or a list of events"))
            continue
        for address, raw in items:
            valid = _validate(EVENT_ADAPTER, "event", raw, address, to_place)
            if valid is None:
                result.partial.append(_partial_record(raw, lines.get(address, 1), address))
            else:
                result.events.append(_event_record(valid, lines.get(address, 1), address))


def _analyse_registry(
    documents: list[tuple[int, Any]], lines: dict[tuple, int], result: Analysis, to_place: list[tuple[str, tuple, str]]
) -> None:
    from .models import ACTOR_ADAPTER

    for index, document in documents:
        if document.__class__ is not dict or not isinstance(document.get("actors"), list):
            to_place.append(
                ("not-a-registry", (index,), "a registry is a mapping with one key, `actors`, holding a list of actors")
            )
            continue
        for key in document:
            if key != "actors":
                to_place.append(
                    (
                        "unknown-field",
                        (index, key, KEY),
                        f"unknown field `{key}` in the registry (it holds only `actors`)",
                    )
                )
        for position, raw in enumerate(document["actors"]):
            address = (index, "actors", position)
            valid = _validate(ACTOR_ADAPTER, "registry", raw, address, to_place)
            if valid is None:
                continue
            result.actors.append(
                {
                    "id": valid["id"],
                    "name": valid["name"],
                    "type": valid["type"],
                    "aliases": valid.get("aliases") or [],
                    "affiliations": valid.get("affiliations") or [],
                    "country": valid.get("country"),
                    "line": lines.get(address, 1),
                    "address": list(address),
                }
            )


def _validate(
    adapter: Any, schema: str, raw: Any, address: tuple, to_place: list[tuple[str, tuple, str]]
) -> dict[str, Any] | None:
    """The validated item, or None after queuing its problems (to be placed in the file)."""
    from pydantic import ValidationError

    from .schema_errors import translate

    try:
        return adapter.validate_python(raw)
    except ValidationError as error:
        for detail in error.errors(include_url=False, include_context=True, include_input=True):
            code, path, message = translate(detail, schema)
            to_place.append((code, address + path, message))
        return None


def _event_record(valid: dict[str, Any], line: int, address: tuple) -> dict[str, Any]:
    """The normalised record of a valid event: every field present, the date's span added."""
    when = parse_date(valid["date"])
    return {
        "id": valid["id"],
        "date": when.text,
        "start": when.start.isoformat() if when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "start_time": when.start_time,
        "end_time": when.end_time,
        "start_bound": when.start_bound,
        "end_bound": when.end_bound,
        "sort_key": (when.start_key, when.end_key),  # time order: see dates.PartialDate
        "precision": when.precision,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "kind": valid["kind"],
        "title": valid["title"],
        "summary": valid.get("summary"),
        "actors": [{"actor": ref["actor"], "role": ref.get("role")} for ref in valid.get("actors") or []],
        "controversy": valid.get("controversy"),
        "registers": valid.get("registers") or [],
        "tags": valid.get("tags") or [],
        "place": valid.get("place"),
        "sources": [_without_nulls(source) for source in valid.get("sources") or []],
        "relations": valid.get("relations") or [],
        "alternative_dates": [_without_nulls(alt) for alt in valid.get("alternative_dates") or []],
        "legal": _without_nulls(valid["legal"]) if valid.get("legal") else None,
        "quotes": [_without_nulls(quote) for quote in valid.get("quotes") or []],
        "line": line,
        "address": list(address),
    }


def _partial_record(raw: dict[str, Any], line: int, address: tuple) -> dict[str, Any]:
    """The id, actor references and relations of an invalid event, as far as they are well
    formed; an item that is not is None, so that positions in the lists stay right."""

    def items(field_name: str) -> list[Any]:
        value = raw.get(field_name)
        return value if isinstance(value, list) else []

    def reference(item: Any) -> dict[str, Any] | None:
        name = item if isinstance(item, str) else item.get("actor") if isinstance(item, dict) else None
        # Shaped like a valid record's reference: the corpus reads `role` of every one.
        return {"actor": name, "role": None} if isinstance(name, str) else None

    def relation(item: Any) -> dict[str, Any] | None:
        if isinstance(item, dict) and isinstance(item.get("event"), str) and isinstance(item.get("type"), str):
            return {"type": item["type"], "event": item["event"]}
        return None

    def quote(item: Any) -> dict[str, Any] | None:
        return {"speaker": item["speaker"]} if isinstance(item, dict) and isinstance(item.get("speaker"), str) else None

    return {
        "id": raw["id"] if isinstance(raw.get("id"), str) else None,
        "actors": [reference(item) for item in items("actors")],
        "relations": [relation(item) for item in items("relations")],
        "quotes": [quote(item) for item in items("quotes")],
        # Whether it cites sources (an invalid `sources` value is reported by validation already).
        "cites": raw.get("sources") not in (None, []),
        # The date's span and the sources' dates, when well formed: for the warnings about time.
        **_partial_span(raw.get("date")),
        "sources": [
            {"date": item["date"]} if isinstance(item, dict) and isinstance(item.get("date"), str) else {}
            for item in items("sources")
        ],
        "line": line,
        "address": list(address),
    }


def _partial_span(value: Any) -> dict[str, Any]:
    """`date`, `start`, `end` and `sort_key` of an invalid event whose date is valid; all None otherwise."""
    from .dates import DateError

    try:
        when = parse_date(value) if isinstance(value, str) else None
    except DateError:
        when = None
    if when is None:
        return {"date": None, "start": None, "end": None, "sort_key": None}
    return {
        "date": when.text,
        "start": when.start.isoformat() if when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "sort_key": (when.start_key, when.end_key),
    }


# `title: Article 155 #applied`: a plain (unquoted) value, then ` #word` on the same line. (` # words`,
# with a space, reads as a comment its author meant; `#word` as a hashtag that YAML swallowed.)
_CUT_BY_COMMENT = re.compile(
    rb"^(?P<lead>[ ]*(?:-[ ]+)?(?P<key>title|summary):[ ]+)(?P<value>[^'\"|>&*!#\s][^\n]*?)"
    rb"[ \t]+#(?=\S)[^\n]*$",
    re.MULTILINE,
)


def _comments_in_text(data: bytes, records: list[dict[str, Any]], documents: list[tuple[int, Any]]) -> list[RawProblem]:
    """`comment-in-text` where YAML read the end of a title or summary line as a comment.

    A line is reported only when the parsed value is the text before ` #`: a `#` inside quotes, or in
    a value that goes on after the line, is text, and YAML kept it."""
    values = {
        (key, value)
        for _i, doc in documents
        for item in (doc if isinstance(doc, list) else [doc])
        if isinstance(item, dict)
        for key, value in item.items()
        if key in ("title", "summary") and isinstance(value, str)
    }
    found = []
    for match in _CUT_BY_COMMENT.finditer(data):
        key, value = match.group("key").decode(), match.group("value").decode("utf-8", "replace").strip()
        if (key, value) not in values:
            continue
        line = data.count(b"\n", 0, match.start()) + 1
        hash_at = data.index(b"#", match.end("value"))
        hash_col = len(data[match.start() : hash_at].decode("utf-8", "replace")) + 1
        found.append(
            RawProblem(
                "comment-in-text",
                line,
                hash_col,
                f"the {key} ends at ` #`: YAML reads the rest of the line as a comment; put the whole "
                f"{key} in double quotes to keep it",
            )
        )
    return found


def _without_nulls(mapping: dict[str, Any]) -> dict[str, Any]:
    return {
        key: (_without_nulls(value) if isinstance(value, dict) else value)
        for key, value in mapping.items()
        if value is not None
    }
