"""The Versions grid as plain data: rows of base sentences (and added ones) by versions (no Qt).

Every base sentence is a row, its cell in each version the engine's status
(:class:`~reader.core.versions.SentenceStatus`, shown by its letter in
:data:`~reader.core.versions.STATUS_LETTERS` and a palette colour). Below them come the
sentences the versions add, one row per addition (an addition other versions share is one
row, with a ``+`` in each of them). The Qt model in ``grid`` only reads these values.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.versions import STATUS_LETTERS, SentenceStatus, VersionsResult

ADDED_LETTER = "+"
# The palette role of each status's cell (reader.export.palette): the same as the HTML report's.
STATUS_ROLES: dict[SentenceStatus, str] = {
    SentenceStatus.KEPT: "page",
    SentenceStatus.REWORDED: "only_b",
    SentenceStatus.MOVED: "moved",
    SentenceStatus.SPLIT: "fact",
    SentenceStatus.MERGED: "fact",
    SentenceStatus.DROPPED: "only_a",
}
ADDED_ROLE = "inserted_light"
# The coverage bar's parts, in order: split and merged share one, as in the brief's bar.
COVERAGE_PARTS: tuple[tuple[str, tuple[SentenceStatus, ...]], ...] = (
    ("kept", (SentenceStatus.KEPT,)),
    ("reworded", (SentenceStatus.REWORDED,)),
    ("moved", (SentenceStatus.MOVED,)),
    ("split/merged", (SentenceStatus.SPLIT, SentenceStatus.MERGED)),
    ("dropped", (SentenceStatus.DROPPED,)),
)
# The bar needs a visible colour for kept, which the grid leaves plain.
COVERAGE_ROLES = {
    "kept": "hover",
    "reworded": "inserted",
    "moved": "moved",
    "split/merged": "fact",
    "dropped": "deleted",
}


class RowFilter(StrEnum):
    ALL = "All sentences"
    DROPPED_BY_ANY = "Dropped by any version"
    DROPPED_BY_ALL = "Dropped by all versions"
    ADDED_BY_SEVERAL = "Added by several versions"


@dataclass(frozen=True, slots=True)
class GridCell:
    """One row in one version: a base sentence's status (None for an added sentence) and the
    version's sentences it maps to (indices of that version's ``comparison.sentences_b``)."""

    status: SentenceStatus | None
    sentences: tuple[int, ...]
    edited: bool = False

    @property
    def letter(self) -> str:
        return ADDED_LETTER if self.status is None else STATUS_LETTERS[self.status]

    @property
    def label(self) -> str:
        if self.status is None:
            return "added"
        if self.edited and self.status not in (SentenceStatus.REWORDED, SentenceStatus.KEPT):
            return f"{self.status.value} and reworded"
        return self.status.value


@dataclass(frozen=True, slots=True)
class GridRow:
    """A base sentence (``base`` its index) or an added sentence (``base`` None, ``added_by`` >= 1)."""

    base: int | None
    text: str
    cells: tuple[GridCell | None, ...]  # None: the version does not have this added sentence
    added_by: int = 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def grid_rows(result: VersionsResult) -> list[GridRow]:
    """The base sentences in reading order, then the additions, each shared one once."""
    base_text = result.base.text
    rows = [
        GridRow(
            k,
            _one_line(base_text[sentence.start : sentence.end]),
            tuple(GridCell(state.status, state.sentences, state.edited) for state in result.states[k]),
        )
        for k, sentence in enumerate(result.base_sentences)
    ]
    position_of = {version.index: position for position, version in enumerate(result.versions)}
    seen: set[tuple[int, int]] = set()
    for position, version in enumerate(result.versions):
        sentences = version.comparison.sentences_b
        for addition in result.additions[position]:
            if (addition.version, addition.sentence) in seen:
                continue
            cells: list[GridCell | None] = [None] * len(result.versions)
            cells[position] = GridCell(None, (addition.sentence,))
            for shared in addition.also_in:
                seen.add((shared.version, shared.sentence))
                cells[position_of[shared.version]] = GridCell(None, (shared.sentence,))
            span = sentences[addition.sentence]
            text = _one_line(version.document.text[span.start : span.end])
            rows.append(GridRow(None, text, tuple(cells), addition.added_by))
    return rows


def _dropped(cell: GridCell | None) -> bool:
    return cell is not None and cell.status is SentenceStatus.DROPPED


def keeps(row: GridRow, row_filter: RowFilter) -> bool:
    """Whether ``row`` is shown under ``row_filter``."""
    if row_filter is RowFilter.ALL:
        return True
    if row_filter is RowFilter.ADDED_BY_SEVERAL:
        return row.base is None and row.added_by >= 2
    if row.base is None:
        return False
    if row_filter is RowFilter.DROPPED_BY_ANY:
        return any(_dropped(cell) for cell in row.cells)
    return bool(row.cells) and all(_dropped(cell) for cell in row.cells)


def filtered(rows: list[GridRow], row_filter: RowFilter) -> list[int]:
    """Indices of the rows ``row_filter`` keeps, in order."""
    return [index for index, row in enumerate(rows) if keeps(row, row_filter)]


def coverage(result: VersionsResult, position: int) -> list[tuple[str, float]]:
    """Share of the base's sentences each part of :data:`COVERAGE_PARTS` takes in one version."""
    total = len(result.states)
    counts = {status: 0 for status in SentenceStatus}
    for states in result.states:
        counts[states[position].status] += 1
    return [(name, sum(counts[s] for s in statuses) / total if total else 0.0) for name, statuses in COVERAGE_PARTS]


def dropped_by_some(result: VersionsResult) -> list[tuple[int, int, int]]:
    """``(start, end, how many versions dropped it)`` for each base sentence some version dropped."""
    out = []
    for k, states in enumerate(result.states):
        count = sum(1 for state in states if state.status is SentenceStatus.DROPPED)
        if count:
            sentence = result.base_sentences[k]
            out.append((sentence.start, sentence.end, count))
    return out
