"""Read YAML event files as plain data, safely, at the speed of libyaml.

We build values straight from libyaml's event stream instead of using a PyYAML loader:

- nothing is ever constructed from a tag, so no tag can run code or build objects;
- every scalar stays the text the author wrote (`no`, `2017`, `12:30` and `2017-01-25` are
  strings; only an empty value or `null`/`~` is None): YAML 1.1 implicit typing never
  changes what was written;
- anchors, aliases, merge keys, tags, duplicate and complex keys are reported with their
  position; an alias is never expanded, so an alias bomb costs nothing;
- nesting is bounded, and the builder is iterative, so no input can exhaust the stack.

Positions cost time, and only files with problems need them: `read_yaml` records the line
of each event, and `locate` parses a file again to find the position of one value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from .text import shorten

try:  # libyaml's parser; the pure-Python one is ten times slower but behaves the same.
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML wheels ship libyaml on every platform we support
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]  # fallback when libyaml is missing
        def __init__(self, stream: bytes) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


__all__ = ["KEY", "MAX_BYTES", "MAX_DEPTH", "Parsed", "RawProblem", "decode", "locate", "read_yaml", "syntax_hint"]

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 32
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
KEY = "<key>"  # last element of a `locate` path that asks for the key rather than its value

_BOM = b"\xef\xbb\xbf"
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; event files need at most six"
_EXPECT_KEY = object()  # a mapping frame waiting for its next key
_DISCARD = object()  # a key whose value is dropped (duplicate, merge or complex key)


class RawProblem(NamedTuple):
    """A problem found in a file before we know its display path."""

    code: str
    line: int
    col: int
    message: str


@dataclass
class Parsed:
    documents: list[Any] = field(default_factory=list)
    # 1-based line of each top mapping: (doc,) for a document, (doc, i) for an item of a list,
    # (doc, key, i) for an item of a list in a top mapping (a registry's actors).
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[RawProblem] = field(default_factory=list)


def decode(data: bytes) -> tuple[bytes, RawProblem | None]:
    """Check that `data` is UTF-8 without NUL bytes; return it without a BOM."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        # UTF-16 text has NUL bytes; with a byte order mark they come after it.
        utf16 = data[:2].count(b"\x00") or data[:2] in (b"\xff\xfe", b"\xfe\xff")
        hint = " (the file looks like UTF-16: re-save it as UTF-8)" if utf16 else ""
        return data, RawProblem("invalid-encoding", line, col, f"NUL byte in the file{hint}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _byte_position(data, error.start)
        hint = " (the file looks like UTF-16: re-save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        return data, RawProblem("invalid-encoding", line, col, f"the file is not valid UTF-8{hint}")
    return data, None


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


def read_yaml(data: bytes) -> Parsed:
    """Parse UTF-8 `data` (see `decode`) into plain documents, lines and problems."""
    return _Builder(data, None).run()


def locate(data: bytes, paths: list[tuple]) -> list[tuple[int, int]]:
    """1-based (line, col) of the value at each path, or of its key when a path ends with KEY.

    A path starts with the document index. When a path does not exist (a missing field),
    the position of the deepest node on it that does exist is given.
    """
    positions: dict[tuple, tuple[int, int]] = {}
    _Builder(data, positions).run()
    return [_deepest(positions, path) for path in paths]


def _deepest(positions: dict[tuple, tuple[int, int]], path: tuple) -> tuple[int, int]:
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found:
            return found
    return (1, 1)


class _Builder:
    """Turns libyaml events into plain Python values; one instance per parse."""

    def __init__(self, data: bytes, positions: dict[tuple, tuple[int, int]] | None) -> None:
        self.data = data
        self.positions = positions  # None on the fast path
        self.result = Parsed()
        # Frames: [container, pending key (mappings only), start mark, path (positions only)]
        self.stack: list[list] = []

    def run(self) -> Parsed:
        parser = _Parser(self.data)
        try:
            self._consume(parser)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            text = error.problem or "invalid YAML"
            if "maximum nesting depth" in text:
                # libyaml's own limit (1,000 levels): in flow style (`[[[...`) its scanner reads
                # ahead and trips on it before we see level MAX_DEPTH + 1. The same problem.
                self._problem("yaml-too-deep", mark, _TOO_DEEP)
            else:
                hinted = syntax_hint(self.data, mark, text)
                if hinted:
                    line, col, message = hinted
                    self.result.problems.append(RawProblem("yaml-syntax", line, col, f"YAML syntax error: {message}"))
                else:
                    if error.context:
                        text = f"{text} ({error.context})"
                    self._problem("yaml-syntax", mark, f"YAML syntax error: {text}")
            self.result.documents.clear()
        except yaml.reader.ReaderError as error:
            # A character YAML forbids (ESC, C1 controls, U+FFFE...): no mark, but a byte offset.
            # The default message spans lines and names no line; give the position instead.
            line, col = _byte_position(self.data, error.position)
            self.result.problems.append(
                RawProblem(
                    "yaml-syntax",
                    line,
                    col,
                    f"YAML syntax error: character U+{error.character:04X} is not allowed in a YAML file; remove it",
                )
            )
            self.result.documents.clear()
        except yaml.YAMLError as error:  # other errors without a mark
            self.result.problems.append(RawProblem("yaml-syntax", 1, 1, f"YAML error: {error}"))
            self.result.documents.clear()
        except _TooDeep:
            self.result.documents.clear()
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose:
                dispose()
        return self.result

    def _problem(self, code: str, mark: Any, message: str) -> None:
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.result.problems.append(RawProblem(code, line, col, message))

    def _consume(self, parser: Any) -> None:
        get_event = parser.get_event
        stack = self.stack
        scalar, alias = ev.ScalarEvent, ev.AliasEvent
        mapping_start, sequence_start = ev.MappingStartEvent, ev.SequenceStartEvent
        collection_end = (ev.MappingEndEvent, ev.SequenceEndEvent)
        while True:
            event = get_event()
            kind = event.__class__
            if kind is scalar:
                if event.anchor is not None or event.tag not in (None, "!"):
                    self._refuse_decoration(event)
                value = event.value
                plain = not event.style  # libyaml says "" for plain, the Python parser None
                if plain and value in NULLS and not self._expecting_key():
                    value = None
                self._attach(value, event.start_mark, plain=plain)
            elif kind is mapping_start or kind is sequence_start:
                if event.anchor is not None or event.tag not in (None, "!"):
                    self._refuse_decoration(event)
                if len(stack) >= MAX_DEPTH:
                    self._problem("yaml-too-deep", event.start_mark, _TOO_DEEP)
                    raise _TooDeep
                container: Any = {} if kind is mapping_start else []
                path = self._child_path() if self.positions is not None else None
                stack.append([container, _EXPECT_KEY, event.start_mark, path])
            elif kind in collection_end:
                frame = stack.pop()
                self._attach(frame[0], frame[2], plain=False, given_path=frame[3])
            elif kind is alias:
                self._problem(
                    "yaml-anchor",
                    event.start_mark,
                    f"alias `*{shorten(event.anchor)}` refused: event files cannot use anchors and "
                    "aliases; write the value out in full",
                )
                self._attach(None, event.start_mark, plain=False)
            elif kind is ev.StreamEndEvent:
                return

    def _refuse_decoration(self, event: Any) -> None:
        if event.anchor is not None:
            self._problem(
                "yaml-anchor",
                event.start_mark,
                f"anchor `&{shorten(event.anchor)}` refused: event files cannot use anchors and "
                "aliases; write the value out in full",
            )
        if event.tag not in (None, "!"):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            self._problem(
                "yaml-tag",
                event.start_mark,
                f"tag `{shorten(tag)}` refused: event files hold only plain strings, lists "
                "and mappings; remove the tag",
            )

    def _expecting_key(self) -> bool:
        return bool(self.stack) and self.stack[-1][1] is _EXPECT_KEY and self.stack[-1][0].__class__ is dict

    def _child_path(self) -> tuple:
        """Path of the value about to be attached (positions mode only)."""
        if not self.stack:
            return (len(self.result.documents),)
        container, key, _mark, path = self.stack[-1]
        if container.__class__ is list:
            return (*path, len(container))
        return path + ((KEY,) if key is _EXPECT_KEY else (key,))

    def _attach(self, value: Any, mark: Any, plain: bool, given_path: tuple | None = None) -> None:
        stack = self.stack
        path: tuple = ()  # read only in positions mode, where it is set here
        if self.positions is not None:
            path = given_path if given_path is not None else self._child_path()
        if not stack:
            if value.__class__ is dict:
                self.result.lines[(len(self.result.documents),)] = mark.line + 1
            if self.positions is not None:
                self.positions[path] = (mark.line + 1, mark.column + 1)
            self.result.documents.append(value)
            return
        frame = stack[-1]
        container = frame[0]
        if container.__class__ is list:
            if value.__class__ is dict and len(stack) <= 2:
                self._record_item_line(container, mark)
            if self.positions is not None:
                self.positions[path] = (mark.line + 1, mark.column + 1)
            container.append(value)
            return
        key = frame[1]
        if key is _EXPECT_KEY:
            frame[1] = self._accept_key(value, container, mark, plain)
            if self.positions is not None and frame[1] is not _DISCARD:
                self.positions[frame[3] + (frame[1], KEY)] = (mark.line + 1, mark.column + 1)
            return
        if key is not _DISCARD:
            container[key] = value
            if self.positions is not None:
                self.positions[frame[3] + (key,)] = (mark.line + 1, mark.column + 1)
        frame[1] = _EXPECT_KEY

    def _record_item_line(self, container: list, mark: Any) -> None:
        """Line of a mapping in a top list (`- id: ...`) or in a top mapping's list (`actors:`)."""
        document = len(self.result.documents)
        if len(self.stack) == 1:
            self.result.lines[(document, len(container))] = mark.line + 1
        elif self.stack[0][0].__class__ is dict:
            self.result.lines[(document, self.stack[0][1], len(container))] = mark.line + 1

    def _accept_key(self, key: Any, mapping: dict, mark: Any, plain: bool) -> Any:
        if key.__class__ is not str:
            self._problem("complex-key", mark, "a key must be a plain name, not a list or a mapping")
            return _DISCARD
        if key == "<<" and plain:
            self._problem("yaml-merge-key", mark, "merge key `<<` refused: write the keys out in full")
            return _DISCARD
        if key in mapping:
            self._problem(
                "duplicate-key",
                mark,
                f"duplicate key `{shorten(key)}`: this mapping already has it (the first one is "
                "kept); remove one of them",
            )
            return _DISCARD
        return key


# A key at the start of a line (after any `- `), and where its value starts.
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)*)(?P<key>[^\s#'\"\[{][^:#]*?):[ ]+(?P<value>\S)")


def syntax_hint(data: bytes, mark: Any, problem: str) -> tuple[int, int, str] | None:
    """(line, col, message) that says how to fix a common YAML mistake, placed where the fix goes;
    None when the mistake is not one we recognise (libyaml's words are kept then)."""
    if mark is None:
        return None
    lines = data.split(b"\n")
    if mark.line >= len(lines):
        return None
    text = lines[mark.line].decode("utf-8", "replace").rstrip("\r")
    number, column = mark.line + 1, mark.column  # column: 0-based, in characters
    if "\t" in text[: column + 1] and ("tab" in problem or "cannot start any token" in problem):
        tab = text.index("\t")
        return number, tab + 1, "a tab character; YAML indents with spaces only: replace the tab with spaces"
    key_line = _KEY_LINE.match(text)
    if "mapping values are not allowed" in problem and key_line:
        value_col = key_line.start("value")
        key = key_line.group("key").strip()
        if value_col <= column:
            value = text[value_col:].strip()
            start = value[: value.find(": ") + 1] if len(value) > 40 else value  # enough to show the colon
            quoted = start.replace("\\", "\\\\").replace('"', '\\"') + (" …" if start != value else "")
            return (
                number,
                value_col + 1,
                f"the value of `{shorten(key)}` contains `: `, which YAML reads as a "
                f'new key: put the value in double quotes (`{shorten(key)}: "{shorten(quoted, 50)}"`)',
            )
        return (
            number,
            len(key_line.group("indent")) + 1,
            f"`{shorten(key)}` is indented more than the line "
            "above: align it with the other keys of its mapping (or, to continue the text above, quote it)",
        )
    if column > 0 and column <= len(text) and text[column - 1] == "'" and "'" in text[: column - 1]:
        return (
            number,
            column,
            "an apostrophe inside single quotes ends the text: double it (`''`), or put the value in double quotes",
        )
    if "expected key" in problem or "expected '-' indicator" in problem or "expected <block end>" in problem:
        start = len(text) - len(text.lstrip(" "))
        return (
            number,
            start + 1,
            f"bad indentation: this line (column {start + 1}) does not line up with the "
            "keys above it; the keys of one mapping, and the `-` of one list, start in the same column",
        )
    return None


class _TooDeep(Exception):
    pass
