"""Synthetic corpora in the real event format, for benchmarks and scale tests.

The generator is deterministic (seeded) so that two runs measure the same input.
"""

from __future__ import annotations

import random
from pathlib import Path

from dissident_timeline.vocabulary import KINDS

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


# Corpora with errors, each against the same corpus with the errors fixed (`errors=None`).
MISSING_IDS = "missing-ids"  # 20% of the relations point to ids that no event has
MISSPELT_KEY = "misspelt-key"  # every event has `sumary:` for `summary:`
ERRORS = (MISSING_IDS, MISSPELT_KEY)
MISSING_SHARE = 0.2


def event_yaml(i: int, rng: random.Random, errors: str | None = None, error_rng: random.Random | None = None) -> str:
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
        target = f"event-{rng.randrange(i)}"
        if error_rng is not None and error_rng.random() < MISSING_SHARE and errors == MISSING_IDS:
            target = _missing_id(target, error_rng)
        lines += ["relations:", "  - type: follows", f"    event: {target}"]
    if errors == MISSPELT_KEY:
        lines[4] = "sumary: >-"
    return "".join(f"{line}\n" for line in lines)


def _missing_id(target: str, rng: random.Random) -> str:
    """An id that no event has: as after a folder was deleted (an id past the last one), or
    after ids were renamed (the old spelling)."""
    number = int(target.rsplit("-", 1)[1])
    return rng.choice([f"event-{number}-old", f"evt-{number}", f"event-{10_000_000 + number // 3}"])


def write_corpus(
    root: Path,
    n_events: int,
    per_file: int = 1,
    seed: int = 1,
    errors: str | None = None,
    error_seed: int | None = None,
) -> Path:
    """Write `n_events` events into `root`, `per_file` events per file, with `errors` (see
    ERRORS) or none. The errors are drawn from their own generator: a corpus with errors
    and one without are the same corpus but for them."""
    rng = random.Random(seed)
    error_rng = random.Random(seed + 1)
    root.mkdir(parents=True, exist_ok=True)
    (root / "actors.yaml").write_text(actor_registry(), encoding="utf-8")
    for start in range(0, n_events, per_file):
        sub = root / f"d{start // 1000:03d}"
        sub.mkdir(exist_ok=True)
        stop = min(start + per_file, n_events)
        if per_file == 1:
            text = event_yaml(start, rng, errors, error_rng)
        else:
            text = "".join(_as_list_item(event_yaml(i, rng, errors, error_rng)) for i in range(start, stop))
        (sub / f"e{start:06d}.yaml").write_text(text, encoding="utf-8")
    return root


def _as_list_item(text: str) -> str:
    first, *rest = text.splitlines()
    return "".join([f"- {first}\n"] + [f"  {line}\n" for line in rest])
