"""How `timeline check` prints problems: one function per `--format`, in a registry.

Problem messages can quote file content, so every reporter makes control and format
characters visible before printing: data can neither drive the terminal nor forge a
GitHub workflow command.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .safe import json_visible, visible

if TYPE_CHECKING:  # not at run time: the catalog imports every check, and `--help` needs none
    from .problems import Problem

__all__ = ["REPORTERS", "Reporter"]


@dataclass(frozen=True)
class Reporter:
    name: str  # the `--format` value
    help: str
    report: Callable[[list[Problem]], str]


def text(problems: list[Problem]) -> str:
    return "".join(
        f"{visible(p.path)}:{p.line}:{p.col}: {p.severity}: {visible(p.message)} [{p.code}]\n" for p in problems
    )


def github(problems: list[Problem]) -> str:
    return "".join(
        f"::{p.severity} file={_property(p.path)},line={p.line},col={p.col},title={p.code}::{_data(p.message)}\n"
        for p in problems
    )


def as_json(problems: list[Problem]) -> str:
    items = [
        {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity, "code": p.code, "message": p.message}
        for p in problems
    ]
    return json_visible(json.dumps(items, ensure_ascii=False, indent=2)) + "\n"


def _data(message: str) -> str:
    # GitHub's escaping for workflow command data; `visible` has already removed raw newlines.
    return visible(message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


REPORTERS: dict[str, Reporter] = {
    r.name: r
    for r in (
        Reporter("text", "PATH:LINE:COL: SEVERITY: MESSAGE [CODE]", text),
        Reporter("github", "GitHub Actions annotations", github),
        Reporter("json", "a list of problems, for programs", as_json),
    )
}
