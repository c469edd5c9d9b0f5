"""`timeline --help` imports no more than it shows; the deferred rich modules still work."""

from __future__ import annotations

import subprocess
import sys

HELP_THEN_MODULES = """
import sys
from dissident_timeline.cli import app
try:
    app(["--help"], prog_name="timeline")
except SystemExit:
    pass
print(sorted(name for name in sys.modules if name.split(".")[0] in ("markdown_it", "pygments")), file=sys.stderr)
"""

USE_AFTER_INSTALL = """
import io, sys
from dissident_timeline import _lazy_rich
_lazy_rich.install()
from rich.markdown import Markdown
from rich.traceback import Traceback
from rich.console import Console
console = Console(file=io.StringIO(), width=60, color_system=None)
console.print(Markdown("# Title\\n\\n*some* text"))
try:
    1 / 0
except ZeroDivisionError as error:
    console.print(Traceback.from_exception(type(error), error, error.__traceback__))
import rich.markdown
print(type(rich.markdown).__name__, "markdown_it" in sys.modules)
print(console.file.getvalue())
"""


def test_help_does_not_import_markdown_or_pygments() -> None:
    result = subprocess.run([sys.executable, "-c", HELP_THEN_MODULES], capture_output=True, text=True, timeout=60)
    assert "Usage: timeline" in result.stdout and "check" in result.stdout
    assert result.stderr.strip() == "[]"


def test_deferred_modules_load_on_first_use() -> None:
    result = subprocess.run([sys.executable, "-c", USE_AFTER_INSTALL], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    first, *rest = result.stdout.splitlines()
    assert first == "module True"  # the real module replaced the stand-in
    output = "\n".join(rest)
    assert "Title" in output and "some text" in output and "ZeroDivisionError" in output
