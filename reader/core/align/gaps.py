"""The gaps between in-order spans: what lies between two consecutive anchors or units."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

# First A, last A, first B and last B sentence of an anchor or a unit.
Span = tuple[int, int, int, int]


def gaps_between(spans: Sequence[Span], na: int, nb: int) -> Iterator[tuple[range, range]]:
    """The A and B sentences strictly between consecutive ``spans`` (sorted, in order).

    Also before the first span and after the last one; a gap may be empty on either side.
    """
    prev_a = prev_b = -1
    for first_a, last_a, first_b, last_b in spans:
        yield range(prev_a + 1, first_a), range(prev_b + 1, first_b)
        prev_a, prev_b = last_a, last_b
    yield range(prev_a + 1, na), range(prev_b + 1, nb)
