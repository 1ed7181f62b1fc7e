"""Heaviest chain: the in-order subset of matches that keeps the most text in place."""

from __future__ import annotations

from collections.abc import Sequence


def heaviest_chain(pairs: Sequence[tuple[int, int, float]]) -> list[int]:
    """Indices into ``pairs`` (i, j, weight) of the chain strictly increasing in i and j with
    the largest total weight; O(n log n) with a Fenwick tree of prefix maxima over j."""
    if not pairs:
        return []
    order = sorted(range(len(pairs)), key=lambda k: (pairs[k][0], -pairs[k][1]))
    ranks = {j: r + 1 for r, j in enumerate(sorted({p[1] for p in pairs}))}
    size = len(ranks)
    tree_weight = [0.0] * (size + 1)
    tree_index = [-1] * (size + 1)
    best = [0.0] * len(pairs)
    parent = [-1] * len(pairs)
    # Pairs sharing an i must not chain with each other: process each i-group's queries first.
    k = 0
    while k < len(order):
        group_end = k
        while group_end < len(order) and pairs[order[group_end]][0] == pairs[order[k]][0]:
            group_end += 1
        for idx in order[k:group_end]:
            r = ranks[pairs[idx][1]] - 1  # strictly smaller j
            weight, source = 0.0, -1
            while r > 0:
                if tree_weight[r] > weight:
                    weight, source = tree_weight[r], tree_index[r]
                r -= r & -r
            best[idx] = weight + pairs[idx][2]
            parent[idx] = source
        for idx in order[k:group_end]:
            r = ranks[pairs[idx][1]]
            while r <= size:
                if best[idx] > tree_weight[r]:
                    tree_weight[r], tree_index[r] = best[idx], idx
                r += r & -r
        k = group_end
    end = max(range(len(pairs)), key=best.__getitem__)
    chain = []
    while end >= 0:
        chain.append(end)
        end = parent[end]
    chain.reverse()
    return chain
