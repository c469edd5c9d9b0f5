"""The client harness itself: each real program is there (in CI) and answers."""

from __future__ import annotations

import subprocess

from . import realclients


def test_node_reads_the_pinned_packages():
    """node loads every package pinned in tests/clients, at the pinned version."""
    modules = realclients.node_modules()
    script = (
        "const fs = require('fs'); for (const p of ['@knight-lab/timelinejs','@markwhen/parser',"
        "'mermaid','vnu-jar']) console.log(p, JSON.parse(fs.readFileSync("
        "process.argv[1] + '/' + p + '/package.json')).version)"
    )
    out = subprocess.run(
        [realclients.node(), "-e", script, str(modules)], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:4] == ["@knight-lab/timelinejs 3.9.11", "@markwhen/parser 1.2.0", "mermaid 12.3.0", "vnu-jar 26.9.27"]


def test_chromium_renders_a_page(page):
    page.set_content("<p id=x>ok</p><script>document.getElementById('x').textContent = 'ran'</script>")
    assert page.text_content("#x") == "ran"
    assert page.page_errors == []
