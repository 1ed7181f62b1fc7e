"""Monotone assignment of B sentences to A sentences inside a gap between anchors.

Plain-language rewrites split one sentence into several and add explanation sentences that
share few words with the original. Scoring each pair alone misses those, so a gap is aligned
as a path over the B sentences in reading order (an HMM-style Viterbi): each B sentence is
linked to one A sentence or to none, A indices never go back, and staying on the same A
sentence earns a bonus. A weak B sentence sitting between two B sentences of the same A
sentence then joins that unit, which is what human aligners do. Consecutive B sentences on
the same A sentence form a 1:n unit; a post pass merges neighbouring A sentences into n:1.

The emission is a logistic regression over a few pair features, fitted on DEplain documents
with odd ids by ``benchmarks/fit_alignment.py``; the path penalties were tuned on the same
half (the even half was used only to measure).

Status: measured, not the default. Cross-validated it scores F1 .654 (odd -> even), below the
candidate chain of ``align.py``, so ``align_sentences`` uses it only when given ``params``
(see docs/benchmarks-alignment.md, "What did not help").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align_units import term_index
from reader.core.similarity import SentenceFeatures, containment, coverage

FEATURE_NAMES = (
    "a_in_b",  # containment of the A sentence in the B sentence
    "b_in_a",
    "cosine",
    "b_in_a_vs_best",  # b_in_a divided by the best b_in_a of this B sentence in the gap
    "a_in_b_vs_best",
    "shared_number",  # 1 when both have a number in common
    "number_mismatch",  # 1 when the B sentence has numbers and none is in the A sentence
    "position_gap",  # |j/m - i/n| over the whole texts
    "length_ratio",  # |log(words of B / words of A)|
)


@dataclass(frozen=True, slots=True)
class PathParams:
    """Emission weights (one per feature, then the intercept) and the path penalties."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # a link must beat "no link" by this much log-odds
    stay: float  # bonus for the next B sentence staying on the same A sentence
    skip: float  # cost of every A sentence passed over without a link
    merge: float  # an unlinked neighbouring A sentence joins a unit from this containment on


# Fitted by ``benchmarks/fit_alignment.py`` on DEplain-web manual test, odd document ids only
# (logistic regression, Newton iterations, positives = gold pairs, negatives = other pairs of
# the same gaps near the diagonal); stay/skip/merge/threshold chosen there by grid search on
# the same odd half. The even half was only measured (docs/benchmarks-alignment.md).
FITTED_ON_ODD_IDS = PathParams(
    weights=(0.73, 1.237, 0.936, 1.961, 1.256, 0.238, -0.159, -0.311, 0.238),
    bias=-5.58,
    threshold=-0.5,
    stay=2.0,
    skip=0.6,
    merge=0.3,
)

# Dense path search costs cells = |A gap| x |B gap|; larger gaps use the candidate chain.
DP_CELL_LIMIT = 250_000


def pair_features(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    a0: int,
    a1: int,
    b0: int,
    b1: int,
) -> dict[tuple[int, int], tuple[float, ...]]:
    """Features of every pair of the gap that shares a term (others only have position)."""
    shared: dict[tuple[int, int], list[float]] = {}
    index = term_index(fb, b0, b1)
    for i in range(a0, a1):
        for term, wa in fa[i].vector.items():
            for j, wb in index.get(term, ()):
                cell = shared.get((i, j))
                if cell is None:
                    cell = shared[i, j] = [0.0, 0.0]
                cell[0] += wa if wa < wb else wb
                cell[1] += wa * wb
    best_b: dict[int, float] = defaultdict(float)
    best_a: dict[int, float] = defaultdict(float)
    raw: dict[tuple[int, int], tuple[float, float, float]] = {}
    for (i, j), (common, dot) in shared.items():
        sa, sb = fa[i], fb[j]
        if sa.key == sb.key:
            a_in_b = b_in_a = cosine = 1.0
        else:
            a_in_b = common / sa.mass if sa.mass else 0.0
            b_in_a = common / sb.mass if sb.mass else 0.0
            cosine = dot / (sa.norm * sb.norm) if sa.norm and sb.norm else 0.0
        raw[i, j] = (a_in_b, b_in_a, cosine)
        best_b[j] = max(best_b[j], b_in_a)
        best_a[i] = max(best_a[i], a_in_b)
    n, m = len(fa), len(fb)
    out: dict[tuple[int, int], tuple[float, ...]] = {}
    for (i, j), (a_in_b, b_in_a, cosine) in raw.items():
        sa, sb = fa[i], fb[j]
        out[i, j] = (
            a_in_b,
            b_in_a,
            cosine,
            b_in_a / best_b[j] if best_b[j] else 0.0,
            a_in_b / best_a[i] if best_a[i] else 0.0,
            1.0 if sa.numbers & sb.numbers else 0.0,
            1.0 if sb.numbers and not sa.numbers & sb.numbers else 0.0,
            position_gap(i, j, n, m),
            length_ratio(sa, sb),
        )
    return out


def position_gap(i: int, j: int, n: int, m: int) -> float:
    return abs((i + 0.5) / n - (j + 0.5) / m)


def length_ratio(sa: SentenceFeatures, sb: SentenceFeatures) -> float:
    return abs(math.log((sb.words + 1) / (sa.words + 1)))


def no_overlap_features(i: int, j: int, fa: Sequence[SentenceFeatures], fb: Sequence[SentenceFeatures]) -> tuple[float, ...]:
    """Features of a pair that shares no term: only position, length and numbers speak."""
    sa, sb = fa[i], fb[j]
    mismatch = 1.0 if sb.numbers else 0.0
    return (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, mismatch, position_gap(i, j, len(fa), len(fb)), length_ratio(sa, sb))


def emission_matrix(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    params: PathParams,
) -> list[list[float]]:
    """Log-odds that B sentence j belongs with A sentence i, as rows j - b0, columns i - a0."""
    feats = pair_features(fa, fb, a0, a1, b0, b1)
    w = params.weights
    base = params.bias - params.threshold
    n, m = len(fa), len(fb)
    w_num, w_pos, w_len = w[6], w[7], w[8]
    rows = []
    for j in range(b0, b1):
        sb = fb[j]
        plain = base + (w_num if sb.numbers else 0.0)
        row = []
        for i in range(a0, a1):
            f = feats.get((i, j))
            if f is None:
                row.append(plain + w_pos * position_gap(i, j, n, m) + w_len * length_ratio(fa[i], sb))
            else:
                row.append(base + sum(wk * fk for wk, fk in zip(w, f)))
        rows.append(row)
    return rows


def best_path(
    emission: list[list[float]], stay: float, skip: float, lone: Sequence[bool] | None = None
) -> list[int]:
    """For every B row, the A column it is linked to or -1; columns never decrease.

    State ``i`` per row: "linked to column i" (L) or "unlinked, last link was column i" (N,
    with i = -1 before any link). Moving from column i' to i > i' costs ``skip`` per column
    passed over; staying on column i earns ``stay``; an unlinked row earns 0. A row marked
    ``lone`` (an identical sentence) never shares its column with the row before or after.
    """
    rows = len(emission)
    cols = len(emission[0]) if rows else 0
    if not rows or not cols:
        return [-1] * rows
    neg = -math.inf
    # Index k = column + 1, so k = 0 is "before any column".
    prev_l = [neg] * (cols + 1)
    prev_n = [0.0] + [neg] * cols
    back: list[tuple[list[int], list[bool]]] = []  # per row: L's predecessor state, N from L?
    lone = lone or [False] * rows
    for r, row in enumerate(emission):
        may_stay = not lone[r] and not (r > 0 and lone[r - 1])
        cur_l = [neg] * (cols + 1)
        cur_n = [neg] * (cols + 1)
        from_l = [-1] * (cols + 1)  # encoded predecessor: 2*k for L(k), 2*k+1 for N(k)
        n_from_l = [False] * (cols + 1)
        # Running best of max(L, N)[k'] + skip * k' over k' < k, for a move to column k.
        run_best, run_state = neg, -1
        for k in range(cols + 1):
            if k > 0:
                move = run_best - skip * (k - 1) if run_best > neg else neg
                kept = prev_l[k] + stay if may_stay else neg
                if kept >= move:
                    cur_l[k], from_l[k] = kept + row[k - 1], 2 * k
                else:
                    cur_l[k], from_l[k] = move + row[k - 1], run_state
            pl, pn = prev_l[k], prev_n[k]
            if pl >= pn:
                cur_n[k], n_from_l[k] = pl, True
            else:
                cur_n[k] = pn
            for value, state in ((pl, 2 * k), (pn, 2 * k + 1)):
                if value > neg and value + skip * k > run_best:
                    run_best, run_state = value + skip * k, state
        back.append((from_l, n_from_l))
        prev_l, prev_n = cur_l, cur_n
    # A columns left over after the last link are passed over too.
    end_score, state = neg, 1
    for k in range(cols + 1):
        for value, code in ((prev_l[k], 2 * k), (prev_n[k], 2 * k + 1)):
            score = value - skip * (cols - k)
            if score > end_score:
                end_score, state = score, code
    out = [-1] * rows
    for r in range(rows - 1, -1, -1):
        k, linked = state // 2, state % 2 == 0
        from_l, n_from_l = back[r]
        if linked:
            out[r] = k - 1
            state = from_l[k]
        else:
            state = 2 * k if n_from_l[k] else 2 * k + 1
    return out


def path_units(path: list[int], a0: int, b0: int) -> list[tuple[int, list[int]]]:
    """Runs of consecutive B rows on the same A column: (A index, B indices)."""
    units: list[tuple[int, list[int]]] = []
    for r, col in enumerate(path):
        if col < 0:
            continue
        if units and units[-1][0] == a0 + col and units[-1][1][-1] == b0 + r - 1:
            units[-1][1].append(b0 + r)
        else:
            units.append((a0 + col, [b0 + r]))
    return units


def path_gap_units(
    fa: Sequence[SentenceFeatures],
    fb: Sequence[SentenceFeatures],
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    params: PathParams,
) -> list[tuple[int, list[int], float]]:
    """Units (A index, B indices, similarity) the path search finds in one gap."""
    emission = emission_matrix(fa, fb, a0, a1, b0, b1, params)
    for r, j in enumerate(range(b0, b1)):
        if not fb[j].vector:  # a sentence without words cannot say the same thing
            emission[r] = [-math.inf] * (a1 - a0)
    for c, i in enumerate(range(a0, a1)):
        if not fa[i].vector:
            for row in emission:
                row[c] = -math.inf
    # An identical sentence is a 1:1 link, never one part of a split.
    keys_a = {fa[i].key for i in range(a0, a1) if fa[i].key}
    keys_b = {fb[j].key for j in range(b0, b1) if fb[j].key}
    lone = [fb[j].key in keys_a for j in range(b0, b1)]
    identical_cols = [c for c, i in enumerate(range(a0, a1)) if fa[i].key in keys_b]
    for r, j in enumerate(range(b0, b1)):
        key = fb[j].key
        for c in identical_cols:
            if fa[a0 + c].key != key:
                emission[r][c] = -math.inf
        if lone[r]:
            emission[r] = [e if fa[a0 + c].key == key else -math.inf for c, e in enumerate(emission[r])]
    path = best_path(emission, params.stay, params.skip, lone)
    out = []
    for i, bs in path_units(path, a0, b0):
        parts = [fb[j] for j in bs]
        similarity = 0.5 * (coverage(fa[i], parts) + sum(containment(f, fa[i]) for f in parts) / len(parts))
        out.append((i, bs, min(1.0, similarity)))
    return out
