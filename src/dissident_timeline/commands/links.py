"""`timeline links`: check that every source URL and archive URL still answers."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from ..options import NoCacheOpt, PathsArg, with_filters, with_format
from ..render.links import LINK_FORMATS

WAYBACK_AVAILABILITY = "https://archive.org/wayback/available"

TimeoutOpt = Annotated[
    float, typer.Option("--timeout", min=0.001, metavar="SECONDS", help="Seconds to wait for each answer.")
]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", min=1, metavar="N", help="URLs checked at once.")]
PerHostOpt = Annotated[int, typer.Option("--per-host", min=1, metavar="N", help="Requests at once to one host.")]
DelayOpt = Annotated[
    float,
    typer.Option("--delay", min=0, metavar="SECONDS", help="Pause between the starts of two requests to one host."),
]
RetriesOpt = Annotated[
    int,
    typer.Option(
        "--retries", min=0, metavar="N", help="Further attempts after a timeout, a connection error, 429 or 5xx."
    ),
]
MaxAgeOpt = Annotated[
    float,
    typer.Option(
        "--max-age", min=0, metavar="DAYS", help="Check again only results older than DAYS (0: check everything)."
    ),
]
ArchiveOpt = Annotated[
    bool,
    typer.Option(
        "--archive",
        help="Look up an archived copy of each dead link (the Wayback Machine) and print it as the archive_url to add.",
    ),
]
ArchiveApiOpt = Annotated[
    str, typer.Option("--archive-api", metavar="URL", help="The availability API to ask for archived copies.")
]


@with_filters
@with_format(LINK_FORMATS, "text")
def run(
    paths: PathsArg = None,
    timeout: TimeoutOpt = 10.0,
    concurrency: ConcurrencyOpt = 16,
    per_host: PerHostOpt = 2,
    delay: DelayOpt = 0.25,
    retries: RetriesOpt = 2,
    max_age: MaxAgeOpt = 7.0,
    archive: ArchiveOpt = False,
    archive_api: ArchiveApiOpt = WAYBACK_AVAILABILITY,
    no_cache: NoCacheOpt = False,
    *,
    format: str,
    options: dict[str, bool],
    query: Any,
) -> None:
    """Check every source URL and archive URL; exit 1 when one is dead and has no archived copy."""
    import sys

    from ..linkcheck import Policy, check_urls, find_snapshots
    from ..links import failing, link_uses, place, snapshot_timestamp
    from ..render.links import Report, render_links, summary
    from .common import fail_usage, selected, write

    if not archive_api.startswith(("http://", "https://")):
        fail_usage(f"--archive-api must be an http:// or https:// URL, not `{archive_api}`")
    _corpus, events = selected(paths, query, no_cache)
    uses = link_uses(events)
    policy = Policy(timeout=timeout, concurrency=concurrency, per_host=per_host, delay=delay, retries=retries)
    results, checked = _results(sorted(uses), policy, max_age, use_cache=not no_cache, check=check_urls)
    failures = [url for url, result in results.items() if failing(result, uses[url])]
    suggestions: dict[str, str] = {}
    if archive:
        dead = [url for url in failures if any(use.name == "url" for use in uses[url])]
        suggestions = find_snapshots([(url, snapshot_timestamp(uses[url])) for url in dead], archive_api, policy)
    to_show = [use for url, result in results.items() if result.status != "ok" for use in uses[url]]
    report = Report(results, uses, place(to_show), suggestions)
    write(sys.stdout, render_links(format, report))
    if format == "text":
        write(sys.stderr, summary(report, checked))
    raise typer.Exit(1 if failures else 0)


def _results(urls: list[str], policy: Any, max_age: float, use_cache: bool, check: Any) -> tuple[dict, int]:
    """Every URL's result: from the cache when younger than `max_age` days, else checked now
    (and stored). Also how many were checked now."""
    from ..linkcache import LinkCache

    cache = LinkCache() if use_cache else None
    try:
        results = cache.fresh(urls, max_age) if cache else {}
        due = [url for url in urls if url not in results]
        fresh = _with_progress(due, lambda done: check(due, policy, done))
        if cache:
            cache.store(list(fresh.values()))
        results.update(fresh)
        return {url: results[url] for url in urls}, len(due)
    finally:
        if cache:
            cache.close()


def _with_progress(due: list[str], run: Any) -> Any:
    """`run(done)`, with a progress bar on stderr when it is a terminal (real sites take minutes)."""
    import os
    import sys

    if not due or not sys.stderr.isatty() or os.environ.get("CI"):
        return run(None)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Checking links", total=len(due))
        return run(lambda _result: bar.advance(task))
