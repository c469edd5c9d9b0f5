"""Make untrusted text inert for terminals and logs.

Event files are written by strangers: a title may hold ESC sequences that clear a screen or
write the clipboard (OSC 52), C1 controls such as CSI (`\\x9b`), or bidi overrides that
reorder what a reviewer reads. `visible` shows every such character as an escape
(`\\u001b`); a tab becomes a space.
"""

from __future__ import annotations

import unicodedata

__all__ = ["visible"]

# Controls, format characters (bidi, zero-width...), surrogates, line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset(("Cc", "Cf", "Cs", "Zl", "Zp"))


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
