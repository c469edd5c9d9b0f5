"""Synthetic corpora in the real event format, for benchmarks and scale tests.

The generator is deterministic (seeded) so that two runs measure the same input.
"""

from __future__ import annotations

import random
from pathlib import Path

KINDS = ["decree", "legislation", "lawsuit", "ruling", "declaration",
         "election", "mobilization", "meeting", "report", "measure"]
ROLES = ["author", "target", "plaintiff", "defendant", "speaker", "supporter"]
N_ACTORS = 200


def actor_registry(n_actors: int = N_ACTORS) -> str:
    lines = ["actors:"]
    for i in range(n_actors):
        lines += [
            f"  - id: actor-{i}",
            f"    name: Actor Number {i}",
            "    type: city",
            f"    aliases: [Actor {i}, A{i}]",
        ]
    return "\n".join(lines) + "\n"


def event_yaml(i: int, rng: random.Random) -> str:
    year = 1980 + i % 40
    month = 1 + (i // 40) % 12
    day = 1 + (i // 480) % 28
    date = rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", f"{year}"])
    a, b = rng.randrange(N_ACTORS), rng.randrange(N_ACTORS)
    lines = [
        f"id: event-{i}",
        f'date: "{date}"',
        f"kind: {KINDS[i % len(KINDS)]}",
        f"title: Synthetic event number {i} about city defiance",
        "summary: >-",
        f"  A generated summary for event {i}, long enough to look like the real",
        "  corpus: a city council votes, a court rules, a mayor speaks out.",
        "controversy: synthetic",
        "registers: [politics, polity]",
        f"tags: [tag-{i % 17}]",
        "actors:",
        f"  - actor: actor-{a}",
        f"    role: {ROLES[i % len(ROLES)]}",
        f"  - Actor Number {b}",
        "sources:",
        f"  - title: Report on event {i}",
        "    outlet: The Daily Synthetic",
        f'    date: "{year}"',
        f"    url: https://example.org/news/{i}",
    ]
    if i > 0:
        lines += ["relations:", "  - type: follows", f"    event: event-{rng.randrange(i)}"]
    return "".join(f"{line}\n" for line in lines)


def write_corpus(root: Path, n_events: int, per_file: int = 1, seed: int = 1) -> Path:
    """Write `n_events` events into `root`, `per_file` events per file."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "actors.yaml").write_text(actor_registry(), encoding="utf-8")
    for start in range(0, n_events, per_file):
        sub = root / f"d{start // 1000:03d}"
        sub.mkdir(exist_ok=True)
        stop = min(start + per_file, n_events)
        if per_file == 1:
            text = event_yaml(start, rng)
        else:
            text = "".join(_as_list_item(event_yaml(i, rng)) for i in range(start, stop))
        (sub / f"e{start:06d}.yaml").write_text(text, encoding="utf-8")
    return root


def _as_list_item(text: str) -> str:
    first, *rest = text.splitlines()
    return "".join([f"- {first}\n"] + [f"  {line}\n" for line in rest])
