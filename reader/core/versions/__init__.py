"""One base compared with several versions of it (issue 25).

``compare_versions(base, versions, options)`` compares the base with every version by the
pairwise ``compare`` (in worker processes when the texts are large enough to pay for them)
and returns a frozen :class:`VersionsResult`: each version's own ``Comparison``, every base
sentence's status per version, the sentences versions add (and which other versions add
them too), the facts the versions state differently, and a version-to-version overlap table.

``iter_versions`` yields each version's result as soon as it is done, for a view that shows
the first version while the others still run; ``summarise`` builds the VersionsResult from
results got that way. No Qt here, as everywhere in ``reader.core``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.core.model import CompareOptions, Document
from reader.core.versions.facts_table import fact_rows
from reader.core.versions.model import (
    MAX_VERSIONS,
    STATUS_LETTERS,
    Addition,
    FactCell,
    FactRow,
    Overlap,
    SentenceState,
    SentenceStatus,
    SharedAddition,
    VersionResult,
    VersionsError,
    VersionsResult,
)
from reader.core.versions.run import Render, available_cores, check_version_count, iter_versions, worker_count
from reader.core.versions.summary import additions, base_index_map, overlap_table, version_states

__all__ = [
    "MAX_VERSIONS",
    "STATUS_LETTERS",
    "Addition",
    "FactCell",
    "FactRow",
    "Overlap",
    "Render",
    "SentenceState",
    "SentenceStatus",
    "SharedAddition",
    "VersionResult",
    "VersionsError",
    "VersionsResult",
    "available_cores",
    "check_version_count",
    "compare_versions",
    "iter_versions",
    "summarise",
    "worker_count",
]

OnVersion = Callable[[VersionResult], None]


def compare_versions(
    base: Document,
    versions: Sequence[Document],
    options: CompareOptions | None = None,
    *,
    workers: int | None = None,
    on_version: OnVersion | None = None,
) -> VersionsResult:
    """Compare ``base`` with every version; ``on_version`` hears of each as it finishes.

    ``workers``: None decides by the texts' size and the cores, 0 or 1 keeps everything in
    this process, n >= 2 uses up to n worker processes. Raises :class:`VersionsError` for no
    versions or more than :data:`MAX_VERSIONS`.
    """
    options = options or CompareOptions()
    results = []
    for result, _ in iter_versions(base, versions, options, workers=workers):
        if on_version is not None:
            on_version(result)
        results.append(result)
    return summarise(base, results, options)


def summarise(
    base: Document, results: Sequence[VersionResult], options: CompareOptions | None = None
) -> VersionsResult:
    """The VersionsResult of results from :func:`iter_versions` (any order; one per version)."""
    options = options or CompareOptions()
    ordered = sorted(results, key=lambda r: r.index)
    check_version_count(len(ordered))
    base_sentences = ordered[0].comparison.sentences_a
    maps = [base_index_map(base_sentences, r.comparison.sentences_a) for r in ordered]
    per_version = [version_states(r.comparison, mapping) for r, mapping in zip(ordered, maps, strict=True)]
    states = tuple(tuple(column[k] for column in per_version) for k in range(len(base_sentences)))
    table, from_base, in_base = overlap_table(base, ordered, options)
    return VersionsResult(
        base=base,
        base_sentences=base_sentences,
        versions=tuple(ordered),
        states=states,
        additions=additions(base, ordered, options),
        facts=fact_rows(base, base_sentences, ordered, maps),
        overlap=table,
        from_base=from_base,
        in_base=in_base,
    )
