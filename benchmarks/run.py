"""Benchmark the `timeline` command line against baselines measured in the same run.

Shared machines are noisy: every figure is the median of several runs, and each command
is shown as a ratio to a baseline run side by side with it (round-robin, one run of each
in turn), so that a slow minute slows both:

- the parse floor: a bare Python process that reads the same files with libyaml
  (`list(yaml.load_all(data, Loader=yaml.CSafeLoader))`), nothing else;
- `check-jsonschema` with an equivalent JSON Schema (`benchmarks/event.schema.json`);
- `python -c "import typer"`, for start-up.

Corpora come from `benchmarks/corpus.py` and are kept in `benchmarks/.corpora/`. Every
command runs as a subprocess, stdout to /dev/null, with `XDG_CACHE_HOME` in a temporary
directory so that the user's cache is never touched.

    python benchmarks/run.py [--quick] [--sizes 1000,10000] [--repeat N] [--markdown FILE] [--only SECTIONS]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import date_parsing  # benchmarks/date_parsing.py

# benchmarks/corpus.py: this script's directory is on sys.path
from corpus import ERRORS, MISSING_IDS, MISSPELT_KEY, write_corpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = HERE / ".corpora"
SCHEMA = HERE / "event.schema.json"
# The project's virtual environment, else that of the Python running this script.
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin" / "timeline").exists() else Path(sys.executable).parent
PYTHON, TIMELINE = str(BIN / "python"), str(BIN / "timeline")
# GNU time measures the peak RSS of the command alone. (The rusage of a child of this
# script would not: a child's peak counts the memory of the process that spawned it.)
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None
BOX = "│╭╮╰╯─ \t"  # rich draws typer's usage errors in a box

SIZES = (1000, 10_000, 100_000)
QUICK_SIZES = (1000, 10_000)
LAYOUTS = (1, 100)  # events per file
SCHEMA_FILES = 2000  # one-event files given to check-jsonschema and to `timeline check`
USAGE_ERROR = 2  # exit code of `timeline` for an unknown command or option

FLOOR_CODE = """\
import os, sys, yaml
for top, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(top, name), "rb") as handle:
                list(yaml.load_all(handle.read(), Loader=yaml.CSafeLoader))
"""

FLOOR = "parse floor (CSafeLoader)"
CHECK_COLD = "check --no-cache (cold)"
CHECK_WARM = "check (warm cache)"
BUILD = "build --format json"
FILTER = 'filter --actor "Actor Number 7"'
JSONSCHEMA = "check-jsonschema"
CHECK = "check --no-cache"
IMPORT_TYPER = 'python -c "import typer"'
VERSION = "timeline --version"
HELP = "timeline --help"
CHECK_ONE = "check FILE (warm cache, in its corpus)"
ONE_FILE_EVENTS = 10_000  # corpus size of the one-file section
FIXED = "check --no-cache, errors fixed"
WITH_MISSING = "check --no-cache, 20% of relations to missing ids"
WITH_MISSPELT = "check --no-cache, a misspelt key in every file"
ERROR_SIZES = (10_000, 100_000)
# The controversy's structure (issue 12), on the largest corpus, 100 events per file, cold.
CHAIN = "chain event-0"  # in the synthetic corpus every event follows an earlier one: the whole corpus
GRAPH = "graph --format json"
STATS = "stats"
SECTIONS = ("corpus", "onefile", "schema", "startup", "errors", "dates", "structure", "html")

# (section key, command, most allowed ratio to the section's baseline, what it reads)
GOALS = [
    ("10000x1", CHECK_COLD, 1.3, "check cold ≤ 1.3× parse floor, 10k one-event files"),
    ("10000x1", BUILD, 1.5, "build --format json ≤ 1.5× parse floor, 10k one-event files"),
    ("10000x1", CHECK_WARM, 0.35, "check warm ≤ 0.35× parse floor, 10k one-event files"),
    ("onefile", CHECK_ONE, 0.35, "check FILE warm ≤ 0.35× parse floor of the whole 10k corpus"),
    ("schema", CHECK, 0.15, "check ≤ 0.15× check-jsonschema, 2k one-event files"),
    ("startup", VERSION, 1.3, 'timeline --version ≤ 1.3× python -c "import typer"'),
    ("startup", HELP, 1.6, 'timeline --help ≤ 1.6× python -c "import typer"'),
    ("100000x1", BUILD, 1.5, "build --format json ≤ 1.5× parse floor, 100k one-event files"),
    *[
        (f"errors{n}", label, limit, f"{what} ≤ {limit}× the same corpus fixed, {n // 1000}k one-event files")
        for n in ERROR_SIZES
        for label, limit, what in (
            (WITH_MISSING, 1.5, "check with 20% missing relation ids"),
            (WITH_MISSPELT, 2.0, "check with a misspelt key per file"),
        )
    ],
    ("structure", CHAIN, 1.5, "chain (cold) ≤ 1.5× parse floor, largest corpus, 100 per file"),
    ("structure", GRAPH, 1.5, "graph --format json (cold) ≤ 1.5× parse floor, largest corpus, 100 per file"),
    ("structure", STATS, 1.5, "stats (cold) ≤ 1.5× parse floor, largest corpus, 100 per file"),
    (
        "dates",
        date_parsing.NEW_LABEL,
        date_parsing.GOAL,
        f"parse 100k dates ≤ {date_parsing.GOAL}× the previous parser, on the forms it read",
    ),
]


@dataclass
class Command:
    """A command to time, as shown in the tables."""

    label: str
    steps: list[list[str]]  # argument vectors run one after the other; their times add up
    fresh_cache: bool = False  # give each run an empty cache directory (a first run)


@dataclass
class Result:
    """The runs of one command."""

    times: list[float] = field(default_factory=list)
    rss_kb: int | None = None  # peak RSS of the largest process of any run (None: not measured)
    exit_code: int = 0  # the last non-zero exit code seen, else 0
    error: str = ""  # last line of the standard error of that run
    crashed: bool = False  # a traceback, or an exit code other than 0, 1 (problems) and 2

    @property
    def missing(self) -> bool:
        return self.exit_code == USAGE_ERROR

    @property
    def seconds(self) -> float | None:
        """The median time; None when the command is missing or crashed."""
        return None if self.missing or self.crashed or not self.times else statistics.median(self.times)


@dataclass
class Section:
    """The results of one table, and the baseline they are divided by."""

    title: str
    baseline: str  # label of the result the others are divided by
    results: dict[str, Result]
    repeat: int
    notes: list[str] = field(default_factory=list)

    def all_notes(self) -> list[str]:
        """The notes, then the error of each command that failed or is missing."""
        return self.notes + [
            f"{label}: {result.error}" for label, result in self.results.items() if result.exit_code and result.error
        ]

    def ratio(self, label: str) -> float | None:
        value, base = self.results[label].seconds, self.results[self.baseline].seconds
        return None if value is None or not base else value / base


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k events only, fewer runs")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(n) for n in text.split(",")],
        help="comma-separated numbers of events (default: 1000,10000,100000)",
    )
    parser.add_argument("--repeat", type=int, help="runs of every command (default: by size)")
    parser.add_argument("--markdown", metavar="FILE", help="also write the results as Markdown to FILE")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML page in Chromium (html_page.py)")
    parser.add_argument(
        "--only",
        type=lambda text: text.split(","),
        default=list(SECTIONS),
        help=f"comma-separated sections to run (default: all of {','.join(SECTIONS)}); "
        "--sizes applies to corpus and errors",
    )
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    args.error_sizes = args.sizes or ERROR_SIZES
    args.sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    return args


def repeats(n_events: int, args: argparse.Namespace) -> int:
    """How many runs to take the median of: fewer for larger corpora."""
    if args.repeat:
        return args.repeat
    if n_events <= 2000:
        return 3 if args.quick else 5
    return (2 if args.quick else 3) if n_events <= 10_000 else 1


def corpus(n_events: int, per_file: int, seed: int = 1, errors: str | None = None) -> Path:
    """The corpus directory for these parameters, generated unless already there."""
    generator = hashlib.sha256((HERE / "corpus.py").read_bytes()).hexdigest()
    root = CORPORA / (f"{n_events}-events-{per_file}-per-file-seed-{seed}" + (f"-{errors}" if errors else ""))
    stamp = root / ".parameters"  # written last: a corpus without it is incomplete
    wanted = f"n_events={n_events} per_file={per_file} seed={seed} generator={generator}\n"
    if errors:
        wanted = f"errors={errors} {wanted}"
    if stamp.exists() and stamp.read_text() == wanted:
        return root
    shutil.rmtree(root, ignore_errors=True)
    log(f"generating {root.relative_to(ROOT)}")
    write_corpus(root, n_events, per_file, seed, errors)
    stamp.write_text(wanted)
    return root


def event_files(root: Path) -> list[str]:
    """The event files of a corpus, sorted (the registry left out)."""
    return sorted(str(path) for path in root.rglob("*.yaml") if path.name != "actors.yaml")


def batches(head: list[str], files: list[str]) -> list[list[str]]:
    """`head + files` split into argument vectors that stay well under the system limit."""
    limit = os.sysconf("SC_ARG_MAX") // 4
    steps = [list(head)]
    size = sum(len(arg) + 1 for arg in head)
    for name in files:
        if size + len(name) + 1 > limit and len(steps[-1]) > len(head):
            steps.append(list(head))
            size = sum(len(arg) + 1 for arg in head)
        steps[-1].append(name)
        size += len(name) + 1
    return steps


def run_once(command: Command, env: dict[str, str]) -> tuple[float, int | None, int, str]:
    """Run the steps of `command`: (seconds, peak RSS in KB, exit code, stderr)."""
    if command.fresh_cache:
        env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=env["XDG_CACHE_HOME"])}
    seconds, rss_kb, code, stderr = 0.0, None, 0, ""
    try:
        for argv in command.steps:
            with tempfile.NamedTemporaryFile("r") as report:
                wrapped = [GNU_TIME, "-f", "%M", "-o", report.name, *argv] if GNU_TIME else argv
                started = time.perf_counter()
                run = subprocess.run(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
                seconds += time.perf_counter() - started
                if GNU_TIME:  # the last line is the figure, after any "Command exited with..."
                    rss_kb = max(rss_kb or 0, int(report.read().split()[-1]))
            if run.returncode:
                code, stderr = run.returncode, run.stderr.decode(errors="replace")
    finally:
        if command.fresh_cache:
            shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    return seconds, rss_kb, code, stderr


def last_line(text: str) -> str:
    """The last line of an error output that says something (a traceback's exception)."""
    lines = [line.strip(BOX) for line in text.splitlines()]
    return next((line for line in reversed(lines) if line), "")


def measure(commands: list[Command], repeat: int, env: dict[str, str]) -> dict[str, Result]:
    """Run the commands round-robin `repeat` times; a command missing (exit 2) is run once."""
    results = {command.label: Result() for command in commands}
    for _ in range(repeat):
        for command in commands:
            result = results[command.label]
            if result.missing:
                continue
            seconds, rss_kb, code, stderr = run_once(command, env)
            result.times.append(seconds)
            if rss_kb is not None:
                result.rss_kb = max(result.rss_kb or 0, rss_kb)
            if code:
                result.exit_code, result.error = code, last_line(stderr)
                result.crashed = result.crashed or code not in (0, 1, USAGE_ERROR) or "Traceback" in stderr
    return results


def corpus_section(n_events: int, per_file: int, args: argparse.Namespace, env: dict[str, str]) -> Section:
    """The floor, check (cold and warm), build and filter on one synthetic corpus."""
    root = corpus(n_events, per_file)
    path = str(root)
    repeat = repeats(n_events, args)
    title = f"{n_events:,} events, {per_file} per file ({len(event_files(root)) + 1:,} files)"
    log(f"measuring {title}, {repeat} run(s)")
    # Fills the cache for the warm check, and tells whether the corpus is clean.
    fill = subprocess.run([TIMELINE, "check", path], capture_output=True, text=True, env=env)
    notes = []
    if "Traceback" in fill.stderr:
        notes.append(f"`timeline check` crashes on this corpus: {last_line(fill.stderr)}")
    elif fill.returncode:
        lines = fill.stdout.strip().splitlines()
        notes.append(
            f"`timeline check` reports {len(lines)} problem(s) on this corpus (exit "
            f"{fill.returncode}), first ones:\n" + "\n".join(f"    {line}" for line in lines[:5])
        )
    commands = [
        Command(FLOOR, [[PYTHON, "-c", FLOOR_CODE, path]]),
        Command(CHECK_COLD, [[TIMELINE, "check", "--no-cache", path]]),
        Command(CHECK_WARM, [[TIMELINE, "check", path]]),
        Command(BUILD, [[TIMELINE, "build", "--format", "json", path]], fresh_cache=True),
        Command(FILTER, [[TIMELINE, "filter", "--actor", "Actor Number 7", path]], fresh_cache=True),
    ]
    return Section(title, FLOOR, measure(commands, repeat, env), repeat, notes)


def schema_section(args: argparse.Namespace, env: dict[str, str]) -> Section:
    """`timeline check` against check-jsonschema on the same one-event files."""
    files = event_files(corpus(SCHEMA_FILES, 1))
    repeat = repeats(SCHEMA_FILES, args)
    title = f"{len(files):,} one-event files given by name (checked in their corpus, with its registry)"
    log(f"measuring {title}, {repeat} run(s)")
    commands = [
        Command(JSONSCHEMA, batches([str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA)], files)),
        Command(CHECK, batches([TIMELINE, "check", "--no-cache"], files)),
    ]
    return Section(title, JSONSCHEMA, measure(commands, repeat, env), repeat)


def one_file_section(args: argparse.Namespace, env: dict[str, str]) -> Section:
    """`timeline check FILE` (a pre-commit hook, an editor) on one file of a 10k-event corpus, which it
    checks in the context of the whole corpus, against the parse floor of that whole corpus."""
    root = corpus(ONE_FILE_EVENTS, 1)
    path, one = str(root), event_files(root)[len(event_files(root)) // 2]
    repeat = repeats(ONE_FILE_EVENTS, args)
    title = f"one file checked in the context of {ONE_FILE_EVENTS:,} one-event files"
    log(f"measuring {title}, {repeat} run(s)")
    subprocess.run([TIMELINE, "check", path], capture_output=True, env=env)  # fills the cache
    commands = [
        Command(FLOOR, [[PYTHON, "-c", FLOOR_CODE, path]]),
        Command(CHECK_ONE, [[TIMELINE, "check", one]]),
    ]
    return Section(title, FLOOR, measure(commands, repeat, env), repeat)


def startup_section(args: argparse.Namespace, env: dict[str, str]) -> Section:
    """Start-up time of the command line against importing typer alone."""
    repeat = args.repeat or 2 * repeats(0, args)
    log(f"measuring start-up, {repeat} run(s)")
    commands = [
        Command(IMPORT_TYPER, [[PYTHON, "-c", "import typer"]]),
        Command(VERSION, [[TIMELINE, "--version"]]),
        Command(HELP, [[TIMELINE, "--help"]]),
    ]
    return Section("Start-up", IMPORT_TYPER, measure(commands, repeat, env), repeat)


def errors_section(n_events: int, args: argparse.Namespace, env: dict[str, str]) -> Section:
    """`check` on corpora with errors against the same corpus with them fixed (the error path
    must cost about what the clean path does: no suggestion scans every id)."""
    fixed, missing, misspelt = (
        corpus(n_events, 1),
        corpus(n_events, 1, errors=MISSING_IDS),
        corpus(n_events, 1, errors=MISSPELT_KEY),
    )
    repeat = repeats(n_events, args)
    title = f"{n_events:,} one-event files with errors ({', '.join(ERRORS)})"
    log(f"measuring {title}, {repeat} run(s)")
    commands = [
        Command(FIXED, [[TIMELINE, "check", "--no-cache", str(fixed)]]),
        Command(WITH_MISSING, [[TIMELINE, "check", "--no-cache", str(missing)]]),
        Command(WITH_MISSPELT, [[TIMELINE, "check", "--no-cache", str(misspelt)]]),
    ]
    return Section(title, FIXED, measure(commands, repeat, env), repeat)


def structure_section(args: argparse.Namespace, env: dict[str, str]) -> Section:
    """`chain`, `graph --format json` and `stats` on the largest corpus (100 events per file),
    each a first run (empty cache), against the parse floor; `build --format json` alongside."""
    n_events, per_file = max(args.sizes), 100
    root = corpus(n_events, per_file)
    path = str(root)
    repeat = repeats(n_events, args)
    title = f"Structure: {n_events:,} events, {per_file} per file, first runs (empty cache)"
    log(f"measuring {title}, {repeat} run(s)")
    commands = [
        Command(FLOOR, [[PYTHON, "-c", FLOOR_CODE, path]]),
        # For reference: what loading and writing every event costs on the same corpus, in the same run.
        Command(BUILD, [[TIMELINE, "build", "--format", "json", path]], fresh_cache=True),
        Command(CHAIN, [[TIMELINE, "chain", "event-0", path]], fresh_cache=True),
        Command(GRAPH, [[TIMELINE, "graph", "--format", "json", path]], fresh_cache=True),
        Command(STATS, [[TIMELINE, "stats", path]], fresh_cache=True),
    ]
    return Section(title, FLOOR, measure(commands, repeat, env), repeat)


def dates_section(args: argparse.Namespace, env: dict[str, str]) -> Section:
    """The date parser in a process of its own: 100,000 dates of mixed forms, new against previous."""
    repeat = args.repeat or (3 if args.quick else 7)
    log(f"measuring the date parser, {repeat} pass(es)")
    run = subprocess.run(
        [PYTHON, str(HERE / "date_parsing.py"), "--json", "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        env=env,
    )
    results = {label: Result() for label in (date_parsing.OLD_LABEL, date_parsing.NEW_LABEL, date_parsing.ALL_LABEL)}
    if run.returncode:
        for result in results.values():
            result.exit_code, result.error, result.crashed = run.returncode, last_line(run.stderr), True
    else:
        for label, seconds in json.loads(run.stdout).items():
            results[label].times.append(seconds)
    title = f"Date parser: {date_parsing.COUNT:,} dates of mixed forms (in one process)"
    return Section(title, date_parsing.OLD_LABEL, results, repeat)


def goal_rows(sections: dict[str, Section]) -> list[tuple[str, str, str]]:
    """(goal, measured ratio, PASS/FAIL/n/a) for each goal."""
    rows = []
    for key, label, limit, goal in GOALS:
        if key not in sections:
            continue  # not run (--only, --sizes)
        ratio = sections[key].ratio(label)
        if key in sections and sections[key].results[label].crashed:
            rows.append((goal, "failed", "FAIL"))
        else:
            verdict = "n/a" if ratio is None else ("PASS" if ratio <= limit else "FAIL")
            rows.append((goal, "" if ratio is None else f"{ratio:.2f}×", verdict))
    return rows


def memory_lines(sections: dict[str, Section]) -> list[str]:
    """Peak RSS of `build --format json` on the 100k-event corpora."""
    lines = []
    for per_file in LAYOUTS:
        section = sections.get(f"100000x{per_file}")
        if section and section.results[BUILD].seconds is not None and section.results[BUILD].rss_kb:
            kb = section.results[BUILD].rss_kb
            lines.append(
                f"Peak RSS of `timeline {BUILD}`, 100,000 events, {per_file} per file: "
                f"{kb / 1024:.0f} MB ({kb / 100_000:.1f} KB per event)"
            )
    return lines


def cells(section: Section, label: str) -> tuple[str, str, str]:
    """(median time, ratio, peak RSS) of one result, as text."""
    result = section.results[label]
    if result.missing:
        return "n/a (command missing)", "", ""
    if result.crashed:
        return f"failed (exit {result.exit_code})", "", ""
    seconds, ratio = result.seconds, section.ratio(label)
    shown = f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"
    if result.exit_code:
        shown += f" (exit {result.exit_code})"
    ratio_text = "baseline" if label == section.baseline else ("" if ratio is None else f"{ratio:.2f}×")
    return shown, ratio_text, "n/a" if result.rss_kb is None else f"{result.rss_kb / 1024:.0f} MB"


def machine() -> str:
    """The machine, in one line: cores, memory, CPU model, Python version."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    version = subprocess.run([PYTHON, "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores, {memory_kb / 1024**2:.0f} GiB RAM, {cpu}, {version}"


def render_text(sections: dict[str, Section], header: list[str]) -> str:
    """The results as plain tables."""
    out = [*header, ""]
    for section in sections.values():
        out.append(f"{section.title}: median of {section.repeat} run(s), ratio to {section.baseline}")
        for label in section.results:
            shown, ratio, rss = cells(section, label)
            out.append(f"  {label:<34} {shown:>22} {ratio:>9} {rss:>8}")
        out.extend(f"  note: {note}" for note in section.all_notes())
        out.append("")
    out.append("Goals")
    out.extend(f"  {verdict:<5} {ratio:>7}  {goal}" for goal, ratio, verdict in goal_rows(sections))
    out.extend(["", *memory_lines(sections)])
    return "\n".join(out) + "\n"


def render_markdown(sections: dict[str, Section], header: list[str]) -> str:
    """The results as a Markdown section for docs/performance.md."""
    out = ["## Latest figures", ""] + [f"{line}  " for line in header] + [""]
    for section in sections.values():
        out += [
            f"### {section.title}",
            "",
            f"Median of {section.repeat} run(s); ratio to {section.baseline}.",
            "",
            "| Command | Median | Ratio | Peak RSS |",
            "|---|--:|--:|--:|",
        ]
        out += ["| {} | {} | {} | {} |".format(label, *cells(section, label)) for label in section.results]
        out.append("")
        for note in section.all_notes():
            first, *details = note.splitlines()
            out += [f"Note: {first}", ""] + (["```text", *(d.strip() for d in details), "```", ""] if details else [])
    out += ["### Goals", "", "| Goal | Measured | Verdict |", "|---|--:|---|"]
    out += [f"| {goal} | {ratio} | {verdict} |" for goal, ratio, verdict in goal_rows(sections)]
    out += [""] + [f"{line}  " for line in memory_lines(sections)]
    return "\n".join(out) + "\n"


def log(message: str) -> None:
    """Progress, on stderr, so that stdout holds only the results."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> None:
    """Measure everything, print the tables, and write the Markdown if asked."""
    args = parse_args(argv)
    started, load_before = time.monotonic(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache}
        sections: dict[str, Section] = {}
        if "corpus" in args.only:
            sections.update(
                {f"{n}x{per_file}": corpus_section(n, per_file, args, env) for n in args.sizes for per_file in LAYOUTS}
            )
        if "onefile" in args.only:
            sections["onefile"] = one_file_section(args, env)
        if "schema" in args.only:
            sections["schema"] = schema_section(args, env)
        if "startup" in args.only:
            sections["startup"] = startup_section(args, env)
        if "errors" in args.only:
            sections.update({f"errors{n}": errors_section(n, args, env) for n in args.error_sizes})
        if "dates" in args.only:
            sections["dates"] = dates_section(args, env)
        if "structure" in args.only:
            sections["structure"] = structure_section(args, env)
    version = subprocess.run([TIMELINE, "--version"], capture_output=True, text=True).stdout.strip()
    header = [
        f"{version or 'timeline'} on {machine()}",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"benchmark took {time.monotonic() - started:.0f} s; load average (1 min) "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on the cores "
        "slows the parallel `timeline` more than the one-core baselines)",
    ]
    print(render_text(sections, header), end="")
    page = ""
    if "html" in args.only and not args.no_html:  # the `--format html` page of 10k events in Chromium: html_page.py
        import html_page

        page = html_page.report(html_page.measure(corpus(10_000, 1), TIMELINE, 2 if args.quick else 3))
        print("\n" + page, end="")
    from links import run_benchmark as links_benchmark  # benchmarks/links.py: `timeline links` on a local server

    link_count = 500 if args.quick else 2000
    log(f"timeline links: {link_count} URLs on a local server")
    print("\n" + links_benchmark(urls=link_count))
    if args.markdown:
        text = render_markdown(sections, header) + (f"\n### The HTML page\n\n```text\n{page}```\n" if page else "")
        Path(args.markdown).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
