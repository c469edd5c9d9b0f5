"""Shared test helpers: a private cache directory, and running the CLI like a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache directory: no test reads another's cache, or the user's."""
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(directory))
    return directory


def run(
    *args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `timeline ARGS` in a real process; returns exit code, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "dissident_timeline", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (Debian's, through Playwright), or a skip.

    Not per session: Playwright's sync API keeps an asyncio loop running in this thread while
    it is started, and later modules (`timeline links`) call `asyncio.run` themselves."""
    from .realclients import launch_chromium

    playwright, started = launch_chromium()
    yield started
    started.close()
    playwright.stop()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and page errors, with every network request
    outside `file://` and `data:` aborted and recorded (`page.requests_blocked`)."""
    context = browser.new_context()
    new_page = context.new_page()
    new_page.console_errors = []
    new_page.page_errors = []
    new_page.requests_blocked = []
    new_page.on("console", lambda m: m.type == "error" and new_page.console_errors.append(m.text))
    new_page.on("pageerror", lambda e: new_page.page_errors.append(str(e)))

    def guard(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            new_page.requests_blocked.append(url)
            route.abort()

    new_page.route("**/*", guard)
    yield new_page
    context.close()
