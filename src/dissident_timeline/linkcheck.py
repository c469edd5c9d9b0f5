"""Check that URLs still answer, politely, and find archived copies of those that do not.

Each URL is classed:

- `ok`: it answers 2xx without redirect;
- `redirected`: it answers 2xx after following redirects (`final_url` says where);
- `broken`: the server answers 4xx or 5xx (after retries), or redirects in a loop or too often;
- `unreachable`: no answer — DNS failure, TLS failure (a bad certificate), refused
  connection, timeout.

How a URL is asked: `HEAD` first (no body); any answer of 400 or more is asked again with
`GET`, because many servers refuse or mishandle `HEAD` (405, 403, 501, even 404). A `GET`
reads the status and headers and closes the connection without reading the body, so a huge
page is never downloaded. Redirects are followed one hop at a time (at most
`Policy.max_redirects`), each hop through the same gates, so that loops are seen. Timeouts,
connection errors, 429 and 5xx answers are retried after a growing pause.

Politeness: at most `Policy.concurrency` URLs in flight in all, at most `Policy.per_host`
requests at once to one host, and at least `Policy.delay` seconds between the starts of two
requests to the same host; URLs are interleaved by host so that workers are not all queued
on one server. Memory does not grow with the number of requests: a fixed pool of workers,
no body read, and one small result per URL.

This module does network I/O with httpx (a maintained HTTP client with async support,
timeouts and TLS verification through certifi); everything else in `timeline` is pure.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from . import __version__

__all__ = ["STATUSES", "LinkResult", "Policy", "check_urls", "find_snapshots", "user_agent"]

STATUSES = ("ok", "redirected", "broken", "unreachable")
REDIRECT_CODES = frozenset((301, 302, 303, 307, 308))
RETRY_CODES = frozenset((429, 500, 502, 503, 504))
SKIM_BYTES = 64 * 1024  # a body this short is read (and the connection kept); a longer one is not


def user_agent() -> str:
    """Names the tool and its version, so that a site owner can tell who is knocking."""
    return f"dissident-timeline/{__version__} (link checker of `timeline links`; python-httpx/{httpx.__version__})"


@dataclass(frozen=True)
class Policy:
    timeout: float = 10.0  # seconds for an answer's headers to arrive, per request
    concurrency: int = 16  # URLs checked at once, in all
    per_host: int = 2  # requests at once to one host
    delay: float = 0.25  # seconds between the starts of two requests to one host
    retries: int = 2  # further attempts after a timeout, a connection error, 429 or 5xx
    backoff: float = 0.5  # seconds before the first retry; doubled each time
    max_redirects: int = 10
    user_agent: str = field(default_factory=user_agent)
    verify: ssl.SSLContext | bool = True  # TLS verification; tests pass a context that trusts their own CA


@dataclass
class LinkResult:
    url: str
    status: str  # one of STATUSES
    http_status: int | None = None  # the last answer's status, if any
    final_url: str | None = None  # where redirects led (only when redirected, or broken after redirects)
    error: str | None = None  # why, in words, for broken and unreachable
    checked_at: str = ""  # ISO 8601 UTC

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinkResult:
        return cls(**{key: data[key] for key in ("url", "status", "http_status", "final_url", "error", "checked_at")})


class _Gate:
    """One host's limits: a number of requests at once, and a pause between their starts."""

    def __init__(self, per_host: int) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.lock = asyncio.Lock()
        self.next_start = 0.0


class _Unreachable(Exception):
    """No answer from the server; `retry` says whether trying again may help."""

    def __init__(self, message: str, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry


class _Checker:
    """One worker: its own client (a small pool, kept alive between its requests), the shared gates."""

    def __init__(self, client: httpx.AsyncClient, policy: Policy, gates: dict[str, _Gate]) -> None:
        self.client = client
        self.policy = policy
        self.gates = gates

    async def check(self, url: str) -> LinkResult:
        seen = {url}
        current = url
        answer: int | None = None
        try:
            for _hop in range(self.policy.max_redirects + 1):
                answer, location = await self._ask(current)
                if answer in REDIRECT_CODES and location:
                    following = str(httpx.URL(current).join(location))
                    if following in seen:
                        return _result(url, "broken", answer, following, f"redirect loop: {following} again")
                    seen.add(following)
                    current = following
                    continue
                if answer >= 300:
                    final = current if current != url else None
                    return _result(url, "broken", answer, final, _reason(answer))
                if current == url:
                    return _result(url, "ok", answer)
                return _result(url, "redirected", answer, current)
            return _result(url, "broken", answer, current, f"more than {self.policy.max_redirects} redirects")
        except _Unreachable as error:
            return _result(url, "unreachable", None, current if current != url else None, str(error))
        except httpx.InvalidURL as error:
            return _result(url, "broken", None, None, f"invalid URL: {error}")

    async def _ask(self, url: str) -> tuple[int, str | None]:
        """Status and Location of one URL (no redirect followed), retrying what may pass."""
        method = "HEAD"
        for attempt in range(self.policy.retries + 1):
            last = attempt == self.policy.retries
            try:
                status, location = await self._request(method, url)
                if status >= 400 and method == "HEAD":  # many servers mishandle HEAD: GET decides
                    method = "GET"
                    status, location = await self._request(method, url)
            except _Unreachable as error:
                if last or not error.retry:
                    raise
            else:
                if status not in RETRY_CODES or last:
                    return status, location
            await asyncio.sleep(self.policy.backoff * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _request(self, method: str, url: str) -> tuple[int, str | None]:
        gate = self.gates[httpx.URL(url).host]
        async with gate.slots:
            async with gate.lock:  # starts to one host are spaced by `delay`
                loop = asyncio.get_running_loop()
                wait = gate.next_start - loop.time()
                if wait > 0:
                    await asyncio.sleep(wait)
                gate.next_start = loop.time() + self.policy.delay
            try:
                async with asyncio.timeout(self.policy.timeout):
                    async with self.client.stream(method, url) as response:
                        await _skim(response)
                        return response.status_code, response.headers.get("location")
            except TimeoutError:
                raise _Unreachable(f"no answer within {self.policy.timeout:g} s", retry=True) from None
            except httpx.TimeoutException:
                raise _Unreachable(f"no answer within {self.policy.timeout:g} s", retry=True) from None
            except httpx.ConnectError as error:
                raise _connect_failure(error) from None
            except (httpx.TransportError, httpx.DecodingError) as error:
                raise _Unreachable(f"connection failed: {_describe(error)}", retry=True) from None


async def _skim(response: httpx.Response) -> None:
    """Read a short body to its end, so that the connection can serve the next request; hang
    up on a long one (closing the stream unread drops the connection), never downloading it."""
    if response.request.method == "HEAD":
        await response.aread()
        return
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) <= SKIM_BYTES:
        await response.aread()


def _connect_failure(error: httpx.ConnectError) -> _Unreachable:
    """Name the cause: DNS and TLS failures are not retried, a refused connection may be."""
    causes = _causes(error)
    if any(isinstance(cause, ssl.SSLCertVerificationError) for cause in causes):
        verification = next(c for c in causes if isinstance(c, ssl.SSLCertVerificationError))
        return _Unreachable(f"TLS certificate not valid: {verification.verify_message or verification}", retry=False)
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return _Unreachable(f"TLS failed: {_describe(error)}", retry=False)
    if any(isinstance(cause, socket.gaierror) for cause in causes) or "Name or service not known" in str(error):
        return _Unreachable(f"DNS: the host name does not resolve ({_describe(error)})", retry=False)
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes) or "refused" in str(error).lower():
        return _Unreachable("connection refused", retry=True)
    return _Unreachable(f"cannot connect: {_describe(error)}", retry=True)


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


def _describe(error: BaseException) -> str:
    return str(error) or type(error).__name__


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _result(
    url: str, status: str, http_status: int | None, final_url: str | None = None, error: str | None = None
) -> LinkResult:
    return LinkResult(url, status, http_status, final_url, error, _now())


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _interleaved(urls: Iterable[str]) -> list[str]:
    """The URLs taken host by host in turn (a, b, c, a, b, a...), so that the workers spread
    over the hosts instead of all waiting for one."""
    by_host: dict[str, deque[str]] = defaultdict(deque)
    for url in urls:
        try:
            host = httpx.URL(url).host
        except httpx.InvalidURL:
            host = ""
        by_host[host].append(url)
    queues = deque(by_host[host] for host in sorted(by_host))
    ordered = []
    while queues:
        queue = queues.popleft()
        ordered.append(queue.popleft())
        if queue:
            queues.append(queue)
    return ordered


def _tls(policy: Policy) -> ssl.SSLContext | bool:
    """One TLS context for every client: loading the CA bundle costs about 0.1 s of CPU each time."""
    return httpx.create_ssl_context() if policy.verify is True else policy.verify


def _client(policy: Policy, tls: ssl.SSLContext | bool, connections: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(policy.timeout),
        limits=limits,
        follow_redirects=False,
        headers={"User-Agent": policy.user_agent},
        verify=tls,
        trust_env=False,
    )


async def _check_all(
    urls: list[str], policy: Policy, done: Callable[[LinkResult], None] | None
) -> dict[str, LinkResult]:
    """A fixed pool of workers, each with its own client. (One client shared by all would be
    simpler, but its connection pool scans every connection for every request: with 50
    workers, that costs more CPU than the requests themselves.)"""
    results: dict[str, LinkResult] = {}
    pending = deque(_interleaved(urls))
    gates: dict[str, _Gate] = defaultdict(lambda: _Gate(policy.per_host))
    tls = _tls(policy)

    async def worker() -> None:
        async with _client(policy, tls, connections=2) as client:  # 2: the host and a redirect's
            checker = _Checker(client, policy, gates)
            while pending:
                result = await checker.check(pending.popleft())
                results[result.url] = result
                if done:
                    done(result)

    await asyncio.gather(*(worker() for _ in range(max(1, min(policy.concurrency, len(pending))))))
    return results


def check_urls(
    urls: Iterable[str], policy: Policy | None = None, done: Callable[[LinkResult], None] | None = None
) -> dict[str, LinkResult]:
    """Check each distinct URL once; `done` is called as each result arrives (for progress)."""
    unique = sorted(set(urls))
    if not unique:
        return {}
    return asyncio.run(_check_all(unique, policy or Policy(), done))


async def _snapshots(requests: list[tuple[str, str | None]], api: str, policy: Policy) -> dict[str, str]:
    found: dict[str, str] = {}
    async with _client(policy, _tls(policy), connections=policy.per_host) as client:
        gate = asyncio.Semaphore(policy.per_host)  # one host, the archive's: its per-host limit

        async def lookup(url: str, timestamp: str | None) -> None:
            params = {"url": url, **({"timestamp": timestamp} if timestamp else {})}
            for attempt in range(policy.retries + 1):
                async with gate:
                    try:
                        response = await client.get(api, params=params)
                    except httpx.HTTPError:
                        response = None
                if response is not None and response.status_code not in RETRY_CODES:
                    snapshot = _closest(response)
                    if snapshot:
                        found[url] = snapshot
                    return
                await asyncio.sleep(policy.backoff * 2**attempt)

        await asyncio.gather(*(lookup(url, timestamp) for url, timestamp in requests))
    return found


def _closest(response: httpx.Response) -> str | None:
    """The snapshot URL in an availability API answer, if one is available and was a 2xx page:
    `{"archived_snapshots": {"closest": {"available": true, "url": ..., "status": "200"}}}`."""
    try:
        closest = response.json()["archived_snapshots"]["closest"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(closest, dict) or closest.get("available") is not True:
        return None
    url, status = closest.get("url"), str(closest.get("status", "200"))
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not status.startswith("2"):
        return None
    return url


def find_snapshots(requests: list[tuple[str, str | None]], api: str, policy: Policy | None = None) -> dict[str, str]:
    """The nearest archived snapshot of each URL, by the Wayback Machine's availability API
    (`api`); each request is (url, timestamp `YYYYMMDD` to be near, or None). URL -> snapshot."""
    if not requests:
        return {}
    return asyncio.run(_snapshots(requests, api, policy or Policy()))
