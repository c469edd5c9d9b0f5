"""Benchmark the date parser: 100,000 dates of mixed forms, against the previous parser.

Goal: on the forms the previous parser read (days, months, years, seasons, `198X`, `XX`,
qualifiers, intervals, open ends), the new one takes at most 1.2x its time. The previous
parser is kept verbatim in `old_dates.py`. Both parse the same list, in turns (one pass
of each, repeated), and the median pass is reported; the time to parse 100,000 dates of
every form the new parser reads (moments, offsets, years before 1, Y-years, unknown
ends) is reported too.

    python benchmarks/date_parsing.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # old_dates.py, when imported from elsewhere

import old_dates

COUNT = 100_000
OLD_LABEL = "previous parser, forms it read"
NEW_LABEL = "new parser, same dates"
ALL_LABEL = "new parser, every form"
GOAL = 1.2


def old_forms(rng: random.Random) -> str:
    """A date of a form the previous parser read, drawn like a real corpus: mostly days."""
    year, month, day = rng.randint(1000, 2999), rng.randint(1, 12), rng.randint(1, 28)
    form = rng.random()
    if form < 0.55:
        text = f"{year}-{month:02d}-{day:02d}"
    elif form < 0.70:
        text = f"{year}-{month:02d}"
    elif form < 0.78:
        text = f"{year}"
    elif form < 0.82:
        text = f"{year}-{rng.randint(21, 24)}"
    elif form < 0.86:
        text = rng.choice([f"{year // 10}X", f"{year // 100}XX", f"{year}-XX", f"{year}-{month:02d}-XX"])
    elif form < 0.95:
        text = f"{year}-{month:02d}/{year + 1}-{month:02d}"
    else:
        text = rng.choice([f"../{year}", f"{year}-{month:02d}/.."])
    return text + (rng.choice("~?%") if rng.random() < 0.1 and "/" not in text else "")


def new_forms(rng: random.Random) -> str:
    """A date of any form: half old forms, half moments, BC years, Y-years and unknown ends."""
    if rng.random() < 0.5:
        return old_forms(rng)
    year, month, day = rng.randint(1000, 2999), rng.randint(1, 12), rng.randint(1, 28)
    moment = f"{year}-{month:02d}-{day:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return rng.choice(
        [
            moment,
            moment + ":30",
            moment + "Z",
            moment + rng.choice(["+01:00", "-05", "+05:30"]),
            f"-{rng.randint(1, 9999):04d}",
            f"-{rng.randint(1, 999):04d}-{month:02d}-{day:02d}",
            "0000",
            f"Y{rng.randint(10_000, 10**9)}",
            f"Y-{rng.randint(10_000, 10**9)}",
            f"{year}/",
            f"/{year}-{month:02d}",
            f"{moment}-05:00/{year + 1}",
        ]
    )


def dates(form: Callable[[random.Random], str], seed: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [form(rng) for _ in range(COUNT)]


def one_pass(parse: Callable[[str], object], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        parse(text)
    return time.perf_counter() - started


def measure(repeat: int) -> dict[str, float]:
    """Median seconds of one pass over 100,000 dates, for each label."""
    from dissident_timeline.dates import parse_date  # here: run.py imports this module for its labels

    old_texts, all_texts = dates(old_forms), dates(new_forms)
    runs: dict[str, list[float]] = {OLD_LABEL: [], NEW_LABEL: [], ALL_LABEL: []}
    for _ in range(repeat):  # round-robin: a slow moment of a shared machine slows all three
        runs[OLD_LABEL].append(one_pass(old_dates.parse_date, old_texts))
        runs[NEW_LABEL].append(one_pass(parse_date, old_texts))
        runs[ALL_LABEL].append(one_pass(parse_date, all_texts))
    return {label: statistics.median(times) for label, times in runs.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="passes of each parser (default 7)")
    parser.add_argument("--json", action="store_true", help="print the median seconds as JSON")
    args = parser.parse_args(argv)
    results = measure(args.repeat)
    if args.json:
        print(json.dumps(results))
        return
    base = results[OLD_LABEL]
    print(f"{COUNT:,} dates, median of {args.repeat} passes")
    for label, seconds in results.items():
        ratio = "baseline" if label == OLD_LABEL else f"{seconds / base:.2f}×"
        print(f"  {label:<32} {seconds * 1000:8.0f} ms {seconds / COUNT * 1e6:6.2f} µs/date  {ratio}")
    ratio = results[NEW_LABEL] / base
    print(f"Goal: {'PASS' if ratio <= GOAL else 'FAIL'} {ratio:.2f}× ≤ {GOAL}× the previous parser, forms it read")


if __name__ == "__main__":
    main()
