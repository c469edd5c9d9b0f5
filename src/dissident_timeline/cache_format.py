"""How cache entries are encoded, and the checks that turn any bytes into a result or a miss.

Whoever can write the cache directory (a CI cache restored from another branch, a shared
home) chooses the bytes this module decodes. So entries are JSON, read by the standard
library's C decoder, which is safe on any input (`marshal`, used before, is documented as
unsafe for data someone else could have written), and every decoded value is checked
against the exact shape the tool writes: an entry with a wrong type, a missing or extra
key, or a problem code not in the catalog is a miss, never a crash further on. What such
checks cannot tell is whether a well-formed entry is true: see docs/security.md.
"""

from __future__ import annotations

import json
from typing import Any

from .loader import Analysis
from .problems import CATALOG, Problem
from .yamlread import RawProblem

__all__ = ["decode_analysis", "decode_problems", "encode", "encode_analysis", "trusted_analysis"]


class _Optional:
    """A value of `shape`, or None."""

    def __init__(self, shape: Any) -> None:
        self.shape = shape


class _Record:
    """A mapping with exactly these required keys, and maybe these optional ones."""

    def __init__(self, required: dict[str, Any], optional: dict[str, Any] | None = None) -> None:
        self.required, self.optional = required, optional or {}


class _Tuple:
    """A list of fixed length, item by item of these shapes."""

    def __init__(self, *shapes: Any) -> None:
        self.shapes = shapes


class _Either:
    """A value of one of these scalar types (list addresses mix indices and keys)."""

    def __init__(self, *types: type) -> None:
        self.types = types


_ADDRESS = [_Either(int, str)]
_SORT_KEY = _Tuple([int], [int])  # (start key, end key): see `dates.PartialDate`
_SOURCE = _Record(
    {"title": str}, dict.fromkeys(("outlet", "date", "url", "archive_url", "accessed", "lang", "page", "quote"), str)
)
_RELATION = _Record({"type": str, "event": str})
_EVENT = _Record(
    {  # as `loader.analyse` returns it
        "id": str,
        "date": str,
        "start": _Optional(str),
        "end": _Optional(str),
        "precision": str,
        "start_time": _Optional(str),
        "end_time": _Optional(str),
        "start_bound": str,
        "end_bound": str,
        "sort_key": _SORT_KEY,
        "approximate": bool,
        "uncertain": bool,
        "kind": str,
        "title": str,
        "summary": _Optional(str),
        "controversy": _Optional(str),
        "registers": [str],
        "tags": [str],
        "place": _Optional(str),
        "sources": [_SOURCE],
        "relations": [_RELATION],
        "alternative_dates": [_Record({"date": str}, {"note": str, "source": _SOURCE})],
        "legal": _Optional(_Record({}, dict.fromkeys(("case", "court", "docket", "outcome"), str))),
        "quotes": [_Record({"text": str}, {"speaker": str, "lang": str})],
        "actors": [_Record({"actor": str, "role": _Optional(str)})],
        "line": int,
        "address": _ADDRESS,
    }
)
_ACTOR = _Record(
    {
        "id": str,
        "name": str,
        "type": str,
        "aliases": [str],
        "affiliations": [str],
        "country": _Optional(str),
        "line": int,
        "address": _ADDRESS,
    }
)
_PARTIAL = _Record(
    {
        "id": _Optional(str),
        "actors": [_Optional(_Record({"actor": str, "role": _Optional(str)}))],
        "relations": [_Optional(_RELATION)],
        "quotes": [_Optional(_Record({"speaker": str}))],
        "cites": bool,
        "date": _Optional(str),
        "start": _Optional(str),
        "end": _Optional(str),
        "sort_key": _Optional(_SORT_KEY),
        "sources": [_Record({}, {"date": str})],
        "line": int,
        "address": _ADDRESS,
    }
)
_ANALYSIS = _Record(
    {"events": [_EVENT], "actors": [_ACTOR], "partial": [_PARTIAL], "problems": [_Tuple(str, int, int, str)]}
)
_PROBLEM = _Tuple(str, int, int, str, str, str)  # path, line, col, severity, code, message
_RUN = _Record({"problems": [_PROBLEM], "counterparts": [_Tuple(str, int, int, str, str, str, str)]})


def encode(value: Any) -> bytes:
    """JSON with the C encoder (no indent: an indent switches `json` to pure Python)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def encode_analysis(analysis: Analysis) -> bytes:
    return encode(analysis.to_json())


def trusted_analysis(body: bytes) -> Analysis:
    """An analysis this run encoded itself (in a worker process): not checked again."""
    return _with_tuples(Analysis.from_json(json.loads(body.decode("utf-8", "surrogatepass"))))


def decode_analysis(body: bytes) -> Analysis | None:
    """The per-file analysis in `body`, or None (a miss) unless it is well formed."""
    data = _load(body)
    if not _fits(data, _ANALYSIS) or not all(_known(code) for code, *_rest in data["problems"]):
        return None
    return _with_tuples(
        Analysis(data["events"], data["actors"], [RawProblem(*p) for p in data["problems"]], data["partial"])
    )


def _with_tuples(analysis: Analysis) -> Analysis:
    """JSON has no tuples: sort keys come back as lists, which neither hash nor compare with tuples."""
    for record in analysis.events + analysis.partial:
        if record["sort_key"] is not None:
            start, end = record["sort_key"]
            record["sort_key"] = (tuple(start), tuple(end))
    return analysis


def decode_problems(body: bytes) -> tuple[list[Problem], list[tuple[Problem, str]]] | None:
    """The problems of a whole run in `body` and their counterparts, or None unless well formed."""
    data = _load(body)
    if not _fits(data, _RUN):
        return None
    rows = data["problems"] + [row[:6] for row in data["counterparts"]]
    if not all(
        _known(code) and CATALOG[code].severity == severity for _path, _line, _col, severity, code, _message in rows
    ):
        return None
    return (
        [Problem(*fields) for fields in data["problems"]],
        [(Problem(*row[:6]), row[6]) for row in data["counterparts"]],
    )


def _load(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None


def _known(code: Any) -> bool:
    return isinstance(code, str) and code in CATALOG


def _fits(value: Any, shape: Any) -> bool:
    """Whether `value` is exactly of `shape`: a type, a one-item list (a list of that shape), or
    one of the classes above."""
    if isinstance(shape, type):
        return type(value) is shape  # not isinstance: True is an int, and must not pass for a line
    if isinstance(shape, list):
        return type(value) is list and all(_fits(item, shape[0]) for item in value)
    if isinstance(shape, _Optional):
        return value is None or _fits(value, shape.shape)
    if isinstance(shape, _Tuple):
        return (
            type(value) is list
            and len(value) == len(shape.shapes)
            and all(_fits(item, part) for item, part in zip(value, shape.shapes, strict=True))
        )
    if isinstance(shape, _Either):
        return type(value) in shape.types
    if type(value) is not dict:
        return False
    required, optional = shape.required, shape.optional
    for key, item in value.items():
        expected = required.get(key) or optional.get(key)
        if expected is None or not _fits(item, expected):
            return False
    return all(key in value for key in required)
