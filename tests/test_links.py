"""`timeline links` against a real local server (tests/linkserver.py): every case classed in
one run, positions, exit codes, the cache, politeness, and `--archive`. No test touches the
network: every URL is on 127.0.0.1.
"""

from __future__ import annotations

import itertools
import json
import socket
import ssl
import time
from pathlib import Path

import httpx
import pytest

from dissident_timeline.linkcheck import Policy, _connect_failure, check_urls

from .conftest import run
from .linkserver import Server, closed_port, self_signed_context

FAST = ["--timeout", "0.5", "--retries", "1", "--delay", "0", "--per-host", "8", "--concurrency", "8"]


@pytest.fixture(scope="module")
def server():
    with Server() as started:
        started.state.slow = 2.0
        yield started


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory):
    context = self_signed_context(tmp_path_factory.mktemp("tls"))
    if context is None:
        pytest.skip("openssl is not installed: no self-signed certificate for the bad-TLS case")
    with Server(tls=context) as started:
        yield started


def _corpus(directory: Path, urls: list[str], archive: dict[str, str] | None = None, accessed: str = "") -> Path:
    """One event per URL, in one file: event `e<i>`'s source URL is on line 7 + 8*i, column 10."""
    archive = archive or {}
    lines = []
    for number, url in enumerate(urls):
        lines += [
            f"- id: e{number}",
            '  date: "2017-01-01"',
            "  kind: report",
            f"  title: Event {number}",
            "  sources:",
            f"    - title: Article {number}",
            f"      url: {url}",
            f"      archive_url: {archive[url]}" if url in archive else "      lang: en",
        ]
        if accessed:
            lines.append(f"      accessed: {accessed}")
    (directory / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _links(*args: str) -> tuple[int, dict[str, dict], str]:
    result = run("links", *args, "--format", "json", *FAST)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, {link["url"]: link for link in json.loads(result.stdout)["links"]}, result.stderr


def test_every_case_classed_in_one_run(server: Server, tls_server: Server, tmp_path: Path) -> None:
    refused = f"http://127.0.0.1:{closed_port()}/gone"
    cases = {
        server.url("/ok"): ("ok", 200, None),
        server.url("/head-refused"): ("ok", 200, None),
        server.url("/chain/3"): ("redirected", 200, server.url("/chain/0")),
        server.url("/loop-a"): ("broken", 302, server.url("/loop-a")),
        server.url("/status/404"): ("broken", 404, None),
        server.url("/status/410"): ("broken", 410, None),
        server.url("/status/500"): ("broken", 500, None),
        server.url("/slow"): ("unreachable", None, None),
        server.url("/huge"): ("ok", 200, None),
        server.url("/flaky"): ("ok", 200, None),
        refused: ("unreachable", None, None),
        tls_server.url("/ok"): ("unreachable", None, None),
    }
    started = time.monotonic()
    code, links, _stderr = _links(str(_corpus(tmp_path, list(cases))), "--max-age", "0")
    assert time.monotonic() - started < 30
    assert code == 1
    assert {url: (link["status"], link["http_status"], link["final_url"]) for url, link in links.items()} == cases
    assert links[server.url("/loop-a")]["error"].startswith("redirect loop")
    assert links[server.url("/status/410")]["error"] == "HTTP 410 Gone"
    assert links[server.url("/slow")]["error"] == "no answer within 0.5 s"
    assert links[refused]["error"] == "connection refused"
    assert links[tls_server.url("/ok")]["error"].startswith("TLS certificate not valid")
    assert links[server.url("/ok")]["events"] == ["e0"]
    assert all(link["checked_at"].endswith("Z") and link["archive_suggestion"] is None for link in links.values())
    seen = server.state.seen
    assert [method for method, _agent in seen["/head-refused"]] == ["HEAD", "GET"]
    assert [method for method, _agent in seen["/flaky"]] == ["HEAD", "GET", "GET"]  # 503 to both, retried
    assert all(agent.startswith("dissident-timeline/") for requests in seen.values() for _m, agent in requests)


def test_a_huge_body_is_not_downloaded(server: Server) -> None:
    """GET reads the headers and hangs up: far less than the announced gigabyte is ever sent."""
    started = time.monotonic()
    result = check_urls([server.url("/huge")], Policy(timeout=5, retries=0, delay=0))[server.url("/huge")]
    assert result.status == "ok"
    assert time.monotonic() - started < 3
    time.sleep(0.2)
    assert server.state.huge_sent < 64 * 1024 * 1024


def test_text_and_github_point_at_the_url(server: Server, tmp_path: Path) -> None:
    urls = [server.url("/ok"), server.url("/status/404"), server.url("/chain/1")]
    corpus = str(_corpus(tmp_path, urls))
    text = run("links", corpus, *FAST)
    assert text.returncode == 1
    path = str(tmp_path / "events.yaml")
    assert text.stdout.splitlines() == [
        f"{path}:15:12: error: {urls[1]} is broken (HTTP 404 Not Found); add an archive_url "
        "(`timeline links --archive` looks one up) [broken]",
        f"{path}:23:12: notice: {urls[2]} redirects to {server.url('/chain/0')}; cite the final URL [redirected]",
    ]
    assert text.stderr == "3 links: 1 ok, 1 redirected, 1 broken, 0 unreachable (3 checked now, 0 from the cache)\n"
    github = run("links", corpus, "--format", "github", *FAST)
    assert github.stdout.splitlines()[0] == (
        f"::error file={path},line=15,col=12,title=broken link::{urls[1]} is broken (HTTP 404 Not Found); "
        "add an archive_url (`timeline links --archive` looks one up)"
    )


def test_an_archive_url_keeps_the_run_green(server: Server, tmp_path: Path) -> None:
    """A dead link whose source keeps an archived copy is a warning; a dead archive_url an error."""
    dead, archived = server.url("/status/404"), server.url("/ok")
    corpus = str(_corpus(tmp_path, [dead], {dead: archived}))
    result = run("links", corpus, *FAST)
    assert result.returncode == 0, result.stdout
    assert "warning:" in result.stdout and "its archive_url stands in" in result.stdout
    (tmp_path / "dead-archive").mkdir()
    corpus = str(_corpus(tmp_path / "dead-archive", [archived], {archived: server.url("/status/410")}))
    result = run("links", corpus, *FAST)
    assert result.returncode == 1
    assert "archive_url " + server.url("/status/410") + " is broken" in result.stdout


def test_archive_suggests_the_snapshot_and_edits_nothing(server: Server, tmp_path: Path) -> None:
    dead, unknown = server.url("/status/404"), server.url("/status/410")
    snapshot = "https://web.archive.org/web/20170426000000/" + dead
    server.state.snapshots[dead] = snapshot
    corpus = _corpus(tmp_path, [dead, unknown], accessed="2017-04-26")
    before = (corpus / "events.yaml").read_bytes()
    code, links, _stderr = _links(str(corpus), "--archive", "--archive-api", server.url("/wayback/available"))
    assert code == 1
    assert links[dead]["archive_suggestion"] == snapshot
    assert links[unknown]["archive_suggestion"] is None
    assert (dead, "20170426") in server.state.lookups
    text = run("links", str(corpus), "--archive", "--archive-api", server.url("/wayback/available"), *FAST)
    assert f"add `archive_url: {snapshot}`" in text.stdout
    assert (corpus / "events.yaml").read_bytes() == before


def test_results_are_cached_until_max_age(server: Server, tmp_path: Path) -> None:
    url = server.url("/status/500")
    corpus = str(_corpus(tmp_path, [url]))
    asked = len(server.state.seen["/status/500"])
    first = run("links", corpus, *FAST)
    after_first = len(server.state.seen["/status/500"])
    assert after_first > asked and "(1 checked now, 0 from the cache)" in first.stderr
    second = run("links", corpus, *FAST)
    assert len(server.state.seen["/status/500"]) == after_first  # served from the cache
    assert second.stdout == first.stdout and second.returncode == first.returncode == 1
    assert "(0 checked now, 1 from the cache)" in second.stderr
    run("links", corpus, "--max-age", "0", *FAST)
    assert len(server.state.seen["/status/500"]) > after_first


def test_per_host_limit_and_polite_delay(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never more than `per_host` requests at once to one host, and starts spaced by `delay`
    (timed where the client sends them: on a loaded machine, arrivals at the server bunch up)."""
    sent: list[float] = []
    stream = httpx.AsyncClient.stream

    def timed(self: httpx.AsyncClient, method: str, url: str, **kwargs: object):  # type: ignore[no-untyped-def]
        sent.append(time.monotonic())
        return stream(self, method, url, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "stream", timed)
    server.state.most_in_flight = 0
    urls = [server.url(f"/delay/{n}") for n in range(12)]
    results = check_urls(urls, Policy(concurrency=8, per_host=2, delay=0.03, retries=0))
    assert {r.status for r in results.values()} == {"ok"}
    assert server.state.most_in_flight <= 2
    assert len(sent) == 12
    assert all(later - earlier >= 0.029 for earlier, later in itertools.pairwise(sent))


def test_connection_failures_are_named() -> None:
    def failure(cause: BaseException) -> str:
        error = httpx.ConnectError("failed")
        error.__cause__ = cause
        return str(_connect_failure(error))

    assert failure(socket.gaierror(-2, "Name or service not known")).startswith("DNS: the host name does not resolve")
    assert failure(ConnectionRefusedError(111, "Connection refused")) == "connection refused"
    assert failure(ssl.SSLError(1, "handshake failure")).startswith("TLS failed")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    corpus = str(_corpus(tmp_path, ["http://127.0.0.1:9/x"]))
    assert run("links", corpus, "--archive-api", "ftp://x").returncode == 2
    assert run("links", corpus, "--concurrency", "0").returncode == 2
    assert run("links", corpus, "--format", "xml").returncode == 2
