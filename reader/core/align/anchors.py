"""Identical anchors: sentences the two texts share word for word, matched in order.

Sentences that occur once on each side are matched first (the longest in-order chain of
them, as patience diff does). A revision also repeats sentences ("```", "}", a caption used
twice) that this first pass must leave out, because a global count cannot say which copy goes
with which. Inside each gap between anchors the question is local and easy: identical
sentences that continue an anchored run on both sides (the common head and tail of the gap)
join it, and sentences unique *within the gap* on both sides are chained in the same way,
gap by gap. Only what is left needs term vectors and candidate scoring.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

# Sentences looked at while refining gaps, as a multiple of both texts' length: a bound on
# the nested gap search so that adversarial input (a text and its reverse) cannot make it
# quadratic.
REFINE_BUDGET_FACTOR = 4


def identical_anchors(keys_a: Sequence[str], keys_b: Sequence[str]) -> list[tuple[int, int]]:
    """In-order pairs of identical, non-empty sentences: unique ones first, then gap by gap."""
    chain = unique_anchors(keys_a, keys_b, 0, len(keys_a), 0, len(keys_b))
    return refine_anchors(keys_a, keys_b, chain)


def unique_anchors(
    keys_a: Sequence[str], keys_b: Sequence[str], a0: int, a1: int, b0: int, b1: int
) -> list[tuple[int, int]]:
    """Longest in-order chain of identical sentences that occur once on each side of a range."""
    count_a = Counter(keys_a[a0:a1])
    count_b = Counter(keys_b[b0:b1])
    where_b = {keys_b[j]: j for j in range(b0, b1) if count_b[keys_b[j]] == 1}
    pairs = [
        (i, where_b[keys_a[i]])
        for i in range(a0, a1)
        if keys_a[i] and count_a[keys_a[i]] == 1 and keys_a[i] in where_b
    ]
    return longest_chain(pairs)


def refine_anchors(
    keys_a: Sequence[str], keys_b: Sequence[str], anchors: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``anchors`` plus the identical pairs found inside the gaps they leave (see the module)."""
    budget = REFINE_BUDGET_FACTOR * (len(keys_a) + len(keys_b))
    out: list[tuple[int, int]] = []
    # Gaps still to look at, as (a0, a1, b0, b1); a stack instead of recursion (deep inputs).
    bounds = [(-1, -1), *anchors, (len(keys_a), len(keys_b))]
    pending = [(bounds[k][0] + 1, bounds[k + 1][0], bounds[k][1] + 1, bounds[k + 1][1]) for k in range(len(bounds) - 1)]
    pending.reverse()
    out.extend(anchors)
    while pending:
        a0, a1, b0, b1 = pending.pop()
        # The common head and tail of a gap continue the anchored runs around it. Empty
        # sentences (no words) are passed over, never anchored: nothing can link them.
        while a0 < a1 and b0 < b1 and keys_a[a0] == keys_b[b0]:
            if keys_a[a0]:
                out.append((a0, b0))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and keys_a[a1 - 1] == keys_b[b1 - 1]:
            if keys_a[a1 - 1]:
                out.append((a1 - 1, b1 - 1))
            a1, b1 = a1 - 1, b1 - 1
        if a1 - a0 < 1 or b1 - b0 < 1 or (a1 - a0 == 1 and b1 - b0 == 1):
            continue
        budget -= (a1 - a0) + (b1 - b0)
        if budget < 0:
            continue
        inner = unique_anchors(keys_a, keys_b, a0, a1, b0, b1)
        if not inner:
            continue
        out.extend(inner)
        edges = [(a0 - 1, b0 - 1), *inner, (a1, b1)]
        for k in range(len(edges) - 2, -1, -1):
            pending.append((edges[k][0] + 1, edges[k + 1][0], edges[k][1] + 1, edges[k + 1][1]))
    out.sort()
    return out


def longest_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest subsequence of (i, j) pairs increasing in both i and j (patience sorting)."""
    pairs = sorted(pairs)
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(idx)
        else:
            tails[k] = j
            tail_index[k] = idx
        parent[idx] = tail_index[k - 1] if k > 0 else -1
    chain = []
    idx = tail_index[-1] if tail_index else -1
    while idx >= 0:
        chain.append(pairs[idx])
        idx = parent[idx]
    chain.reverse()
    return chain


def copies_in_order(
    keys_a: Sequence[str], keys_b: Sequence[str], free_a: Sequence[int], free_b: Sequence[int]
) -> list[tuple[int, int]]:
    """Identical sentences left over (repeats), paired copy by copy in reading order.

    The first free copy of a sentence in A goes with its first free copy in B, and so on:
    two copies of one line are two lines, never a split of a third.
    """
    where_b: dict[str, list[int]] = {}
    for j in free_b:
        if keys_b[j]:
            where_b.setdefault(keys_b[j], []).append(j)
    taken: dict[str, int] = {}
    pairs = []
    for i in free_a:
        copies = where_b.get(keys_a[i])
        if copies:
            k = taken.get(keys_a[i], 0)
            if k < len(copies):
                pairs.append((i, copies[k]))
                taken[keys_a[i]] = k + 1
    return pairs
