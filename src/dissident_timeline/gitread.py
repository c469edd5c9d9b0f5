"""Read event files as they are in a git revision, with git itself, without a checkout.

Only read-only plumbing is used (`rev-parse`, `ls-tree`, `cat-file --batch`): the working
tree and the index are never touched, and `GIT_OPTIONAL_LOCKS=0` keeps git from taking
even the optional index lock. Files are selected as `discover` selects them on disk
(`*.yaml`/`*.yml`, hidden files and folders skipped, `actors.yaml` as the registry) and
shown with the path they would have on disk, relative to the working directory.
"""

from __future__ import annotations

import os
import subprocess

from .loader import EXTENSIONS, REGISTRY_NAMES, SourceFile
from .yamlread import MAX_BYTES

__all__ = ["GitError", "repository_top", "resolve_revision", "revision_files"]


class GitError(Exception):
    """Git is missing, the path is not in a repository, or a revision does not exist (usage errors)."""


def _git(top: str, *args: str, data: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", "-C", top, *args], input=data, capture_output=True, env=env, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (timeline diff reads revisions with git)") from None
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository_top(path: str) -> str:
    """The top folder of the git repository that holds `path`."""
    folder = os.path.abspath(path)
    while not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    try:
        return _git(folder, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip()
    except GitError:
        raise GitError(f"{path} is not in a git repository (timeline diff compares git revisions)") from None


def resolve_revision(top: str, revision: str) -> str | None:
    """The commit id that `revision` names in the repository, or None."""
    if revision.startswith("-"):
        return None
    try:
        found = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
        return found.decode().strip()
    except GitError:
        return None


def revision_files(top: str, commit: str, paths: list[str]) -> list[tuple[SourceFile, bytes]]:
    """The event files under `paths` (on-disk paths) in `commit`, with their bytes, sorted by display path."""
    prefixes = [os.path.relpath(os.path.abspath(path), top).replace(os.sep, "/") for path in paths]
    if any(prefix == ".." or prefix.startswith("../") for prefix in prefixes):
        outside = next(p for p, prefix in zip(paths, prefixes, strict=False) if prefix.startswith(".."))
        raise GitError(f"{outside} is outside the git repository at {top}")
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit)
    wanted: dict[str, str] = {}  # object id -> a path holding it (identical files are read once)
    entries: list[tuple[str, str]] = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _tab, name_bytes = record.partition(b"\t")
        mode, kind, object_id = meta.decode().split()
        name = name_bytes.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in ("100644", "100755") or not _selected(name, prefixes):
            continue
        entries.append((object_id, name))
        wanted.setdefault(object_id, name)
    contents = _cat(top, sorted(wanted))
    files = []
    for object_id, name in entries:
        display = os.path.normpath(os.path.relpath(os.path.join(top, name)))
        if any(os.path.isabs(path) for path in paths):
            display = os.path.join(top, name)
        files.append(
            (SourceFile(display, f"{commit}:{name}", os.path.basename(name) in REGISTRY_NAMES), contents[object_id])
        )
    return sorted(files, key=lambda item: item[0])


def _selected(name: str, prefixes: list[str]) -> bool:
    parts = name.split("/")
    if any(part.startswith(".") for part in parts) or not name.endswith(EXTENSIONS):
        return False
    return any(prefix == "." or name == prefix or name.startswith(prefix + "/") for prefix in prefixes)


def _cat(top: str, object_ids: list[str]) -> dict[str, bytes]:
    """The bytes of each blob, in one `git cat-file --batch` (files over the size cap are cut, and refused later)."""
    if not object_ids:
        return {}
    output = _git(top, "cat-file", "--batch", data="".join(f"{oid}\n" for oid in object_ids).encode())
    found: dict[str, bytes] = {}
    position = 0
    for object_id in object_ids:
        header_end = output.index(b"\n", position)
        _oid, _kind, size = output[position:header_end].decode().split()
        start = header_end + 1
        found[object_id] = output[start : start + min(int(size), MAX_BYTES + 1)]
        position = start + int(size) + 1  # the content is followed by a newline
    return found
