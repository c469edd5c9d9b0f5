"""Benchmark `timeline links`: N URLs on a local server that answers each after 50 ms.

The ideal time is N x 50 ms ÷ the concurrency: the checker should come close to it, and its
memory should not grow with N (no body read, a fixed pool of workers, one small result per
URL). Measured two ways, with the server of the tests (tests/linkserver.py) on 127.0.0.1:

- the engine (`linkcheck.check_urls`) in this process: wall time against the ideal, and the
  peak of memory allocated while checking (tracemalloc) at N/4 and N URLs;
- the command, `timeline links --format json` over a corpus of N events (one URL each), as
  a subprocess: wall time, and its peak RSS (GNU time) at N/4 and N URLs — flat means the
  second is not much above the first.

Each URL is on the same host, so the per-host limit is raised to the concurrency and the
polite delay set to 0: this measures the checker, not the politeness. The server runs in
a process of its own, so that it does not share this one's interpreter lock.

    python benchmarks/links.py [--urls 2000] [--concurrency 50] [--delay-ms 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # tests/linkserver.py
sys.path.insert(0, str(ROOT / "src"))

from tests.linkserver import Server  # noqa: E402

BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "timeline").exists() else Path(sys.executable).parent
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


class RemoteServer:
    """The test server, run by `python benchmarks/links.py --serve DELAY_MS` in another process."""

    def __init__(self, port: int) -> None:
        self.port = port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextmanager
def server_process(delay_ms: int) -> Iterator[RemoteServer]:
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(delay_ms)], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield RemoteServer(int(process.stdout.readline()))
    finally:
        process.kill()
        process.wait()


def serve(delay_ms: int) -> None:
    with Server() as server:
        server.state.delay = delay_ms / 1000
        print(server.port, flush=True)
        while True:
            time.sleep(3600)


def engine_run(server: RemoteServer, urls: int, concurrency: int, prefix: str, traced: bool = False) -> float:
    """Seconds to check `urls` URLs, or with `traced` the peak of memory allocated meanwhile (bytes)."""
    from dissident_timeline.linkcheck import Policy, check_urls

    links = [server.url(f"/delay/{prefix}{n}") for n in range(urls)]
    if traced:
        tracemalloc.start()
    started = time.monotonic()
    results = check_urls(links, Policy(concurrency=concurrency, per_host=concurrency, delay=0, retries=0))
    seconds = time.monotonic() - started
    if traced:
        seconds = float(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    statuses = {result.status for result in results.values()}
    if statuses != {"ok"} or len(results) != urls:
        raise SystemExit(f"the engine did not class every URL ok: {statuses}")
    return seconds


def write_corpus(directory: Path, server: RemoteServer, urls: int, per_file: int = 100) -> Path:
    for start in range(0, urls, per_file):
        lines = []
        for n in range(start, min(start + per_file, urls)):
            lines += [
                f"- id: link-{n}",
                '  date: "2017-01-01"',
                "  kind: report",
                f"  title: Event {n}",
                "  sources:",
                f'    - {{title: Article {n}, url: "{server.url(f"/delay/{n}")}"}}',
            ]
        (directory / f"links-{start // per_file:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def command_run(corpus: Path, concurrency: int, baseline: bool = False) -> tuple[float, int | None]:
    """(seconds, peak RSS in KiB or None) of one `timeline links` run; with `baseline`, of
    `timeline sources` on the same corpus: loading it, what `links` does before any request."""
    command = [
        str(BIN / "timeline"),
        "links",
        str(corpus),
        "--format",
        "json",
        "--concurrency",
        str(concurrency),
        "--per-host",
        str(concurrency),
        "--delay",
        "0",
        "--retries",
        "0",
        "--max-age",
        "0",
    ]
    if baseline:
        command = [str(BIN / "timeline"), "sources", str(corpus), "--format", "json"]
    with tempfile.TemporaryDirectory() as cache, tempfile.NamedTemporaryFile("r") as report:
        prefix = [GNU_TIME, "-f", "%M", "-o", report.name] if GNU_TIME else []
        started = time.monotonic()
        done = subprocess.run(
            prefix + command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "XDG_CACHE_HOME": cache},
        )
        seconds = time.monotonic() - started
        if done.returncode != 0:
            raise SystemExit(f"timeline links failed ({done.returncode}): {done.stderr[-500:]}")
        rss = int(report.read().strip().splitlines()[-1]) if GNU_TIME else None
    return seconds, rss


def run_benchmark(urls: int = 2000, concurrency: int = 50, delay_ms: int = 50, repeat: int = 3) -> str:
    """The figures, as lines of text: times are medians of `repeat` runs (shared machines are noisy)."""
    ideal = urls * delay_ms / 1000 / concurrency
    lines = [
        f"## timeline links: {urls} URLs on 127.0.0.1, each answering after {delay_ms} ms, "
        f"concurrency {concurrency}, medians of {repeat} runs",
        f"ideal (N x delay ÷ concurrency): {ideal:.2f} s",
    ]
    with server_process(delay_ms) as server:
        seconds = statistics.median(engine_run(server, urls, concurrency, f"timed-{n}-") for n in range(repeat))
        lines.append(f"engine (linkcheck.check_urls, in process): {seconds:.2f} s = {seconds / ideal:.2f} x ideal")
        peaks = [engine_run(server, count, concurrency, f"traced-{count}-", traced=True) for count in (urls // 4, urls)]
        lines.append(
            f"engine, peak memory allocated while checking (tracemalloc): {peaks[0] / 2**20:.1f} MiB for "
            f"{urls // 4} URLs, {peaks[1] / 2**20:.1f} MiB for {urls} "
            f"({(peaks[1] - peaks[0]) / (urls - urls // 4) / 1024:.1f} KiB more per URL: its result)"
        )
        for count in (urls // 4, urls):
            with tempfile.TemporaryDirectory() as directory:
                corpus = write_corpus(Path(directory), server, count)
                runs = [
                    (command_run(corpus, concurrency), command_run(corpus, concurrency, baseline=True)[0])
                    for _ in range(repeat)
                ]
                seconds = statistics.median(run[0][0] for run in runs)
                loading = statistics.median(run[1] for run in runs)
                rss = max((run[0][1] for run in runs if run[0][1]), default=None)
            share = count * delay_ms / 1000 / concurrency
            memory = f", peak RSS {rss / 1024:.0f} MiB" if rss else ""
            lines.append(
                f"command (timeline links, {count} events): {seconds:.2f} s{memory}; minus loading the "
                f"corpus (timeline sources: {loading:.2f} s): {seconds - loading:.2f} s = "
                f"{(seconds - loading) / share:.2f} x its ideal {share:.2f} s"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--delay-ms", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--serve", type=int, metavar="DELAY_MS", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        serve(args.serve)
        return
    print(run_benchmark(args.urls, args.concurrency, args.delay_ms, args.repeat), end="")


if __name__ == "__main__":
    main()
