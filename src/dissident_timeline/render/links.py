"""How `timeline links` prints its results: `text`, `github` and `json`, in `LINK_FORMATS`.

Text and GitHub annotations name each place a failing or redirected URL is written
(`PATH:LINE:COL`); JSON lists every URL once (SPEC: `{"links": [...]}`). URLs and messages
come from event files and servers: they are made visible (no control characters) and, for
GitHub, escaped so that they cannot forge a workflow command.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..safe import visible
from . import Format

if TYPE_CHECKING:  # not at run time: `timeline --help` must not import the HTTP client
    from ..linkcheck import LinkResult
    from ..links import Use

__all__ = ["LINK_FORMATS", "Report", "render_links"]

LINK_FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "PATH:LINE:COL: SEVERITY: MESSAGE [STATUS], for each dead or redirected link"),
        Format("github", "GitHub Actions annotations at the line of each dead or redirected link"),
        Format("json", "every link with its status, for programs"),
    )
}


@dataclass(frozen=True)
class Report:
    results: dict[str, LinkResult]  # by URL
    uses: dict[str, list[Use]]  # by URL, in corpus order
    positions: dict[Use, tuple[int, int]]
    suggestions: dict[str, str]  # URL -> archived snapshot found by --archive


@dataclass(frozen=True, order=True)
class Line:
    path: str
    line: int
    col: int
    severity: str  # error, warning or notice
    status: str
    message: str


def render_links(format_name: str, report: Report) -> str:
    if format_name == "json":
        return _json(report)
    lines = sorted(_lines(report))
    if format_name == "github":
        return "".join(
            f"::{item.severity} file={_property(item.path)},line={item.line},col={item.col},"
            f"title={item.status} link::{_data(item.message)}\n"
            for item in lines
        )
    return "".join(
        f"{visible(item.path)}:{item.line}:{item.col}: {item.severity}: {visible(item.message)} [{item.status}]\n"
        for item in lines
    )


def summary(report: Report, checked: int) -> str:
    counts = {status: 0 for status in ("ok", "redirected", "broken", "unreachable")}
    for result in report.results.values():
        counts[result.status] += 1
    total = len(report.results)
    cached = total - checked
    return (
        f"{total} link{'s' if total != 1 else ''}: "
        + ", ".join(f"{n} {status}" for status, n in counts.items())
        + f" ({checked} checked now, {cached} from the cache)\n"
    )


def _lines(report: Report) -> list[Line]:
    lines = []
    for url, result in report.results.items():
        if result.status == "ok":
            continue
        uses = report.uses[url]
        for use in uses:
            line, col = report.positions.get(use, (use.line, 1))
            severity, message = _judgement(result, use, report.suggestions.get(url))
            lines.append(Line(use.file, line, col, severity, result.status, message))
    return lines


def _judgement(result: LinkResult, use: Use, suggestion: str | None) -> tuple[str, str]:
    if result.status == "redirected":
        return "notice", f"{result.url} redirects to {result.final_url}; cite the final URL"
    why = result.error or (f"HTTP {result.http_status}" if result.http_status else result.status)
    what = f"{result.url} is {result.status} ({why})"
    if use.name == "archive_url":
        return "error", f"archive_url {what}; find another archived copy"
    if use.has_archive:
        return "warning", f"{what}; its archive_url stands in"
    hint = (
        f"; add `archive_url: {suggestion}`"
        if suggestion
        else "; add an archive_url (`timeline links --archive` looks one up)"
    )
    return "error", what + hint


def _json(report: Report) -> str:
    from .json import dumps

    links: list[dict[str, Any]] = []
    for url in sorted(report.results):
        result = report.results[url]
        events = list(dict.fromkeys(use.event_id for use in report.uses[url]))  # unique, in corpus order
        links.append(
            {
                "url": url,
                "status": result.status,
                "http_status": result.http_status,
                "final_url": result.final_url,
                "error": result.error,
                "events": events,
                "checked_at": result.checked_at,
                "archive_suggestion": report.suggestions.get(url),
            }
        )
    return dumps({"links": links})


def _data(message: str) -> str:
    return visible(message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
