"""`timeline --help` stays cheap: it imports neither markdown-it nor pygments (rich's heavy parts)."""

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


def test_help_does_not_import_markdown_or_pygments() -> None:
    result = subprocess.run([sys.executable, "-c", HELP_THEN_MODULES], capture_output=True, text=True, timeout=60)
    assert "Usage: timeline" in result.stdout and "check" in result.stdout
    assert result.stderr.strip() == "[]"
