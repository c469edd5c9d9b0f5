"""Benchmark the `--format html` page of a large corpus in headless Chromium (SPEC §8).

What a reader waits for, on the 10,000-event synthetic corpus of benchmarks/corpus.py:

- the size of the file (it is sent by mail, put on a website, opened from disk);
- `timeline build --format html`, against `timeline build --format json` in the same run;
- opening it from `file://`: first contentful paint and the `load` event (after the inline
  script has drawn the axis and set up the filters);
- applying a filter: the time from the `input` event to the end of the layout it causes
  (the script toggles `hidden` on the pre-rendered events and redraws the axis).

Browser figures are medians of several loads and filters. The machine is shared and its
load varies, so the goals are ratios to baselines measured in the same run, in the same
browser: the load against the same file opened with JavaScript off (what the script adds),
and a filter against the floor of the approach (a bare loop that hides 99% of the events
and shows them again, with the same frame wait). The absolute figures are printed too.

    python benchmarks/html_page.py [--events 10000] [--repeat 3]

(`benchmarks/run.py` runs it too, after its own tables.) Named html_page, not html: this
directory is on sys.path, and a module named `html` would hide the standard library's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # realclients: where Chromium is, and its flags

# (figure, baseline, most allowed ratio, what it says)
GOALS = [
    ("load event (ms)", "load event, scripts off (ms)", 1.3, "load ≤ 1.3× the same page without scripts"),
    (
        "filter (median) (ms)",
        "floor: hide 99% / show all (ms)",
        1.5,
        "filter ≤ 1.5× a bare loop toggling `hidden` (median)",
    ),
    ("filter (slowest) (ms)", "floor, slowest (ms)", 2.0, "slowest filter ≤ 2× that loop's slowest"),
]

# Filters a reader applies, as (field, value): words, then selects, then clearing them.
FILTERS = [
    ("q", "event number 4242"),
    ("q", "city"),
    ("q", ""),
    ("kind", "ruling"),
    ("kind", ""),
    ("register", "policy"),
    ("register", ""),
    ("actor", "actor-7"),
    ("actor", ""),
    ("from", "1990"),
    ("from", ""),
]

# The floor: the DOM work any filter of this page must do, in a bare loop.
FLOOR_SCRIPT = """async () => {
  const items = document.querySelectorAll('li.event');
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  const started = performance.now();
  for (let i = 0; i < items.length; i++) items[i].hidden = i % 100 !== 0;
  await frame();
  const middle = performance.now();
  for (let i = 0; i < items.length; i++) items[i].hidden = false;
  await frame();
  return [middle - started, performance.now() - middle];
}"""

# From the change to the end of the next frame: the list laid out, the axis redrawn (in that
# frame's animation callback), the frame painted.
FILTER_SCRIPT = """async ([name, value]) => {
  const field = document.querySelector('#_filters [name="' + name + '"]');
  const started = performance.now();
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
  await new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  return [performance.now() - started, document.getElementById('_count').textContent];
}"""


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def measure(corpus_dir: Path, timeline: str, repeat: int = 3) -> dict[str, float | str]:
    """Every figure for one corpus: build times, file size, load and filter times in Chromium."""
    from playwright.sync_api import sync_playwright
    from realclients import CHROMIUM_ARGS, chromium_path  # tests/, put on the path above

    figures: dict[str, float | str] = {}
    with tempfile.TemporaryDirectory(prefix="timeline-html-bench-") as work:
        env = {**os.environ, "XDG_CACHE_HOME": work}
        page_path = Path(work) / "page.html"
        json_times, html_times = [], []
        for _ in range(repeat):  # round-robin, so that a slow minute slows both
            json_times.append(
                timed(
                    [timeline, "build", "--no-cache", "-f", "json", "-o", str(Path(work) / "p.json"), str(corpus_dir)],
                    env,
                )
            )
            html_times.append(
                timed([timeline, "build", "--no-cache", "-f", "html", "-o", str(page_path), str(corpus_dir)], env)
            )
        figures["build --format json (s)"] = statistics.median(json_times)
        figures["build --format html (s)"] = statistics.median(html_times)
        size = page_path.stat().st_size
        events = page_path.read_text(encoding="utf-8").count('class="event"')
        figures["events"] = events
        figures["file size (MB)"] = size / 1e6
        figures["file size per event (KB)"] = size / 1e3 / events
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
            paints, loads, bare_loads, filters, floors = [], [], [], [], []
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
                page = context.new_page()
                page.goto(page_path.as_uri(), wait_until="load")
                bare_loads.append(page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"))
                context.close()
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(page_path.as_uri(), wait_until="load")
                timing = page.evaluate("""() => {
                    const nav = performance.getEntriesByType('navigation')[0];
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    return [paint ? paint.startTime : null, nav.loadEventEnd];
                }""")
                if timing[0] is not None:
                    paints.append(timing[0])
                loads.append(timing[1])
                page.wait_for_timeout(1000)  # the search text is built when the browser is idle
                for field_value in FILTERS:
                    milliseconds, _ = page.evaluate(FILTER_SCRIPT, list(field_value))
                    filters.append(milliseconds)
                for _ in range(3):  # every filter is cleared by now: every event is shown
                    floors.extend(page.evaluate(FLOOR_SCRIPT))
                context.close()
            browser.close()
        figures["first contentful paint (ms)"] = statistics.median(paints) if paints else float("nan")
        figures["load event (ms)"] = statistics.median(loads)
        figures["load event, scripts off (ms)"] = statistics.median(bare_loads)
        figures["filter (median) (ms)"] = statistics.median(filters)
        figures["filter (slowest) (ms)"] = max(filters)
        figures["floor: hide 99% / show all (ms)"] = statistics.median(floors)
        figures["floor, slowest (ms)"] = max(floors)
    return figures


def report(figures: dict[str, float | str]) -> str:
    lines = [f"HTML page of {figures['events']:,} events in headless Chromium (medians)"]
    for key, value in figures.items():
        if key != "events":
            lines.append(f"  {key:<34} {value:>10.3f}" if isinstance(value, float) else f"  {key:<34} {value:>10}")
    ratio = float(figures["build --format html (s)"]) / float(figures["build --format json (s)"])
    lines.append(f"  {'build html / build json':<34} {ratio:>9.2f}×")
    lines.append("Goals")
    for figure, baseline, limit, goal in GOALS:
        ratio = float(figures[figure]) / float(figures[baseline])
        lines.append(f"  {'PASS' if ratio <= limit else 'FAIL':<5} {ratio:>6.2f}×  {goal}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import run  # benchmarks/run.py: its corpus cache and the project's `timeline`

    print(report(measure(run.corpus(args.events, 1), run.TIMELINE, args.repeat)), end="")


if __name__ == "__main__":
    main()
