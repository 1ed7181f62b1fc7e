"""The fact items the versions state differently, per base sentence, side by side.

Read off each version's pairwise fact items (nothing is searched again): an item with words
in the base is keyed by those words' span, so "30" in the base meets "around 30" in one
version and "as many as 30" in another on one row; an item only a version states (added)
is keyed by its kind and its words, so two versions adding the same figure share a row.
Quotations a version has word for word are no difference and stay out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.core.model import Document, Fact, FactKind, FactStatus, Sentence
from reader.core.versions.model import FactCell, FactRow, VersionResult

_Key = tuple[int, FactKind, tuple[int, int] | None, str]


def _base_sentence(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _key(fact: Fact, result: VersionResult, starts: Sequence[int], base_index: Sequence[int]) -> _Key | None:
    """Where the item belongs: (base sentence, kind, base span, added words); None for none."""
    if fact.a is not None:
        return (_base_sentence(starts, fact.a[0]), fact.kind, fact.a, "")
    if fact.unit is None:
        return None  # an item of a sentence only the version has: it is one of its additions
    own = result.comparison.units[fact.unit].a[0]
    text = result.document.text[fact.b[0] : fact.b[1]] if fact.b is not None else fact.note
    return (base_index[own], fact.kind, None, " ".join(text.casefold().split()))


def fact_rows(
    base: Document,
    base_sentences: Sequence[Sentence],
    results: Sequence[VersionResult],
    base_maps: Sequence[Sequence[int]],
) -> tuple[FactRow, ...]:
    """Every fact item any version states differently, one row per base item, in base order.

    ``base_maps[i]`` turns version i's own base sentence indices into canonical ones (see
    ``summary.base_index_map``; the identity nearly always).
    """
    starts = [s.start for s in base_sentences]
    cells: dict[_Key, list[FactCell | None]] = {}
    for position, result in enumerate(results):
        inverse = _inverse(base_maps[position], len(result.comparison.sentences_a))
        for fact in result.comparison.facts:
            if fact.status is FactStatus.VERBATIM:
                continue
            key = _key(fact, result, starts, inverse)
            if key is None:
                continue
            row = cells.setdefault(key, [None] * len(results))
            if row[position] is None:  # one item per version and key: the first found
                text = result.document.text[fact.b[0] : fact.b[1]] if fact.b is not None else None
                row[position] = FactCell(fact.status, text, fact.note, fact.b)
    rows = [
        FactRow(
            base_sentence=key[0],
            kind=key[1],
            base_text=base.text[key[2][0] : key[2][1]] if key[2] is not None else None,
            base_span=key[2],
            cells=tuple(row),
        )
        for key, row in cells.items()
    ]
    rows.sort(key=lambda r: (r.base_sentence, r.base_span is None, r.base_span or (0, 0), r.kind.value))
    return tuple(rows)


def _inverse(mapping: Sequence[int], own_count: int) -> list[int]:
    """Own base sentence index -> canonical index (the first canonical sentence mapped to it)."""
    inverse = [-1] * own_count
    for canonical, own in enumerate(mapping):
        if 0 <= own < own_count and inverse[own] < 0:
            inverse[own] = canonical
    last = 0
    for own in range(own_count):  # an own sentence no canonical one starts in: its neighbour's
        if inverse[own] < 0:
            inverse[own] = last
        last = inverse[own]
    return inverse
