"""Compare one base with several versions, in worker processes when it pays.

Each version is compared with the base by the pairwise ``compare`` and nothing else, so its
result is exactly what ``compare(base, version, options)`` gives. The base is read once and
sent once to every worker (the pool's initialiser); the workers are started with the
``spawn`` context (never fork: the window's process runs threads) and run a top-level
function, so nothing in them depends on the parent's state.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import TYPE_CHECKING

from reader.core.compare import compare
from reader.core.model import CompareOptions, Comparison, Document, Sentence
from reader.core.text.sentences import split_sentences
from reader.core.versions.model import MAX_VERSIONS, VersionResult, VersionsError

if TYPE_CHECKING:
    # Imported where a pool starts: the process pool and multiprocessing cost 12 ms to import,
    # which small versions compared in this process never need.
    from concurrent.futures import ProcessPoolExecutor

# A worker costs about 0.2-0.3 s to start (a fresh interpreter importing the engine), and a
# comparison about 1 us per character of the pair: below this many characters over all the
# pairs the versions are compared in this process, one after the other.
PARALLEL_MIN_CHARS = 400_000

# Text or bytes: a large rendering travels back from a worker as UTF-8 bytes at a quarter of the memory.
Render = Callable[[Comparison], str | bytes]
# What starting a worker raises where processes cannot be made (a daemonic parent, no /dev/shm).
_CANNOT_START = (AssertionError, OSError, RuntimeError, ValueError)


class BaseSplit:
    """The base's sentences per language, split the first time a language is asked for.

    Every version is read in the language its pair detects, nearly always one for all: the
    base is then split once, not once per version.
    """

    def __init__(self, base: Document) -> None:
        self._base = base
        self._by_language: dict[str, tuple[Sentence, ...]] = {}

    def __call__(self, language: str) -> tuple[Sentence, ...]:
        found = self._by_language.get(language)
        if found is None:
            found = self._by_language[language] = split_sentences(self._base.text, self._base.blocks, language)
        return found


# The worker's copy of what every job shares, set once by the pool's initialiser.
_worker_split: BaseSplit | None = None
_worker_base: Document | None = None
_worker_options: CompareOptions | None = None
_worker_render: Render | None = None


def available_cores() -> int:
    """The cores this process may run on (its affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_version_count(count: int) -> None:
    """Refuse no versions at all and more than :data:`MAX_VERSIONS`."""
    if count < 1:
        raise VersionsError("give at least one version to compare with the base")
    if count > MAX_VERSIONS:
        raise VersionsError(f"{count} versions given; the limit is {MAX_VERSIONS}")


def worker_count(base: Document, versions: Sequence[Document], workers: int | None = None) -> int:
    """How many worker processes to use: 0 means in this process.

    ``workers=None`` decides by the work (see :data:`PARALLEL_MIN_CHARS`) and the cores;
    a number asks for that many (at most one per version); 0 or 1 means in this process.
    """
    if workers is None:
        work = sum(len(base.text) + len(version.text) for version in versions)
        workers = available_cores() if work >= PARALLEL_MIN_CHARS else 0
    workers = min(workers, len(versions))
    return workers if workers >= 2 else 0


def iter_versions(
    base: Document,
    versions: Sequence[Document],
    options: CompareOptions | None = None,
    *,
    workers: int | None = None,
    render: Render | None = None,
) -> Iterator[tuple[VersionResult, str | bytes | None]]:
    """Each version's comparison with the base, yielded as soon as it is done (any order).

    Yields ``(result, rendered)``: ``rendered`` is ``render(result.comparison)`` computed where
    the comparison was (in the worker), None without ``render``. With workers, ``render``
    must be a top-level function (it is pickled by name). Closing the iterator early cancels
    the versions not yet started. Falls back to this process where no worker can start (a
    daemonic process may not have children).
    """
    check_version_count(len(versions))
    options = options or CompareOptions()
    texts = [version.text for version in versions]

    def result(index: int, comparison: Comparison) -> VersionResult:
        first_equal = texts.index(texts[index])
        return VersionResult(
            index=index,
            document=versions[index],
            comparison=comparison,
            identical_to_base=texts[index] == base.text,
            identical_to=first_equal if first_equal < index else None,
        )

    count = worker_count(base, versions, workers)
    pool = _start_pool(count, base, options, render) if count else None
    pending: set[Future[tuple[int, Comparison, str | bytes | None]]] = set()
    if pool is not None:
        try:
            # Workers start on the first submit: that is where a daemonic process is refused.
            pending = {pool.submit(_compare_in_worker, index, version) for index, version in enumerate(versions)}
        except _CANNOT_START:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = None
    if pool is None:
        base_split = BaseSplit(base)
        for index, version in enumerate(versions):
            comparison = compare(base, version, options, split_a=base_split)
            yield result(index, comparison), render(comparison) if render is not None else None
        return
    with pool:
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: f.result()[0]):
                    index, comparison, rendered = future.result()
                    yield result(index, comparison), rendered
        finally:
            for future in pending:
                future.cancel()


def _start_pool(
    count: int, base: Document, options: CompareOptions, render: Render | None
) -> ProcessPoolExecutor | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(
            max_workers=count,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(base, options, render),
        )
    except _CANNOT_START:
        return None  # e.g. inside a daemonic process; the versions are compared here instead


def _init_worker(base: Document, options: CompareOptions, render: Render | None) -> None:
    global _worker_base, _worker_options, _worker_render, _worker_split
    _worker_base, _worker_options, _worker_render = base, options, render
    _worker_split = BaseSplit(base)


def _compare_in_worker(index: int, version: Document) -> tuple[int, Comparison, str | bytes | None]:
    """One pairwise comparison in a worker; what ``render`` needs is computed here too."""
    assert _worker_base is not None and _worker_options is not None, "the pool's initialiser sets them"
    comparison = compare(_worker_base, version, _worker_options, split_a=_worker_split)
    if _worker_render is None:
        return index, comparison, None
    rendered = _worker_render(comparison)
    # The whole-text diff a JSON rendering needed is not sent back: unpickling its segments
    # costs the parent more than the lazy diff would if it is ever asked for again.
    comparison._diff_cache.clear()
    return index, comparison, rendered
