"""Make untrusted text inert for terminals and logs.

Event files are written by strangers: a title may hold ESC sequences that clear a screen or
write the clipboard (OSC 52), C1 controls such as CSI (`\\x9b`), or bidi overrides that
reorder what a reviewer reads. `visible` shows every such character as an escape
(`\\u001b`); a tab becomes a space. `json_visible` does the same to JSON text with JSON's
own escapes, so that the decoded values stay exactly what the files hold.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["json_visible", "visible"]

# Controls, format characters (bidi, zero-width...), surrogates, line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))
_NOT_ASCII_TEXT = re.compile(r"[^\n\x20-\x7e]")


def visible(text: str) -> str:
    """`text` with every control, format, surrogate or separator character written as `\\uXXXX`."""
    if text.isprintable():  # the common case, in C
        return text
    return "".join(_escape(char) for char in text.replace("\t", " "))


def _escape(char: str) -> str:
    if unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def json_visible(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every hidden character as a
    JSON escape.

    `json.dumps` escapes only C0 controls: C1 controls (CSI `\\x9b`) and bidi overrides would
    reach a terminal raw, and a lone surrogate (an undecodable file name) would make writing
    the text fail. Outside strings, JSON text is ASCII, so only string contents change.
    """
    if text.replace("\n", "").isprintable():  # the common case, in C
        return text
    return _NOT_ASCII_TEXT.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    code = ord(char)
    if code > 0xFFFF:  # JSON spells it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
