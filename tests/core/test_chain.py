"""The heaviest in-order chain is in order and as heavy as the best one found by brute force."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.diff.chain import heaviest_chain

PAIRS = st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8), st.integers(1, 20).map(float)), max_size=9)


def in_order(chain: list[tuple[int, int, float]]) -> bool:
    return all(x[0] < y[0] and x[1] < y[1] for x, y in zip(chain, chain[1:], strict=False))


@settings(max_examples=300, deadline=None)
@given(PAIRS)
def test_chain_is_in_order_and_heaviest(pairs: list[tuple[int, int, float]]) -> None:
    chain = [pairs[k] for k in heaviest_chain(pairs)]
    assert in_order(chain)
    best = 0.0
    for size in range(1, len(pairs) + 1):
        for subset in combinations(sorted(pairs), size):
            if in_order(list(subset)):
                best = max(best, sum(p[2] for p in subset))
    assert sum(p[2] for p in chain) == best


def test_heavy_pair_beats_many_light_ones() -> None:
    pairs = [(0, 5, 1.0), (1, 6, 1.0), (2, 7, 1.0), (3, 0, 10.0)]
    assert heaviest_chain(pairs) == [3]
