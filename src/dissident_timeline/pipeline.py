"""From paths to a `Corpus`: discover, read, analyse (cached, in parallel), merge.

This is the only place that decides how the work is scheduled; `loader` and `corpus` stay
pure. Two caches save work on a run over files already seen: whole results, keyed by the
fingerprint of every path and content (a warm `check` reads and hashes the files, and
nothing more), and per-file analyses, so that changing one file re-parses one file.
Large loads are spread over the cores with a process pool: parsing is CPU-bound.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Callable, Sequence

from .cache import AnalysisCache, content_key
from .cache_format import encode_analysis, trusted_analysis
from .corpus import Corpus, build_corpus
from .loader import REGISTRY_NAMES, Analysis, SourceFile, UnreadablePath, analyse, discover, read_source
from .problems import Problem

__all__ = ["cache_enabled", "check_in_corpus", "check_paths", "corpus_root", "load_corpus", "load_files"]

# Below this many files to analyse, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 400
CHUNK_FILES = 250

Progress = Callable[[int, int], None]  # (files done, files in all)


def cache_enabled(use_cache: bool | None) -> bool:
    """Whether to use the cache: as asked, else (None) everywhere but in CI.

    In CI (`CI` set and not empty) the cache may have been restored from another branch,
    that is, written by someone else: a check there must not depend on it unless asked."""
    return (not os.environ.get("CI")) if use_cache is None else use_cache


def check_paths(paths: list[str], *, use_cache: bool | None = None, progress: Progress | None = None) -> list[Problem]:
    """Every problem in the files under `paths`, sorted. `use_cache`: see `cache_enabled`."""
    return _run(paths, cache_enabled(use_cache), progress, problems_only=True).problems


def load_corpus(paths: list[str], *, use_cache: bool | None = None, progress: Progress | None = None) -> Corpus:
    """The checked corpus under `paths`. Raises `loader.UnreadablePath` for a bad path.
    `use_cache`: see `cache_enabled`."""
    return _run(paths, cache_enabled(use_cache), progress, problems_only=False)


def check_in_corpus(
    paths: list[str], corpus_dir: str | None = None, *, use_cache: bool | None = None, progress: Progress | None = None
) -> list[Problem]:
    """The problems of the files under `paths`, checked in the context of their whole corpus.

    The corpus of a path is `corpus_dir`, else the nearest folder at or above it that holds an
    `actors.yaml`. A corpus given whole (its folder among the paths) is checked whole, together with
    the paths that belong to no corpus (`check new-file.yaml events/`); without one, such paths are
    checked on their own, as `check_paths` does. Of a corpus not given whole, only the
    problems of the files named are reported, with the paths as given: a relation to an event
    in another file resolves, and a duplicate id is reported whichever of the two files is named.
    """
    use_cache = cache_enabled(use_cache)
    groups: dict[str | None, list[str]] = {}
    for path in paths:
        root = os.path.abspath(corpus_dir) if corpus_dir else corpus_root(path)
        if root and corpus_dir and not _inside(os.path.abspath(path), root):
            raise UnreadablePath(f"{path}: not inside the corpus {corpus_dir}")
        groups.setdefault(root, []).append(path)
    free = groups.pop(None, [])  # paths outside any corpus
    corpora = {root: named for root, named in groups.items() if root is not None}
    whole = [root for root, named in corpora.items() if any(os.path.abspath(path) == root for path in named)]
    problems: list[Problem] = []
    for group_root, named in corpora.items():
        if group_root in whole:  # a corpus given whole: checked whole, with the free paths given beside it
            together = named + free if group_root == whole[0] else named
            problems.extend(check_paths(together, use_cache=use_cache, progress=progress))
        else:
            problems.extend(_focused(group_root, named, use_cache, progress))
    if free and not whole:
        problems.extend(check_paths(free, use_cache=use_cache, progress=progress))
    return sorted(set(problems))


def corpus_root(path: str) -> str | None:
    """The nearest folder at or above `path` that holds an actor registry (absolute), or None."""
    folder = os.path.abspath(path)
    if not os.path.isdir(folder):
        folder = os.path.dirname(folder)
    while True:
        if any(os.path.isfile(os.path.join(folder, name)) for name in REGISTRY_NAMES):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _inside(path: str, root: str) -> bool:
    return os.path.commonpath([path, root]) == root


def _focused(root: str, given: list[str], use_cache: bool, progress: Progress | None) -> list[Problem]:
    """The problems of the files under `given`, from the corpus at `root`, as the user names them."""
    named, _walk_problems = discover(given)  # raises UnreadablePath for a bad path, as `check` does
    shown = {source.real: source.display for source in named}
    # Shown relative to the working directory, like the paths given (absolute if one of them is).
    top = root if any(os.path.isabs(path) for path in given) else os.path.relpath(root)
    corpus = _run([top], use_cache, progress, problems_only=True)
    missing = set(shown) - {source.real for source in corpus.sources}
    if missing:  # files the walk skips (hidden, or reached through a link): read them too
        corpus = _run([top, *sorted(shown[real] for real in missing)], use_cache, progress, problems_only=True)
    rename = {source.display: shown[source.real] for source in corpus.sources if source.real in shown}
    found = [p for p in corpus.problems if p.path in rename]
    found += [p for p, twin in corpus.counterparts if p.path in rename and twin not in rename]
    return [dataclasses.replace(p, path=rename[p.path]) for p in found]


def load_files(files: list[tuple[SourceFile, bytes]], *, use_cache: bool | None = None) -> Corpus:
    """The checked corpus of files already read (a git revision's, for `diff`)."""
    from .problems import problem
    from .yamlread import MAX_BYTES

    problems = [
        problem("file-too-large", source.display, 1, 1, "the file is over the size cap for event files")
        for source, data in files
        if len(data) > MAX_BYTES
    ]
    contents = [(source, data, content_key(data, source.registry)) for source, data in files if len(data) <= MAX_BYTES]
    cache = AnalysisCache() if cache_enabled(use_cache) else None
    try:
        corpus = build_corpus(_analyses(contents, cache, None), {s.display: data for s, data, _k in contents}, problems)
    finally:
        if cache:
            cache.close()
    corpus.sources = [source for source, _data in files]
    return corpus


def _run(paths: list[str], use_cache: bool, progress: Progress | None, problems_only: bool) -> Corpus:
    """The corpus under `paths` (with no events or actors when `problems_only`), and its sources."""
    sources, walk_problems = discover(paths)
    problems: list[Problem] = list(walk_problems)
    contents: list[tuple[SourceFile, bytes, str]] = []
    for source in sources:
        data = read_source(source)
        if isinstance(data, Problem):
            problems.append(data)
        else:
            contents.append((source, data, content_key(data, source.registry)))
    cache = AnalysisCache() if use_cache else None
    try:
        fingerprint = _fingerprint(contents, problems)
        if cache and problems_only:
            stored = cache.get_problems(fingerprint)
            if stored is not None:
                problems, counterparts = stored
                return Corpus([], [], problems, False, counterparts, sources)
        corpus = build_corpus(
            _analyses(contents, cache, progress), {s.display: data for s, data, _k in contents}, problems
        )
        corpus.sources = sources
        if cache:
            cache.put_problems(fingerprint, corpus.problems, corpus.counterparts)
        return corpus
    finally:
        if cache:
            cache.close()


def _analyses(
    contents: list[tuple[SourceFile, bytes, str]], cache: AnalysisCache | None, progress: Progress | None
) -> list[tuple[SourceFile, Analysis]]:
    cached = cache.get_many(sorted({key for _s, _d, key in contents})) if cache else {}
    missing = [(source, data) for source, data, key in contents if key not in cached]
    fresh = _analyse_all(missing, progress, encoded=cache is not None)
    if cache:
        cache.put_many(
            {
                key: fresh[source.display][1] or encode_analysis(fresh[source.display][0])
                for source, _data, key in contents
                if source.display in fresh
            }
        )
    return [(source, cached.get(key) or fresh[source.display][0]) for source, _data, key in contents]


def _fingerprint(contents: list[tuple[SourceFile, bytes, str]], problems: list[Problem]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for source, _data, key in contents:
        digest.update(f"{source.display}\0{key}\n".encode("utf-8", "surrogateescape"))
    for found in problems:
        digest.update(repr(found).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _analyse_all(
    missing: list[tuple[SourceFile, bytes]], progress: Progress | None, encoded: bool
) -> dict[str, tuple[Analysis, bytes | None]]:
    """Each file's analysis by display path, with its cache encoding when `encoded` and the
    work was spread over processes (workers encode in parallel what the main process would
    otherwise encode alone, and encoded bytes cross between processes faster than records)."""
    total = len(missing)
    results: dict[str, tuple[Analysis, bytes | None]] = {}
    workers = min(os.cpu_count() or 1, 4)
    if total < PARALLEL_MIN_FILES or workers < 2:
        for done, (source, data) in enumerate(missing, 1):
            results[source.display] = (analyse(data, source.registry), None)
            if progress and done % 100 == 0:
                progress(done, total)
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else None)
    chunks = [missing[start : start + CHUNK_FILES] for start in range(0, total, CHUNK_FILES)]
    work = [[(data, source.registry) for source, data in chunk] for chunk in chunks]
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        worker: Callable[[list[tuple[bytes, bool]]], Sequence[Analysis | bytes]] = (
            _encoded_chunk if encoded else _analyse_chunk
        )
        for chunk, outputs in zip(chunks, pool.map(worker, work), strict=True):
            for (source, _data), output in zip(chunk, outputs, strict=True):
                results[source.display] = (
                    (trusted_analysis(output), output) if isinstance(output, bytes) else (output, None)
                )
            done += len(chunk)
            if progress:
                progress(done, total)
    return results


def _analyse_chunk(items: list[tuple[bytes, bool]]) -> list[Analysis]:
    return [analyse(data, registry) for data, registry in items]


def _encoded_chunk(items: list[tuple[bytes, bool]]) -> list[bytes]:
    return [encode_analysis(analyse(data, registry)) for data, registry in items]
