"""Turn pydantic validation errors into problem codes and messages.

Messages name the field and say how to fix it; they never echo the whole input value
(a token in a stray file must not end up in a CI log), only short snippets of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .models import FIELDS
from .text import shorten, slugify, suggest
from .yamlread import KEY

__all__ = ["translate"]

_SLUG_FIELDS = {"id", "controversy", "tags", "role", "event"}
_DATE_FIELDS = {"date", "accessed"}


def translate(error: Mapping[str, Any], schema: str) -> tuple[str, tuple, str]:
    """(code, path inside the item, message) for one pydantic error of `schema` (event or registry)."""
    loc: tuple = tuple(error["loc"])
    kind = error["type"]
    field = _field_name(loc)
    where = _dotted(loc)
    if kind == "missing":
        return "missing-field", loc[:-1], f"missing required field `{loc[-1]}`{_in(loc[:-1])}"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        valid = FIELDS[schema].get(_field_name(loc[:-1]), ())
        hint = suggest(name, list(valid)) or f" (valid fields: {', '.join(valid)})"
        return "unknown-field", (*loc, KEY), f"unknown field `{shorten(name)}`{_in(loc[:-1])}{hint}"
    if kind == "value_error":
        reason = str(error["ctx"]["error"]) if error.get("ctx") else error["msg"]
        if field in _DATE_FIELDS:
            return "invalid-date", loc, f"`{where}`: `{shorten(error.get('input'))}` is not a valid date: {reason}"
        if field in ("url", "archive_url"):
            return "invalid-url", loc, f"`{where}`: {reason}"
        return "invalid-value", loc, f"`{where}` {reason}"
    if kind == "string_pattern_mismatch":
        if field in _SLUG_FIELDS or field == "affiliations":
            given = error.get("input")
            slug = slugify(given)[:80].strip("-") if isinstance(given, str) else ""
            hint = f": write `{shorten(slug)}`" if slug else " (`eo-13768`)"
            return (
                "invalid-id",
                loc,
                f"`{where}` must be a slug, lowercase letters and digits in words joined by single hyphens{hint}",
            )
        return "invalid-value", loc, f"`{where}` must be a two-letter country code in capitals (`US`, `GB`)"
    if kind == "string_too_long":
        limit = error["ctx"]["max_length"]
        code = "invalid-id" if field in _SLUG_FIELDS else "invalid-value"
        return code, loc, f"`{where}` is longer than {limit} characters"
    if kind == "string_too_short":
        return "invalid-value", loc, f"`{where}` is empty"
    if kind == "literal_error":
        allowed = [a.strip("'") for a in error["ctx"]["expected"].replace(" or ", ", ").split(", ")]
        given = error.get("input")
        hint = suggest(given, allowed) if isinstance(given, str) else ""
        return "invalid-value", loc, f"`{where}` must be one of: {', '.join(allowed)}{hint}"
    expected = _EXPECTED.get(kind)
    if expected:
        return "invalid-value", loc, f"`{where}` must be {expected}, not {_describe(error.get('input'))}"
    return "invalid-value", loc, f"`{where}`: {error['msg']}"


_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "typed_dict_type": "a mapping",
}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"text `{shorten(value)}`"


def _field_name(loc: tuple) -> str:
    """The last field name on a path (`sources[2].url` -> `url`), "" at the top."""
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _dotted(loc: tuple) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _in(loc: tuple) -> str:
    return f" in `{_dotted(loc)}`" if loc else ""
