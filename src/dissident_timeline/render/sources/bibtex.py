"""`sources --format bibtex`: entries for LaTeX (BibTeX, biblatex) and reference managers.

A source with an outlet is an `@article` (the outlet as `journal`), anything else `@misc`.
Author text is data: every TeX special character (`{ } \\ % & $ # _ ^ ~`) is written as a
TeX command, so that a title can neither end its field nor run TeX; braces are never
written raw, because BibTeX counts braces without regard to backslashes. UTF-8 is kept
(biber and modern BibTeX read it). URLs are verbatim fields in biblatex and hyperref
(`\\url`): they keep `%`, `#`, `_`, `&` and `~` as written, and only the characters that could
unbalance the field (braces, backslash, which a valid URL never holds raw) are
percent-encoded. `date` carries the EDTF date for biblatex; `year` and `month` what BibTeX
knows.
"""

from __future__ import annotations

import re
from typing import Any

from ...bibliography import Entry, source_year

_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_SPECIAL = re.compile("|".join(re.escape(char) for char in _TEX_SPECIALS))
_URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = re.compile(r"-?\d{4}-(\d\d)")


def render(entries: list[Entry], **_options: Any) -> str:
    return "\n".join(entry_text(entry) for entry in entries)


def entry_text(entry: Entry) -> str:
    source = entry.source
    fields: list[tuple[str, str]] = [("title", _braced(source["title"]))]
    if source.get("outlet"):
        fields.append(("journal", _braced(source["outlet"])))
    year = source_year(source)
    if year:
        fields.append(("year", _braced(year)))
        month = _MONTH.match(source["date"])
        if month and 1 <= int(month.group(1)) <= 12:
            fields.append(("month", _MONTHS[int(month.group(1)) - 1]))  # BibTeX's month macro, unbraced
    if source.get("date"):
        fields.append(("date", _braced(source["date"])))
    if source.get("url"):
        fields.append(("url", "{" + _url(source["url"]) + "}"))
    if source.get("accessed"):
        fields.append(("urldate", _braced(source["accessed"])))
    if source.get("archive_url"):
        fields.append(("note", _braced(f"Archived at {source['archive_url']}")))  # a TeX field: escaped
    if source.get("lang"):
        fields.append(("language", _braced(source["lang"])))
    if len(entry.pages) == 1:
        fields.append(("pages", _braced(entry.pages[0])))
    kind = "article" if source.get("outlet") else "misc"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{entry.key},\n{body}\n}}\n"


def escape(text: str) -> str:
    """Text with every TeX special written as a command, on one line."""
    return _SPECIAL.sub(lambda match: _TEX_SPECIALS[match.group()], " ".join(text.split()))


def _braced(text: str) -> str:
    return "{" + escape(text) + "}"


def _url(url: str) -> str:
    return "".join(_URL_UNSAFE.get(char, char) for char in url)
