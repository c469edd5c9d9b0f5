"""`sources --format csl-json`: the Citation Style Language's JSON, read by Zotero, citeproc
(citeproc-js, citeproc-py), pandoc and most reference managers.

A press article (a source with an outlet) is an `article-newspaper` whose outlet is the
`container-title`; a source with a URL and no outlet is a `webpage`; anything else a
`document`. Dates keep the precision written: `2017-04` becomes `date-parts [[2017, 4]]`,
never a made-up first day; a season gets CSL's `season`, an approximate date `circa`, and
what CSL cannot express as numbers (`198X`) is a `literal` as a person reads it.
"""

from __future__ import annotations

import re
from typing import Any

from ...bibliography import Entry
from ..humane import human_date
from ..json import dumps

_SINGLE = re.compile(r"(?P<year>-?\d{4,})(?:-(?P<month>\d\d))?(?:-(?P<day>\d\d))?(?:T[^~?%]*)?(?P<q>[~?%])?")
_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4}  # EDTF spring..winter -> CSL season 1..4


def render(entries: list[Entry], **_options: Any) -> str:
    return dumps([item(entry) for entry in entries])


def item(entry: Entry) -> dict[str, Any]:
    source = entry.source
    kind = "article-newspaper" if source.get("outlet") else "webpage" if source.get("url") else "document"
    fields: dict[str, Any] = {"id": entry.key, "type": kind, "title": source["title"]}
    if source.get("outlet"):
        fields["container-title"] = source["outlet"]
    for name, value in (("issued", source.get("date")), ("accessed", source.get("accessed"))):
        if value:
            fields[name] = csl_date(value)
    if source.get("url"):
        fields["URL"] = source["url"]
    if source.get("archive_url"):
        fields["note"] = f"Archived at {source['archive_url']}"  # CSL has no field for an archived copy
    if source.get("lang"):
        fields["language"] = source["lang"]
    if len(entry.pages) == 1:  # different pages cited by different events belong to the citations, not the source
        fields["page"] = entry.pages[0]
    return fields


def csl_date(text: str) -> dict[str, Any]:
    """A CSL date for an EDTF date, with only the parts written."""
    if "/" in text:
        found = [_single(part) for part in text.split("/", 1) if part not in ("", "..")]
        ends = [end for end in found if end is not None]
        if not ends or len(ends) < len(found):
            return {"literal": human_date(text)}
        result: dict[str, Any] = {"date-parts": [parts for parts, _extra in ends]}
        if any(extra.get("circa") for _parts, extra in ends):
            result["circa"] = True
        return result
    single = _single(text)
    if single is None:
        return {"literal": human_date(text)}
    parts, extra = single
    return {"date-parts": [parts], **extra}


def _single(text: str) -> tuple[list[int], dict[str, Any]] | None:
    """(date-parts, extra fields) of a single date, or None when it has unspecified digits."""
    match = _SINGLE.fullmatch(text)
    if not match:
        return None
    year = int(match["year"])
    extra: dict[str, Any] = {}
    if match["q"] in ("~", "%"):
        extra["circa"] = True
    parts = [year if year > 0 else year - 1]  # EDTF counts year 0 (1 BC); CSL's negative years are BC
    month = int(match["month"]) if match["month"] else None
    if month in _SEASONS:
        extra["season"] = _SEASONS[month]
    elif month:
        parts.append(month)
        if match["day"]:
            parts.append(int(match["day"]))
    return parts, extra
