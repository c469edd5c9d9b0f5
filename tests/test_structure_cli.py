"""`timeline show`, `chain`, `graph`, `stats` and the `--related` filter, as users call them.

Golden files on a fixture corpus with every shape a chain takes (answers, a diamond, a
cycle, an event alone), exit codes, hostile titles in every format, and the real programs
that read the graphs: Graphviz's `dot` and Mermaid in headless Chromium.
Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from . import realclients
from .conftest import ROOT, run

GOLDEN = Path(__file__).parent / "golden" / "structure"
CORPUS = "tests/fixtures/relations"
TERMINAL = "[bold]x[/bold] \u001b[31mred \u202e"
HOSTILE = 'He said "end"; \\N \\l <b>bold</b> <img src=x onerror=alert(1)> [link](x) #35; %%{init}%% `x` & ;'


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("show.txt", ["show", "injunction", CORPUS]),
        ("show.md", ["show", "injunction", CORPUS, "--format", "markdown"]),
        ("show.json", ["show", "injunction", CORPUS, "--format", "json"]),
        ("chain.txt", ["chain", "order", CORPUS]),
        ("chain.md", ["chain", "order", CORPUS, "--format", "markdown"]),
        ("chain.json", ["chain", "order", CORPUS, "--format", "json"]),
        ("chain-cycle.txt", ["chain", "claim-a", CORPUS]),
        ("graph.dot", ["graph", CORPUS]),
        ("graph.mmd", ["graph", CORPUS, "--format", "mermaid"]),
        ("graph.json", ["graph", CORPUS, "--format", "json"]),
        ("stats.txt", ["stats", CORPUS]),
        ("stats.json", ["stats", CORPUS, "--format", "json"]),
        ("stats-actor.csv", ["stats", CORPUS, "--by", "actor", "--format", "csv"]),
    ],
)
def test_golden(name: str, args: list[str]) -> None:
    """Each command renders the fixture corpus exactly as its golden file."""
    result = run(*args, cwd=ROOT, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8", newline="")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["show", "injuncton", CORPUS],
        ["chain", "injuncton", CORPUS],
        ["filter", CORPUS, "--related", "injuncton"],
        ["graph", CORPUS, "--related", "injuncton"],
        ["stats", CORPUS, "--related", "injuncton"],
    ],
)
def test_unknown_id_exits_2_with_a_suggestion(args: list[str]) -> None:
    """A mistyped id is a usage error that names the closest id."""
    result = run(*args, cwd=ROOT)
    assert result.returncode == 2
    assert "no event has the id `injuncton`" in result.stderr
    assert "did you mean `injunction`?" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["filter", CORPUS, "--depth", "1"], "--depth and --direction go with --related ID"),
        (["filter", CORPUS, "--direction", "up"], "--depth and --direction go with --related ID"),
        (["filter", CORPUS, "--related", "order", "--depth", "-1"], "give 0 or more"),
        (["chain", "order", CORPUS, "--depth", "-1"], "give 0 or more"),
        (["chain", "order", CORPUS, "--direction", "sideways"], "`sideways` is not a direction"),
        (["filter", CORPUS, "--related", "order", "--depth", "one"], "--depth"),
        (["stats", CORPUS, "--by", "yaer"], "did you mean `year`?"),
        (["graph", CORPUS, "--format", "svg"], "`svg` is not a format"),
    ],
)
def test_bad_options_exit_2(args: list[str], message: str) -> None:
    result = run(*args, cwd=ROOT)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def _ids(args: list[str]) -> list[str]:
    result = run("filter", CORPUS, "--format", "json", *args, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return [event["id"] for event in json.loads(result.stdout)["events"]]


def test_related_keeps_the_chain_in_corpus_order() -> None:
    """--related keeps the event and what it is linked to, transitively, in corpus order."""
    assert _ids(["--related", "injunction", "--direction", "down"]) == ["injunction", "white-house", "appeal"]
    assert _ids(["--related", "injunction", "--direction", "up"]) == ["order", "lawsuit", "joinder", "injunction"]
    assert _ids(["--related", "injunction"]) == ["order", "lawsuit", "joinder", "injunction", "white-house", "appeal"]
    assert _ids(["--related", "order", "--direction", "down", "--depth", "1"]) == [
        "order",
        "mayor-sf",
        "mayor-chicago",
        "lawsuit",
        "joinder",
        "injunction",
    ]
    assert _ids(["--related", "order", "--depth", "0"]) == ["order"]
    assert _ids(["--related", "claim-a"]) == ["claim-a", "claim-b"]  # a cycle ends
    assert _ids(["--related", "loner"]) == ["loner"]


def test_related_combines_with_other_filters_by_and() -> None:
    """The chain is walked over the whole corpus, then every other filter applies too."""
    assert _ids(["--related", "order", "--kind", "lawsuit"]) == ["lawsuit", "joinder", "appeal"]
    assert _ids(["--related", "order", "--kind", "lawsuit", "--since", "2017-03"]) == ["appeal"]
    assert _ids(["--related", "order", "--actor", "Judge Orrick"]) == ["injunction", "white-house"]


def test_show_lists_what_the_injunction_blocks_and_what_answered_it() -> None:
    """On events/: the Orrick injunction blocks EO 13768 and is answered by the White House."""
    result = run("show", "orrick-injunction-blocks-eo-13768", "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert {"type": "blocks", "label": "blocks", "id": "eo-13768-signed"} in [
        {"type": e["type"], "label": e["label"], "id": e["event"]["id"]} for e in shown["outgoing"]
    ]
    answers = [e["event"]["id"] for e in shown["incoming"] if e["label"] == "answered by"]
    assert "white-house-blasts-orrick-ruling" in answers


def test_chain_from_the_executive_order_on_events() -> None:
    """On events/: the chain from EO 13768 holds the mayors' answers, the lawsuits, the
    injunction and what followed it, each event once."""
    result = run("chain", "eo-13768-signed", "--format", "json", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    chain = json.loads(result.stdout)
    ids = [node["id"] for node in chain["nodes"]]
    assert len(ids) == len(set(ids))
    for expected in (
        "de-blasio-defies-eo-13768",
        "garcetti-values-not-for-sale",
        "walsh-boston-direct-attack",
        "san-francisco-sues-over-eo-13768",
        "seattle-sues-over-eo-13768",
        "orrick-injunction-blocks-eo-13768",
        "white-house-blasts-orrick-ruling",
        "orrick-not-inclined-to-reinstate-order",
    ):
        assert expected in ids
    assert {"source": "orrick-injunction-blocks-eo-13768", "target": "eo-13768-signed", "type": "blocks"} in chain[
        "edges"
    ]
    tree = run("chain", "eo-13768-signed", cwd=ROOT, env={"NO_COLOR": "1"}).stdout
    assert (
        "└── blocked by: 25 Apr 2017 · ruling · Judge William Orrick" in tree
        or "├── blocked by: 25 Apr 2017 · ruling · Judge William Orrick" in tree
    )


def _hostile_corpus(tmp_path: Path) -> Path:
    """Two events whose titles hold what breaks DOT, Mermaid, Markdown and terminals."""
    (tmp_path / "a.yaml").write_text(
        "- id: a\n  date: 2017-01-01\n  kind: decree\n  controversy: x\n"
        f"  title: {json.dumps(HOSTILE)}\n  sources: [{{title: s}}]\n"
        "- id: end\n  date: 2017-01-02\n  kind: ruling\n  controversy: end\n"
        f"  title: {json.dumps(TERMINAL)}\n  sources: [{{title: s}}]\n"
        "  relations: [{type: blocks, event: a}]\n",
        encoding="utf-8",
    )
    return tmp_path


def test_dot_output_is_accepted_by_graphviz(tmp_path: Path) -> None:
    """`dot -Tsvg` reads the graph of events/, of the fixtures and of hostile titles, and
    draws every title as text."""
    dot = realclients.dot()
    for corpus in ("events", CORPUS, str(_hostile_corpus(tmp_path))):
        result = run("graph", corpus, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        drawn = subprocess.run([dot, "-Tsvg"], input=result.stdout, capture_output=True, text=True, timeout=120)
        assert drawn.returncode == 0, drawn.stderr
        assert drawn.stderr == ""
        assert drawn.stdout.count('class="node"') == len(
            json.loads(run("graph", corpus, "--format", "json", cwd=ROOT).stdout)["nodes"]
        )
    assert "He said &quot;end&quot;; \\N \\l &lt;b&gt;bold&lt;/b&gt;" in drawn.stdout
    assert "<img" not in drawn.stdout and "<b>" not in drawn.stdout


def test_mermaid_escapes_every_title(tmp_path: Path) -> None:
    """No title can end a Mermaid label or start a directive: only letters, digits and spaces
    appear as they are, and node ids are generated (`end` is a keyword)."""
    result = run("graph", str(_hostile_corpus(tmp_path)), "--format", "mermaid")
    assert result.returncode == 0, result.stderr
    labels = result.stdout.splitlines()
    assert labels[0] == "flowchart LR"
    assert "%%" not in result.stdout and "<b>" not in result.stdout
    assert "end[" not in result.stdout and "end -->" not in result.stdout and "--> end" not in result.stdout
    assert '  subgraph c2 ["x"]' in labels and '  n2 -->|"blocked by"| n1' not in labels
    assert '  n1 -->|"blocked by"| n2' in labels
    assert 'n1["1 Jan 2017 #183; decree<br/>He said #34;end#34;#59;' in result.stdout


MERMAID_PAGE = """<!doctype html><meta charset="utf-8"><body><div id="out"></div></body>"""


@pytest.mark.parametrize("corpus", ["events", CORPUS, "hostile"])
def test_mermaid_flowchart_renders_in_chromium(page, corpus: str, tmp_path: Path) -> None:
    """Mermaid (the pinned npm release) renders the flowchart without an error, one node per event,
    and shows hostile titles as text."""
    modules = realclients.node_modules()
    path = str(_hostile_corpus(tmp_path)) if corpus == "hostile" else corpus
    text = run("graph", path, "--format", "mermaid", cwd=ROOT).stdout
    expected = len(json.loads(run("graph", path, "--format", "json", cwd=ROOT).stdout)["nodes"])
    (tmp_path / "page.html").write_text(MERMAID_PAGE, encoding="utf-8")
    page.goto((tmp_path / "page.html").as_uri())
    page.add_script_tag(path=str(modules / "mermaid" / "dist" / "mermaid.min.js"))
    outcome = page.evaluate(
        """async (text) => {
        mermaid.initialize({startOnLoad: false, maxTextSize: 1000000, maxEdges: 100000, securityLevel: "strict"});
        try {
            const {svg} = await mermaid.render("graph", text);
            document.getElementById("out").innerHTML = svg;
        } catch (error) { return {error: String(error)}; }
        const out = document.getElementById("out");
        return {nodes: out.querySelectorAll("g.node").length, images: out.querySelectorAll("img").length,
                bold: out.querySelectorAll("b").length, text: out.textContent};
    }""",
        text,
    )
    assert "error" not in outcome, outcome.get("error")
    assert outcome["nodes"] == expected
    assert outcome["images"] == 0 and outcome["bold"] == 0
    if corpus == "hostile":
        # Lines of a label are joined without a space: compare without spaces.
        assert HOSTILE.replace(" ", "") in outcome["text"].replace(" ", "")
    assert page.page_errors == []


def test_output_file_and_order_invariance(tmp_path: Path) -> None:
    """--output writes what stdout would show; the order of the paths changes nothing."""
    files = [f"{CORPUS}/sanctuary.yaml", f"{CORPUS}/other.yaml"]
    for args in (["graph", "--format", "dot"], ["chain", "order"], ["stats", "--format", "json"], ["show", "order"]):
        shown = run(*args, *files, cwd=ROOT, env={"NO_COLOR": "1"})
        reversed_order = run(*args, *reversed(files), cwd=ROOT, env={"NO_COLOR": "1", "TZ": "Pacific/Kiritimati"})
        target = tmp_path / "out.txt"
        written = run(*args, *files, "--output", str(target), cwd=ROOT)
        assert shown.returncode == reversed_order.returncode == written.returncode == 0
        assert shown.stdout == reversed_order.stdout == target.read_text(encoding="utf-8")
        assert written.stdout == ""


def test_readme_mermaid_block_is_what_the_command_prints() -> None:
    """The Mermaid flowchart in the README (drawn by GitHub, so it cannot hold the command
    line like the other examples) is exactly what its command prints today."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^```mermaid\n(.*?)^```$", readme, re.M | re.S)
    assert block, "no mermaid block in the README"
    result = run(
        "graph", "--related", "orrick-injunction-blocks-eo-13768", "--depth", "1", "--format", "mermaid", cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert block.group(1) == result.stdout
