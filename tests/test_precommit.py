"""The `timeline-check` hook of `.pre-commit-hooks.yaml`, run by pre-commit itself (`try-repo`).

pre-commit installs this checkout into a fresh virtualenv (pip, hatchling), so this test takes
a while on a first run; PRE_COMMIT_HOME is private to the test, never the user's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT
from .realclients import venv_program

REGISTRY = "actors:\n  - {id: donald-trump, name: Donald Trump, type: person}\n"
GOOD = """\
id: eo-13768
date: 2017-01-25
kind: decree
title: Trump signs Executive Order 13768
actors: [{actor: Donald Trump, role: author}]
sources: [{title: Federal Register}]
"""
REPLY = """\
id: san-francisco-sues
date: 2017-01-31
kind: lawsuit
title: San Francisco sues over the order
sources: [{title: SF Chronicle}]
relations:
  - {type: responds_to, event: eo-13768}
"""
BAD = """\
id: santa-clara-sues
date: 2017-02-03
kind: lawsuit
title: Santa Clara sues over the order
sources: [{title: Mercury News}]
relations:
  - {type: responds_to, event: eo-13769}
"""


def test_hook_is_declared() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "timeline-check")
    assert hook["entry"] == "timeline check" and hook["language"] == "python" and hook["pass_filenames"] is True


def test_try_repo_accepts_a_good_commit_and_rejects_a_dangling_relation(tmp_path: Path) -> None:
    pre_commit = venv_program("pre-commit")
    repo = tmp_path / "corpus"
    (repo / "events" / "sanctuary-cities").mkdir(parents=True)
    (repo / "events" / "actors.yaml").write_text(REGISTRY)
    (repo / "events" / "sanctuary-cities" / "eo-13768.yaml").write_text(GOOD)
    (repo / ".github").mkdir()
    (repo / ".github" / "ci.yml").write_text("on: push\n")  # not an event file: the hook leaves it alone
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "NO_COLOR": "1",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "timeline-check", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "first event")
    # A new file whose relation points to an event of the committed file: checked in context, it passes.
    (repo / "events" / "sanctuary-cities" / "san-francisco-sues.yaml").write_text(REPLY)
    git("add", "-A")
    good = hook()
    assert good.returncode == 0, good.stdout + good.stderr
    assert "timeline check" in good.stdout and "Passed" in good.stdout
    git("commit", "-q", "-m", "reply")
    (repo / "events" / "sanctuary-cities" / "santa-clara-sues.yaml").write_text(BAD)
    git("add", "-A")
    bad = hook()
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert (
        "events/sanctuary-cities/santa-clara-sues.yaml:7:32: error: no event has the id `eo-13769` "
        "(did you mean `eo-13768`?) [dangling-relation]"
    ) in bad.stdout
    assert "san-francisco-sues.yaml" not in bad.stdout.replace("santa-clara", "")  # only the changed file
