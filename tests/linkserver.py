"""A real HTTP(S) server on 127.0.0.1 that serves every case `timeline links` must class,
and the Wayback Machine availability API's documented answers. Tests and the benchmark
(benchmarks/links.py) use it: nothing ever touches the network.

Paths:

- `/ok` 200; `/head-refused` 405 to HEAD, 200 to GET; `/chain/N` 301 to `/chain/N-1`, and
  `/chain/0` 200; `/loop-a` and `/loop-b` redirect to each other; `/status/CODE` answers CODE;
  `/slow` answers after `Server.slow` seconds; `/huge` refuses HEAD, and to GET announces and streams 1 GiB;
  `/flaky` answers 503 twice and 200 after; `/delay/NAME` answers after
  `Server.delay` seconds (the benchmark);
- `/wayback/available?url=U[&timestamp=T]`: `{"archived_snapshots": {"closest": {...}}}`
  for the URLs in `Server.snapshots`, `{"archived_snapshots": {}}` for the others.

The server records what it saw: methods and User-Agents by path, the most requests it had
in flight at once, the start times of requests, and the bytes of `/huge` it managed to send.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

HUGE = 1 << 30


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like real servers
    server: _HTTPServer

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _serve(self, body: bool) -> None:
        state = self.server.state
        path = urlsplit(self.path).path
        with state.lock:
            state.seen[path].append((self.command, self.headers.get("User-Agent", "")))
            state.starts.append(time.monotonic())
            state.in_flight += 1
            state.most_in_flight = max(state.most_in_flight, state.in_flight)
        self.counted = True
        try:
            self._route(path, body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self._leave()

    def _leave(self) -> None:
        """Out of the in-flight count: before the answer is sent, so that a client that sends its
        next request as soon as it has the answer is never counted twice."""
        if self.counted:
            self.counted = False
            with self.server.state.lock:
                self.server.state.in_flight -= 1

    def _route(self, path: str, body: bool) -> None:
        state = self.server.state
        if path == "/ok":
            self._answer(200, body)
        elif path == "/head-refused":
            self._answer(405 if self.command == "HEAD" else 200, body)
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            self._answer(200, body) if left == 0 else self._redirect(301, f"/chain/{left - 1}")
        elif path == "/loop-a":
            self._redirect(302, "/loop-b")
        elif path == "/loop-b":
            self._redirect(302, "/loop-a")
        elif path.startswith("/status/"):
            self._answer(int(path.rsplit("/", 1)[1]), body)
        elif path == "/slow":
            time.sleep(state.slow)
            self._answer(200, body)
        elif path == "/huge":  # refuses HEAD, so that the checker must GET it and stop reading
            self._answer(405, False) if self.command == "HEAD" else self._huge(body)
        elif path == "/flaky":
            with state.lock:
                state.flaky += 1
                first = state.flaky <= 2
            self._answer(503 if first else 200, body)
        elif path.startswith("/delay/"):
            time.sleep(state.delay)
            self._answer(200, body)
        elif path == "/wayback/available":
            self._availability(body)
        else:
            self._answer(404, body)

    def _answer(self, code: int, body: bool, content: bytes = b"<p>page</p>", kind: str = "text/html") -> None:
        self._leave()
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)

    def _redirect(self, code: int, location: str) -> None:
        self.send_response(code)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self, body: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        if not body:
            return
        chunk = b"x" * 65536
        sent = 0
        try:
            while sent < HUGE:
                self.wfile.write(chunk)
                sent += len(chunk)
        finally:
            with self.server.state.lock:
                self.server.state.huge_sent = sent
            self.close_connection = True

    def _availability(self, body: bool) -> None:
        query = parse_qs(urlsplit(self.path).query)
        url = query.get("url", [""])[0]
        with self.server.state.lock:
            self.server.state.lookups.append((url, query.get("timestamp", [None])[0]))
        snapshot = self.server.state.snapshots.get(url)
        closest = {"closest": {"available": True, "url": snapshot, "timestamp": "20170426000000", "status": "200"}}
        answer = {"url": url, "archived_snapshots": closest if snapshot else {}}
        self._answer(200, body, json.dumps(answer).encode(), "application/json")


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.starts: list[float] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.huge_sent = 0
        self.flaky = 0
        self.slow = 3.0
        self.delay = 0.05
        self.snapshots: dict[str, str] = {}
        self.lookups: list[tuple[str, str | None]] = []


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # the benchmark opens many connections at once
    state: _State


class Server:
    """The server, running in a thread for the life of a `with` block."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.httpd = _HTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.state = _State()
        if tls:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def state(self) -> _State:
        return self.httpd.state

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_context(directory: Path) -> ssl.SSLContext | None:
    """A server TLS context with a self-signed certificate for 127.0.0.1, made by `openssl`
    now; None when openssl is missing."""
    openssl = shutil.which("openssl")
    if not openssl:
        return None
    key, cert = directory / "key.pem", directory / "cert.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "OPENSSL_CONF": os.devnull},
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
