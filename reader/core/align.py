"""Sentence alignment: which sentences of A and B say the same thing.

Rewrites are paraphrases, so sentences are matched by weighted overlap of content terms,
not by string equality. The pipeline:

1. identical sentences that occur once on each side are anchors; the longest chain of them in
   order splits the problem into small gaps (a book revision is mostly anchors);
2. every gap is aligned by dynamic programming over 1:1, 1:n (split) and n:1 (merged) units,
   which keeps the reading order most rewrites keep;
3. sentences left over on both sides are paired across the whole text: those are moved.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.model import CompareOptions
from reader.core.similarity import SentenceFeatures, Weights, build_features

# Gaps with more cells than this get extra anchors (mutual best matches) before the DP.
DP_CELL_LIMIT = 40_000
MAX_GROUP = 3  # at most 3 sentences on one side of a split or merge


@dataclass(frozen=True, slots=True)
class Link:
    """Aligned sentence indices of A and B with their similarity; ``moved`` breaks the order."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Thresholds:
    """How similar sentences must be to be linked; derived from ``CompareOptions.looseness``."""

    pair: float  # a 1:1 unit in order
    group: float  # a split or merged unit
    part: float  # each sentence of a split/merge must be this contained in the other side
    moved: float  # a pair out of order needs more evidence

    @classmethod
    def from_looseness(cls, looseness: float) -> Thresholds:
        loose = min(1.0, max(0.0, looseness))
        # looseness 0 -> only near-identical sentences; 1 -> loose paraphrase.
        pair = 0.75 - 0.6 * loose
        return cls(pair=pair, group=pair + 0.05, part=0.55 - 0.3 * loose, moved=min(0.9, pair + 0.2))


def align_sentences(
    a: Sequence[str],
    b: Sequence[str],
    options: CompareOptions,
    progress: Callable[[float], None] | None = None,
) -> list[Link]:
    """Align two lists of sentences; returns links sorted by their first A sentence."""
    feats_a, feats_b, weights = build_features(a, b, options)
    aligner = _Aligner(feats_a, feats_b, weights, Thresholds.from_looseness(options.looseness))
    return aligner.run(progress)


class _Aligner:
    def __init__(
        self,
        fa: list[SentenceFeatures],
        fb: list[SentenceFeatures],
        weights: Weights,
        thresholds: Thresholds,
    ) -> None:
        self.fa, self.fb, self.w, self.t = fa, fb, weights, thresholds

    # -- 1. anchors ---------------------------------------------------------------------------
    def _identical_anchors(self, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[tuple[int, int]]:
        count_a = Counter(self.fa[i].key for i in range(a_lo, a_hi))
        count_b = Counter(self.fb[j].key for j in range(b_lo, b_hi))
        where_b = {self.fb[j].key: j for j in range(b_lo, b_hi) if count_b[self.fb[j].key] == 1}
        pairs = [
            (i, where_b[k])
            for i in range(a_lo, a_hi)
            if (k := self.fa[i].key) and count_a[k] == 1 and k in where_b
        ]
        return longest_chain(pairs)

    def _similar_anchors(self, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> list[tuple[int, int]]:
        """Mutual best matches with high similarity, found through an inverted index."""
        index: dict[str, list[int]] = defaultdict(list)
        for j in range(b_lo, b_hi):
            for term in self.fb[j].rare_terms:
                index[term].append(j)
        best_for_b: dict[int, tuple[float, int]] = {}
        best_for_a: dict[int, tuple[float, int]] = {}
        for i in range(a_lo, a_hi):
            candidates = Counter(j for term in self.fa[i].rare_terms for j in index.get(term, ()))
            for j, _ in candidates.most_common(8):
                s = self.w.cosine(self.fa[i].vector, self.fb[j].vector)
                if s > best_for_a.get(i, (0.0, -1))[0]:
                    best_for_a[i] = (s, j)
                if s > best_for_b.get(j, (0.0, -1))[0]:
                    best_for_b[j] = (s, i)
        pairs = [
            (i, j)
            for i, (s, j) in best_for_a.items()
            if s >= 0.8 and best_for_b.get(j, (0.0, -1))[1] == i
        ]
        return longest_chain(pairs)

    # -- driver ------------------------------------------------------------------------------
    def run(self, progress: Callable[[float], None] | None) -> list[Link]:
        na, nb = len(self.fa), len(self.fb)
        links: list[Link] = []
        gaps: list[tuple[int, int, int, int]] = []
        self._split(0, na, 0, nb, links, gaps, depth=0)
        total = sum((a1 - a0) * (b1 - b0) for a0, a1, b0, b1 in gaps) or 1
        done = 0
        for a0, a1, b0, b1 in gaps:
            links.extend(self._align_gap(a0, a1, b0, b1))
            done += (a1 - a0) * (b1 - b0)
            if progress is not None:
                progress(0.9 * done / total)
        links.extend(self._moved(links))
        links.sort(key=lambda link: (link.a[0] if link.a else -1, link.b[0] if link.b else -1))
        if progress is not None:
            progress(1.0)
        return links

    def _split(
        self,
        a0: int,
        a1: int,
        b0: int,
        b1: int,
        links: list[Link],
        gaps: list[tuple[int, int, int, int]],
        depth: int,
    ) -> None:
        """Cut [a0,a1) x [b0,b1) at anchors; collect the gaps between them."""
        if a0 >= a1 or b0 >= b1:
            return
        anchors = self._identical_anchors(a0, a1, b0, b1)
        if not anchors and (a1 - a0) * (b1 - b0) > DP_CELL_LIMIT and depth < 4:
            anchors = self._similar_anchors(a0, a1, b0, b1)
        if not anchors:
            gaps.append((a0, a1, b0, b1))
            return
        prev_a, prev_b = a0, b0
        for i, j in anchors:
            self._split(prev_a, i, prev_b, j, links, gaps, depth + 1)
            sim = 1.0 if self.fa[i].key == self.fb[j].key else self.w.cosine(self.fa[i].vector, self.fb[j].vector)
            links.append(Link((i,), (j,), sim))
            prev_a, prev_b = i + 1, j + 1
        self._split(prev_a, a1, prev_b, b1, links, gaps, depth + 1)

    # -- 2. dynamic programming inside a gap -------------------------------------------------------
    def _align_gap(self, a0: int, a1: int, b0: int, b1: int) -> list[Link]:
        n, m = a1 - a0, b1 - b0
        if n * m > DP_CELL_LIMIT * 4:
            return []  # far too large and no anchors: leave to the moved pass / unique lists
        neg = -math.inf
        score = [[neg] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        score[0][0] = 0.0
        unit_cache: dict[tuple[int, int, int, int], float | None] = {}
        for i in range(n + 1):
            row = score[i]
            for j in range(m + 1):
                here = row[j]
                if here == neg:
                    continue
                # skips
                if i < n and score[i + 1][j] < here:
                    score[i + 1][j] = here
                    back[i + 1][j] = (1, 0, 0.0)
                if j < m and row[j + 1] < here:
                    row[j + 1] = here
                    back[i][j + 1] = (0, 1, 0.0)
                for da, db in _SHAPES:
                    if i + da > n or j + db > m:
                        continue
                    key = (a0 + i, da, b0 + j, db)
                    sim = unit_cache.get(key, -1.0)
                    if sim == -1.0:
                        sim = self._unit_similarity(a0 + i, da, b0 + j, db)
                        unit_cache[key] = sim
                    if sim is None:
                        continue
                    gain = (da + db) * (sim - (self.t.pair if da == db == 1 else self.t.group)) + 1e-6
                    if here + gain > score[i + da][j + db]:
                        score[i + da][j + db] = here + gain
                        back[i + da][j + db] = (da, db, sim)
        out: list[Link] = []
        i, j = n, m
        while i > 0 or j > 0:
            step = back[i][j]
            assert step is not None
            da, db, sim = step
            if da and db:
                out.append(Link(tuple(range(a0 + i - da, a0 + i)), tuple(range(b0 + j - db, b0 + j)), sim))
            i, j = i - da, j - db
        out.reverse()
        return out

    def _unit_similarity(self, i: int, da: int, j: int, db: int) -> float | None:
        """Similarity of A[i:i+da] and B[j:j+db], or None when they should not be a unit."""
        w = self.w
        if da == 1 and db == 1:
            fa, fb = self.fa[i], self.fb[j]
            if fa.key and fa.key == fb.key:
                return 1.0
            sim = w.cosine(fa.vector, fb.vector)
            return sim if sim >= self.t.pair else None
        va = w.merge([self.fa[k].vector for k in range(i, i + da)])
        vb = w.merge([self.fb[k].vector for k in range(j, j + db)])
        sim = w.cosine(va, vb)
        if sim < self.t.group:
            return None
        # Every sentence of the larger side must really be part of the other side.
        parts = [(self.fa[k].vector, vb) for k in range(i, i + da)] if da > 1 else []
        parts += [(self.fb[k].vector, va) for k in range(j, j + db)] if db > 1 else []
        if any(w.containment(part, whole) < self.t.part for part, whole in parts):
            return None
        return sim

    # -- 3. moved sentences --------------------------------------------------------------------------
    def _moved(self, links: list[Link]) -> list[Link]:
        used_a = {i for link in links for i in link.a}
        used_b = {j for link in links for j in link.b}
        free_a = [i for i in range(len(self.fa)) if i not in used_a and self.fa[i].vector]
        free_b = [j for j in range(len(self.fb)) if j not in used_b and self.fb[j].vector]
        if not free_a or not free_b:
            return []
        index: dict[str, list[int]] = defaultdict(list)
        for j in free_b:
            for term in self.fb[j].vector:
                index[term].append(j)
        candidates: list[tuple[float, int, int]] = []
        for i in free_a:
            seen = Counter(j for term in self.fa[i].rare_terms or self.fa[i].vector for j in index.get(term, ()))
            for j, _ in seen.most_common(10):
                fa, fb = self.fa[i], self.fb[j]
                sim = 1.0 if fa.key and fa.key == fb.key else self.w.cosine(fa.vector, fb.vector)
                if sim >= self.t.moved:
                    candidates.append((sim, i, j))
        candidates.sort(reverse=True)
        taken_a: set[int] = set()
        taken_b: set[int] = set()
        out = []
        ordered = sorted((link.a[0], link.b[0]) for link in links if link.a and link.b)
        for sim, i, j in candidates:
            if i in taken_a or j in taken_b:
                continue
            taken_a.add(i)
            taken_b.add(j)
            out.append(Link((i,), (j,), sim, moved=not _fits_order(ordered, i, j)))
        return out


_SHAPES = [(1, 1)] + [(1, k) for k in range(2, MAX_GROUP + 1)] + [(k, 1) for k in range(2, MAX_GROUP + 1)]


def _fits_order(ordered: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether pair (i, j) sits between its ordered neighbours (then it is not really moved)."""
    k = bisect.bisect_left(ordered, (i, j))
    before_ok = k == 0 or ordered[k - 1][1] < j
    after_ok = k == len(ordered) or ordered[k][1] > j
    return before_ok and after_ok


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
