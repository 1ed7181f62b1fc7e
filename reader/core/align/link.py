"""The aligner's answer: which sentences of A and which of B say the same thing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """Sentences ``a`` of A and ``b`` of B (ascending, contiguous) that say the same thing.

    ``moved`` is set when the counterpart sits elsewhere in reading order. A sentence split
    into pieces that lie apart is in one link per piece: the far pieces are ``moved``.
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    moved: bool = False
