"""The real programs that read our outputs (SPEC §11), found or skipped in one place.

Each helper returns what a test needs to drive one client, or skips the test saying what
is missing. With `TIMELINE_REQUIRE_CLIENTS=1` (set by `.ci/run`) a missing client fails the
test instead: CI must never pass by skipping them.

- `chromium()`: Debian's Chromium, driven by Playwright for Python (no browser download);
- `node_modules()`: the npm packages pinned in `tests/clients/package.json` (`npm ci`);
- `node()`, `java()`, `dot()`: the programs on PATH.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

CLIENTS = Path(__file__).resolve().parent / "clients"
REQUIRED = os.environ.get("TIMELINE_REQUIRE_CLIENTS") == "1"
# The flags a headless Chromium needs on a machine without network or display.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def missing(what: str) -> None:
    """Skip the current test because `what` is missing, or fail it when clients are required."""
    if REQUIRED:
        pytest.fail(f"{what} is missing, and TIMELINE_REQUIRE_CLIENTS=1 forbids skipping", pytrace=False)
    pytest.skip(f"{what} is missing (.ci/run installs it)")


def program(name: str, *candidates: str) -> str:
    """The path of a program on PATH (or one of `candidates`), or skip."""
    for candidate in (name, *candidates):
        found = shutil.which(candidate)
        if found:
            return found
    missing(f"the program `{name}`")
    raise AssertionError  # unreachable: missing() skips or fails


def node() -> str:
    return program("node")


def java() -> str:
    return program("java")


def dot() -> str:
    return program("dot")


def node_modules() -> Path:
    """tests/clients/node_modules, installed by `npm ci` in tests/clients."""
    modules = CLIENTS / "node_modules"
    if not (modules / ".package-lock.json").exists():
        missing("tests/clients/node_modules (run `npm ci` in tests/clients)")
    return modules


def chromium_path() -> str:
    return program("chromium", "chromium-browser")


def launch_chromium():  # -> (playwright, browser)
    """A started Playwright and a headless Chromium; the caller closes both."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python (pip install -e '.[clients]')")
    executable = chromium_path()
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    return playwright, browser


def venv_program(name: str) -> str:
    """A program installed next to the Python running the tests (the test extra), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else program(name)
