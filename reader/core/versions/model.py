"""The frozen values of a versions comparison: one base, several versions of it.

Every version is compared with the base by the pairwise :func:`reader.core.compare.compare`;
its :class:`~reader.core.model.Comparison` is kept whole in :attr:`VersionResult.comparison`
(the base is side A, the version side B). On top of those, :class:`VersionsResult` holds what
only several versions together tell: each base sentence's fate in every version, the sentences
several versions add, the facts the versions state differently, and how much the versions
share with one another.

Indices: versions are numbered from 0 in the order given (shown as V1, V2, ...); base
sentences index :attr:`VersionsResult.base_sentences`; a version's sentences index its
``comparison.sentences_b``. These values are part of a public API: fields may be added,
none renamed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.model import Comparison, Document, FactKind, FactStatus, Sentence

# More versions than this are refused: each is a full comparison and a grid column.
MAX_VERSIONS = 20


class SentenceStatus(StrEnum):
    """What a version did with one base sentence."""

    KEPT = "kept"  # equal after the matching normalisation (case, quotes, spaces...)
    REWORDED = "reworded"  # linked 1:1 in reading order, with other words
    MOVED = "moved"  # linked 1:1 elsewhere in reading order (``edited`` says if reworded too)
    SPLIT = "split"  # one base sentence became several
    MERGED = "merged"  # joined with neighbouring base sentences into one or more
    DROPPED = "dropped"  # the version has nothing for it


# One letter per status, so a grid never relies on colour alone.
STATUS_LETTERS: dict[SentenceStatus, str] = {
    SentenceStatus.KEPT: "K",
    SentenceStatus.REWORDED: "R",
    SentenceStatus.MOVED: "M",
    SentenceStatus.SPLIT: "S",
    SentenceStatus.MERGED: "J",  # joined: M is taken by moved
    SentenceStatus.DROPPED: "D",
}


@dataclass(frozen=True, slots=True)
class SentenceState:
    """One base sentence in one version.

    ``unit`` indexes the version's ``comparison.units`` (None when dropped); ``sentences`` are
    the version's sentences linked to it; ``similarity`` is the unit's (1.0 kept, 0.0 dropped);
    ``edited`` tells whether the linked words differ (always False for kept, True for
    reworded; for moved, split and merged it says whether the words changed as well).
    """

    status: SentenceStatus
    unit: int | None
    sentences: tuple[int, ...]
    similarity: float
    edited: bool


@dataclass(frozen=True, slots=True)
class SharedAddition:
    """Another version's added sentence that says the same as an addition."""

    version: int
    sentence: int
    similarity: float  # cosine of the two sentences' term vectors, 0..1


@dataclass(frozen=True, slots=True)
class Addition:
    """A sentence a version adds (only in it, compared with the base).

    ``also_in`` lists the other versions that add the same sentence (at most one match per
    version, the most similar): "added by 3 of 5 versions" hints at a second common source.
    """

    version: int
    sentence: int
    also_in: tuple[SharedAddition, ...] = ()

    @property
    def added_by(self) -> int:
        """How many versions add this sentence, this one included."""
        return 1 + len(self.also_in)


@dataclass(frozen=True, slots=True)
class FactCell:
    """How one version states a fact item the base sentence has (or one it adds).

    ``text`` is the version's words for it (None when the version leaves it out); ``status``
    and ``note`` come from that version's pairwise fact item.
    """

    status: FactStatus
    text: str | None
    note: str
    span: tuple[int, int] | None  # in the version's text


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact item of one base sentence, side by side across the versions.

    ``base_text`` is the base's words ("30"), None for an item only versions state;
    ``cells[i]`` is version i's difference, None where version i states it as the base does
    (or, for an item the base lacks, does not state it).
    """

    base_sentence: int
    kind: FactKind
    base_text: str | None
    base_span: tuple[int, int] | None
    cells: tuple[FactCell | None, ...]


@dataclass(frozen=True, slots=True)
class Overlap:
    """How much of one text is found in another (row text in column text), each 0..1.

    ``sentences``: share of the row's sentences whose matching key (the normalised text)
    the other text has too. ``phrases``: share of the row's distinct three-word phrases
    (matching keys, punctuation left out) found in the other text. Both are asymmetric: a
    short rewrite made from a long one has most of its phrases in it, not the other way.
    """

    sentences: float
    phrases: float


@dataclass(frozen=True, slots=True)
class VersionResult:
    """One version and its pairwise comparison with the base (base = A, version = B).

    ``identical_to_base``: the version's text equals the base's. ``identical_to``: the
    first earlier version whose text it equals, else None.
    """

    index: int
    document: Document
    comparison: Comparison
    identical_to_base: bool = False
    identical_to: int | None = None


@dataclass(frozen=True, slots=True)
class VersionsResult:
    """A base compared with every version.

    ``states[k][i]``: base sentence k in version i. ``additions[i]``: version i's added
    sentences in its reading order. ``facts``: the fact rows in base order.
    ``overlap[i][j]``: version i found in version j (the diagonal is 1.0);
    ``from_base[i]``: version i found in the base, ``in_base[i]``: the base found in version i.
    """

    base: Document
    base_sentences: tuple[Sentence, ...]
    versions: tuple[VersionResult, ...]
    states: tuple[tuple[SentenceState, ...], ...]
    additions: tuple[tuple[Addition, ...], ...]
    facts: tuple[FactRow, ...]
    overlap: tuple[tuple[Overlap, ...], ...]
    from_base: tuple[Overlap, ...]
    in_base: tuple[Overlap, ...]


class VersionsError(ValueError):
    """A versions request the engine refuses (too many versions, none at all)."""
