"""`timeline diff`: the chronology's change between git revisions, on temporary repositories."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from .conftest import run

ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
}
REGISTRY = "actors:\n  - {id: donald-trump, name: Donald Trump, type: person}\n"
EO = """\
id: eo-13768
date: 2017-05-30
kind: decree
title: Trump signs Executive Order 13768
actors: [{actor: Donald Trump, role: author}]
sources:
  - {title: Federal Register, date: 2017-01-30}
"""
MOVED = EO.replace("2017-05-30", "2017-06-01") + "  - {title: New York Times, outlet: NYT}\n"
MARCH = "id: march\ndate: 2017-02\nkind: mobilization\ntitle: A march\nsources: [{title: S}]\n"
RULING = "id: ruling\ndate: 2017-04-25\nkind: ruling\ntitle: Orrick blocks the order\nsources: [{title: S}]\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **ENV}, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose HEAD has the order and a march; the working tree moves the order's date,
    adds a source to it, removes the march and adds a ruling."""
    events = tmp_path / "events"
    events.mkdir()
    (events / "actors.yaml").write_text(REGISTRY)
    (events / "eo.yaml").write_text(EO)
    (events / "march.yaml").write_text(MARCH)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    (events / "eo.yaml").write_text(MOVED)
    (events / "march.yaml").unlink()
    (events / "ruling.yaml").write_text(RULING)
    return tmp_path


def test_text_says_exactly_what_changed(repo: Path) -> None:
    result = run("diff", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "HEAD → the working tree: 1 event added, 1 removed, 1 changed\n"
        "+ 2017-04-25  ruling  ruling: Orrick blocks the order\n"
        "- 2017-02  mobilization  march: A march\n"
        "~ eo-13768: Trump signs Executive Order 13768\n"
        "    date moved from 2017-05-30 to 2017-06-01\n"
        "    source added: “New York Times”, NYT\n"
    )


def test_markdown_for_a_pull_request(repo: Path) -> None:
    result = run("diff", "--format", "markdown", cwd=repo)
    assert result.stdout == (
        "### Chronology changes: 1 event added, 1 removed, 1 changed\n\n"
        "Between HEAD and the working tree.\n\n"
        "**Added**\n\n- 2017-04-25 · *ruling* · Orrick blocks the order (`ruling`)\n\n"
        "**Removed**\n\n- 2017-02 · *mobilization* · A march (`march`)\n\n"
        "**Changed**\n\n- `eo-13768` · Trump signs Executive Order 13768\n"
        "  - date moved from 2017-05-30 to 2017-06-01\n"
        "  - source added: “New York Times”, NYT\n"
    )


def test_json(repo: Path) -> None:
    document = json.loads(run("diff", "--format", "json", cwd=repo).stdout)
    assert (document["before"], document["after"]) == ("HEAD", "the working tree")
    assert [e["id"] for e in document["added"]] == ["ruling"] and [e["id"] for e in document["removed"]] == ["march"]
    assert document["changed"] == [
        {
            "id": "eo-13768",
            "title": "Trump signs Executive Order 13768",
            "file": "events/eo.yaml",
            "changes": [
                {"field": "date", "before": "2017-05-30", "after": "2017-06-01"},
                {
                    "field": "sources",
                    "added": [{"title": "New York Times", "outlet": "NYT"}],
                    "removed": [],
                    "changed": [],
                },
            ],
        }
    ]


def test_two_revisions_and_the_index_untouched(repo: Path) -> None:
    git(repo, "add", "-A")
    index = hashlib.sha256((repo / ".git" / "index").read_bytes()).hexdigest()
    git(repo, "commit", "-q", "-m", "second")
    (repo / "events" / "ruling.yaml").write_text(RULING.replace("Orrick blocks", "Judge Orrick blocks"))
    status = git(repo, "status", "--porcelain")
    index = hashlib.sha256((repo / ".git" / "index").read_bytes()).hexdigest()
    both = run("diff", "HEAD~1", "HEAD", "events", cwd=repo)
    assert both.stdout.startswith("HEAD~1 → HEAD: 1 event added, 1 removed, 1 changed\n")
    tree = run("diff", "HEAD", ".", cwd=repo / "events")
    assert tree.stdout == (
        "HEAD → the working tree: 0 events added, 0 removed, 1 changed\n"
        "~ ruling: Judge Orrick blocks the order\n"
        "    title changed from “Orrick blocks the order” to “Judge Orrick blocks the order”\n"
    )
    assert git(repo, "status", "--porcelain") == status
    assert hashlib.sha256((repo / ".git" / "index").read_bytes()).hexdigest() == index
    assert run("diff", "HEAD", "HEAD", cwd=repo).stdout == "HEAD → HEAD: no change to the chronology\n"


def test_usage_errors(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("not-git")
    (outside / "events").mkdir()
    result = run("diff", cwd=outside)
    assert result.returncode == 2 and "is not in a git repository" in result.stderr
    assert "Traceback" not in result.stderr
    bad = run("diff", "no-such-branch", cwd=repo)
    assert bad.returncode == 2 and "`no-such-branch` is neither a revision" in bad.stderr


def test_author_text_is_escaped(repo: Path) -> None:
    (repo / "events" / "ruling.yaml").write_text(
        RULING.replace("Orrick blocks the order", '"<script>x</script> [link](http://e) \\e[2J"')
    )
    text = run("diff", cwd=repo).stdout
    assert "\x1b" not in text and "\\u001b[2J" in text
    markdown = run("diff", "--format", "markdown", cwd=repo).stdout
    assert "\\<script\\>" in markdown and "\\[link\\]" in markdown


def test_a_source_edited_under_the_same_title(repo: Path) -> None:
    (repo / "events" / "eo.yaml").write_text(
        EO.replace(
            "{title: Federal Register, date: 2017-01-30}", "{title: Federal Register, date: 2017-01-31, page: 12}"
        )
    )
    (repo / "events" / "march.yaml").write_text(MARCH)
    (repo / "events" / "ruling.yaml").unlink()
    result = run("diff", cwd=repo)
    assert result.stdout == (
        "HEAD → the working tree: 0 events added, 0 removed, 1 changed\n"
        "~ eo-13768: Trump signs Executive Order 13768\n"
        "    source “Federal Register” changed: date 2017-01-30 → 2017-01-31, page added (12)\n"
    )
    change = json.loads(run("diff", "-f", "json", cwd=repo).stdout)["changed"][0]["changes"][0]
    assert change == {
        "field": "sources",
        "added": [],
        "removed": [],
        "changed": [
            {
                "before": {"title": "Federal Register", "date": "2017-01-30"},
                "after": {"title": "Federal Register", "date": "2017-01-31", "page": "12"},
            }
        ],
    }
