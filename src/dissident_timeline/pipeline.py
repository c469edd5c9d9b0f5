"""From paths to a `Corpus`: discover, read, analyse (cached, in parallel), merge.

This is the only place that decides how the work is scheduled; `loader` and `corpus` stay
pure. Two caches save work on a run over files already seen: whole results, keyed by the
fingerprint of every path and content (a warm `check` reads and hashes the files, and
nothing more), and per-file analyses, so that changing one file re-parses one file.
Large loads are spread over the cores with a process pool: parsing is CPU-bound.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence

from .cache import AnalysisCache, content_key
from .cache_format import encode_analysis, trusted_analysis
from .corpus import Corpus, build_corpus
from .loader import Analysis, SourceFile, analyse, discover, read_source
from .problems import Problem

__all__ = ["cache_enabled", "check_paths", "load_corpus"]

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
    return _run(paths, cache_enabled(use_cache), progress, problems_only=True)  # type: ignore[return-value]


def load_corpus(paths: list[str], *, use_cache: bool | None = None, progress: Progress | None = None) -> Corpus:
    """The checked corpus under `paths`. Raises `loader.UnreadablePath` for a bad path.
    `use_cache`: see `cache_enabled`."""
    return _run(paths, cache_enabled(use_cache), progress, problems_only=False)  # type: ignore[return-value]


def _run(paths: list[str], use_cache: bool, progress: Progress | None, problems_only: bool) -> Corpus | list[Problem]:
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
                return stored
        corpus = build_corpus(_analyses(contents, cache, progress), {s.display: data for s, data, _k in contents},
                              problems)
        if cache:
            cache.put_problems(fingerprint, corpus.problems)
        return corpus.problems if problems_only else corpus
    finally:
        if cache:
            cache.close()


def _analyses(contents: list[tuple[SourceFile, bytes, str]], cache: AnalysisCache | None,
              progress: Progress | None) -> list[tuple[SourceFile, Analysis]]:
    cached = cache.get_many(sorted({key for _s, _d, key in contents})) if cache else {}
    missing = [(source, data) for source, data, key in contents if key not in cached]
    fresh = _analyse_all(missing, progress, encoded=cache is not None)
    if cache:
        cache.put_many({key: fresh[source.display][1] or encode_analysis(fresh[source.display][0])
                        for source, _data, key in contents if source.display in fresh})
    return [(source, cached.get(key) or fresh[source.display][0]) for source, _data, key in contents]


def _fingerprint(contents: list[tuple[SourceFile, bytes, str]], problems: list[Problem]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for source, _data, key in contents:
        digest.update(f"{source.display}\0{key}\n".encode("utf-8", "surrogateescape"))
    for found in problems:
        digest.update(repr(found).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _analyse_all(missing: list[tuple[SourceFile, bytes]], progress: Progress | None,
                 encoded: bool) -> dict[str, tuple[Analysis, bytes | None]]:
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
    chunks = [missing[start:start + CHUNK_FILES] for start in range(0, total, CHUNK_FILES)]
    work = [[(data, source.registry) for source, data in chunk] for chunk in chunks]
    done = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        worker: Callable[[list[tuple[bytes, bool]]], Sequence[Analysis | bytes]] = \
            _encoded_chunk if encoded else _analyse_chunk
        for chunk, outputs in zip(chunks, pool.map(worker, work), strict=True):
            for (source, _data), output in zip(chunk, outputs, strict=True):
                results[source.display] = (trusted_analysis(output), output) if isinstance(output, bytes) \
                    else (output, None)
            done += len(chunk)
            if progress:
                progress(done, total)
    return results


def _analyse_chunk(items: list[tuple[bytes, bool]]) -> list[Analysis]:
    return [analyse(data, registry) for data, registry in items]


def _encoded_chunk(items: list[tuple[bytes, bool]]) -> list[bytes]:
    return [encode_analysis(analyse(data, registry)) for data, registry in items]
