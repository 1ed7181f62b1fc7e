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

from reader.core.align.gaps import gaps_between
from reader.core.diff.engine import diff_steps

# Sentences looked at while refining gaps, as a multiple of both texts' length: a bound on
# the nested gap search so that adversarial input (a text and its reverse) cannot make it
# quadratic.
REFINE_BUDGET_FACTOR = 4
# The diff of repeats is quadratic at worst (a text against its reverse): the squared
# lengths of the gaps diffed add up to at most this, about 1.5 s of the compiled engine.
REPEAT_DIFF_BUDGET = 20_000**2
# Characters the diff of repeated sentences can stand for them with (no surrogates).
MAX_SYMBOLS = 0x110000 - 0x100 - 0x800


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
        (i, where_b[keys_a[i]]) for i in range(a0, a1) if keys_a[i] and count_a[keys_a[i]] == 1 and keys_a[i] in where_b
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


def repeats_in_order(
    keys_a: Sequence[str], keys_b: Sequence[str], anchors: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Identical sentences inside the gaps between ``anchors``, matched in order (a minimal diff).

    Patience anchoring needs sentences that occur once; a text of refrains or look-alike
    lines has none, so inside each gap the sentences found on both sides are diffed as
    symbols and the common subsequence anchors them.
    """
    budget = REPEAT_DIFF_BUDGET
    out: list[tuple[int, int]] = []
    for range_a, range_b in gaps_between([(i, i, j, j) for i, j in anchors], len(keys_a), len(keys_b)):
        side_a = [i for i in range_a if keys_a[i]]
        side_b = [j for j in range_b if keys_b[j]]
        shared = {keys_a[i] for i in side_a} & {keys_b[j] for j in side_b}
        if not shared:
            continue
        side_a = [i for i in side_a if keys_a[i] in shared]
        side_b = [j for j in side_b if keys_b[j] in shared]
        cost = (len(side_a) + len(side_b)) ** 2
        if len(shared) > MAX_SYMBOLS or cost > budget:
            continue  # too many distinct sentences, or diffs too long: the other passes decide
        budget -= cost
        symbols = {key: _symbol(n) for n, key in enumerate(shared)}  # one alphabet per gap
        text_a = "".join([symbols[keys_a[i]] for i in side_a])
        text_b = "".join([symbols[keys_b[j]] for j in side_b])
        pos_a = pos_b = 0
        for op, length in diff_steps(text_a, text_b):
            if op == "=":
                out.extend(zip(side_a[pos_a : pos_a + length], side_b[pos_b : pos_b + length], strict=False))
            if op != "+":
                pos_a += length
            if op != "-":
                pos_b += length
    return out


def _symbol(number: int) -> str:
    """The ``number``-th character standing for a sentence: no surrogates, any plane."""
    code = 0x100 + number
    if code >= 0xD800:  # surrogates cannot stand alone in a string the diff engine reads
        code += 0x800
    return chr(code)
